package org.stroma.server.app;

import java.util.Set;
import java.util.stream.Collectors;
import org.stroma.protocol.text.Words;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.StudyId;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.masking.MaskingPolicy;
import org.stroma.trial.masking.Role;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * Who may see and do what. A study a person has no role in does not exist for them (404, not 403, so that its name
 * says nothing); within it, an action needs one of its roles. A person holding a blinded and an unblinded role in one
 * study sees as the blinded one: nobody is on both sides of the blind at once.
 */
final class Access {
    private Access() {
    }

    static void member(Principal p, String study) {
        // an id that cannot be a study's is not one, in the words of a study that does not exist
        if (!StudyId.valid(study) || !p.isMemberOf(study)) {
            throw RequestException.notFound("no study " + Texts.shown(study == null ? "" : study));
        }
    }

    static void require(Principal p, String study, Action action) {
        member(p, study);
        Set<Role> mine = p.rolesIn(study);
        if (!action.allows(mine)) {
            throw RequestException.forbidden("only the " + words(action.roles()) + " may " + action.words() + " in "
                    + study + "; you are the " + words(mine));
        }
    }

    /** The role a person's views of a study's subjects are made for. */
    static Role viewRole(Principal p, String study, MaskingPolicy masking) {
        member(p, study);
        Set<Role> mine = p.rolesIn(study);
        return mine.stream().filter(masking::isBlinded).findFirst().orElse(mine.iterator().next());
    }

    /** Whether the person sees a subject: one at a site they do not see is, to them, not there at all. */
    static boolean sees(Principal p, String study, TrialConduct t, String id) {
        try {
            return p.seesSite(study, t.subject(id).site());
        } catch (InvalidInputException noSuchSubject) {
            return false;
        }
    }

    /** The subject's id, when the person sees the subject's site; otherwise the subject is not found. */
    static String visibleSubject(Principal p, String study, TrialConduct t, String id) {
        if (!sees(p, study, t, id)) {
            throw RequestException.notFound("no subject " + id + " in study " + study);
        }
        return id;
    }

    /** The subject a query is about, when the person sees them; any other query is not found, as one never raised. */
    static String queriedSubject(Principal p, String study, TrialConduct t, String queryId) {
        try {
            String of = t.casebook().query(queryId).subject();
            if (sees(p, study, t, of)) {
                return of;
            }
        } catch (InvalidInputException e) {
            // said below, in the words of a query of a subject the person does not see
        }
        throw RequestException.notFound("no query " + queryId + " in study " + study);
    }

    static String words(Set<Role> roles) {
        return roles.stream().map(Words::of).collect(Collectors.joining(", "));
    }
}

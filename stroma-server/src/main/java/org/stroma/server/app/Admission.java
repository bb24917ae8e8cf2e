package org.stroma.server.app;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.stroma.server.auth.Principal;
import org.stroma.trial.masking.Role;

/**
 * Who may reach a study's route at all, settled before anything of the request is read: a person with no role in the
 * study finds no study (404), one whose roles allow none of the route's actions is refused (403). The services check
 * again, each for the one action it takes; this only keeps a request's contents from being weighed for someone who
 * may not ask.
 */
public final class Admission {
    private Admission() {
    }

    /** Admits a member of the study whose roles allow one of the actions (any member when there are none). */
    public static void admit(Principal p, String study, Set<Action> actions) {
        if (actions.size() == 1) {
            Access.require(p, study, actions.iterator().next());
            return;
        }
        Access.member(p, study);
        Set<Role> mine = p.rolesIn(study);
        if (!actions.isEmpty() && actions.stream().noneMatch(a -> a.allows(mine))) {
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            actions.forEach(a -> allowed.addAll(a.roles()));
            throw RequestException.forbidden("only the " + Access.words(allowed) + " may " + actions.stream()
                    .sorted().map(Action::words).collect(Collectors.joining(" or ")) + " in " + study
                    + "; you are the " + Access.words(mine));
        }
    }
}

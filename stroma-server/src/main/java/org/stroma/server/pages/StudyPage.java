package org.stroma.server.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.stroma.export.ExportFormat;
import org.stroma.export.Exports;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.Action;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.RegistryService;
import org.stroma.server.app.Moments;
import org.stroma.server.app.StudyOverview;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Principal;
import org.stroma.trial.conduct.SubjectView;

/**
 * A study: its design, arms, masking and schedule, its sites with enrolment, the subjects the person sees, the
 * emergency unblindings, for those who manage the study's team ({@code team} null for the others) who has which
 * role, and the trials of the registry related to it.
 */
public record StudyPage(Principal principal, StudyOverview study, List<SubjectView> subjects, StudyService.Team team,
        List<ConductService.UnblindingView> unblindings, RegistryService.Related related) {

    public static String render(Principal p, StudyOverview o, List<SubjectView> subjects, StudyService.Team team,
            List<ConductService.UnblindingView> unblindings, RegistryService.Related related) {
        return Templates.render("page/study.jte", new StudyPage(p, o, subjects, team, unblindings, related));
    }

    /** Whether the person may do this in the study, so that the page offers only what they can do. */
    /** The formats a study's data are exported in, for the page's buttons. */
    public static Set<ExportFormat> exportFormats() {
        return Exports.available();
    }

    public boolean may(Action action) {
        return action.allows(principal.rolesIn(study.id()));
    }

    /** Whether any subject's arm is shown, so that the subject table has an arm column only for those who see one. */
    public boolean showsArms() {
        return subjects.stream().anyMatch(v -> v.group() != null);
    }

    /** Whether the person may approve this unblinding: not granted yet, and never one they asked for themselves. */
    public boolean approves(ConductService.UnblindingView u) {
        return may(Action.APPROVE_UNBLINDING) && !u.granted() && !u.requestedBy().equals(principal.username());
    }

    /** An unblinding's moment, in its site's time zone. */
    public String shown(Instant at, ConductService.UnblindingView u) {
        return Moments.show(at, ZoneId.of(u.zone()), principal.locale());
    }

    /** A subject's state in words, as the study and subject pages show it. */
    public static String state(SubjectView v) {
        return Words.of(v.state());
    }
}

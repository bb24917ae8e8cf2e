package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductStore;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.AnalysisPlanText;
import org.stroma.trial.plan.PlanCheck;
import org.stroma.trial.plan.PlanHistory;
import org.stroma.trial.plan.PlanRevision;

/**
 * The statistical analysis plan of a study: every member reads it (it holds no arm of any subject); the statistician
 * saves revisions, each with its reason and made from the latest, and signs the latest with the password given again;
 * the data manager's lock freezes it, and the report analyses what was frozen.
 */
public final class AnalysisPlanService {
    private final ConductStore conduct;
    private final Authenticator auth;
    private final Clock clock;

    public AnalysisPlanService(ConductStore conduct, Authenticator auth, Clock clock) {
        this.conduct = conduct;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * The plan as it stands: the latest revision (or the draft, version 0, while none was saved), the revisions with
     * their reasons and signatures, whether the latest is signed, when the lock froze it, what keeps it from being
     * signed, and the plan as text.
     */
    public record PlanView(String study, AnalysisPlan plan, boolean saved, boolean signed, Instant frozenAt,
            List<PlanRevision> revisions, List<String> blocksSigning, String text) {
    }

    public PlanView plan(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> view(study, history(t, study)));
    }

    /** Saves a revision edited from {@code version} (the plan's version when read; 0 for the draft). */
    public PlanView revise(Principal p, String study, AnalysisPlan edited, String reason, Integer version)
            throws SQLException {
        Access.require(p, study, Action.WRITE_ANALYSIS_PLAN);
        Versions.required(version, "the analysis plan");
        if (edited == null) {
            throw RequestException.badRequest("plan", "send the plan as edited (as the plan's JSON reads)");
        }
        if (edited.version() != version) {
            throw RequestException.badRequest("version", "the plan says version " + edited.version() + " but the"
                    + " request version " + version + ": send the plan as read, with its version");
        }
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> checkLatest(history(t, study), version), t -> {
            t.revisePlan(edited, reason, now, p.username());
            return new ConductEvent.PlanRevised(edited, reason.strip(), now, p.username());
        });
        return plan(p, study);
    }

    /** Signs the latest revision, named by its version: the statistician gives their password again. */
    public PlanView sign(Principal p, String study, String password, String meaning, Integer version)
            throws SQLException {
        Access.require(p, study, Action.WRITE_ANALYSIS_PLAN);
        Versions.required(version, "the analysis plan");
        if (!auth.confirm(p.username(), password)) {
            throw RequestException.badRequest("password", "the password is wrong; the analysis plan is not signed");
        }
        if (meaning == null || meaning.isBlank()) {
            throw RequestException.badRequest("meaning", "say what the signature means (approved, authored…)");
        }
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> checkLatest(history(t, study), version), t -> {
            t.signPlan(version, p.username(), p.displayName(), meaning.strip(), now);
            return new ConductEvent.PlanSigned(version, p.displayName(), meaning.strip(), now, p.username());
        });
        return plan(p, study);
    }

    /**
     * The plan the lock froze, which the locked data are analysed by; or, for a study run before plans were kept, the
     * plan derived from its protocol (the report says it was not signed).
     */
    public AnalysisPlan frozen(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> {
            if (t.lockedAt() == null) {
                throw RequestException.conflict("the analysis plan of " + study + " is frozen when the data are"
                        + " locked, and they are not locked yet");
            }
            return t.analysisPlan().map(h -> h.frozen().orElseThrow().plan()).orElse(null);
        });
    }

    private static PlanHistory history(TrialConduct t, String study) {
        return t.analysisPlan().orElseThrow(() -> RequestException.conflict("study " + study + " began before"
                + " Stroma kept analysis plans: its report derives the plan from the protocol"));
    }

    /** Refuses a change made from a revision other than the latest, naming who saved the latest and when. */
    private static void checkLatest(PlanHistory h, int version) {
        PlanRevision latest = h.current().orElse(null);
        Versions.check("the analysis plan", version, latest == null ? 0 : latest.version(), latest == null ? null
                : latest.by(), latest == null ? null : latest.at());
    }

    private static PlanView view(String study, PlanHistory h) {
        PlanRevision latest = h.current().orElse(null);
        AnalysisPlan plan = latest == null ? h.draft() : latest.plan();
        return new PlanView(study, plan, latest != null, latest != null && latest.signed(), h.frozenAt(),
                h.revisions(), PlanCheck.unsignable(plan), AnalysisPlanText.markdown(plan));
    }
}

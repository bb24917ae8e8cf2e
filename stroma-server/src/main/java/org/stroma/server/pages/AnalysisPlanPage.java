package org.stroma.server.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import org.stroma.server.app.AnalysisPlanService;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;

/**
 * A study's statistical analysis plan: where it stands (a draft, a revision saved, signed, frozen by the lock), the plan
 * as text, its revisions with their reasons and signatures; for the statistician, until the lock, the plan's JSON to
 * edit and save as a revision with its reason, and the latest revision to sign.
 */
public record AnalysisPlanPage(Principal principal, String study, AnalysisPlanService.PlanView view, boolean writes,
        String json) {

    public static String render(Principal p, String study, AnalysisPlanService.PlanView view, boolean writes,
            String json) {
        return Templates.render("page/analysisPlan.jte", new AnalysisPlanPage(p, study, view, writes, json));
    }

    /** Where the plan's own actions post. */
    public String base() {
        return "/studies/" + study + "/analysis-plan";
    }

    /** Where the plan stands, in a few words. */
    public String state() {
        if (view.frozenAt() != null) {
            return "version " + view.plan().version() + ", signed and frozen by the lock on " + shown(view.frozenAt());
        }
        if (!view.saved()) {
            return "a draft derived from the registered outcome measures, not yet saved";
        }
        return "version " + view.plan().version() + (view.signed() ? ", signed" : ", not signed");
    }

    /** A moment of the plan's history, in UTC: the plan belongs to no site. */
    public String shown(Instant at) {
        return Moments.show(at, ZoneOffset.UTC, principal.locale());
    }
}

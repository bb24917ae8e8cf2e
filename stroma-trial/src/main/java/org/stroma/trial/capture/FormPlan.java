package org.stroma.trial.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.Protocol;
import org.stroma.trial.schedule.PlannedVisit;

/**
 * Which forms are filled at which visit: the every-visit forms at each one; the forms the protocol's outcomes call
 * for at the baseline and each follow-up visit (an outcome is measured against its baseline); nothing outcome-specific
 * at the administration, which is a treatment visit. A record that lists no outcome that calls for a form (a saved
 * page without them, say) gets the forms its conditions and title call for. Relapses are recorded when they happen,
 * outside the schedule, in a trial whose outcomes or conditions call for them.
 */
public final class FormPlan {
    private FormPlan() {
    }

    /** The trial's casebook: the forms of each visit, and the event forms its outcomes or conditions call for. */
    public static Casebook casebook(List<PlannedVisit> schedule, Protocol protocol, FormLibrary library) {
        // an event form is kept whenever the trial's conditions call for it: relapses are recorded in every MS trial
        Set<FormDef> events = new LinkedHashSet<>(called(protocol, library));
        events.addAll(library.formsForCondition(conditionsAndTitle(protocol)));
        return new Casebook(of(schedule, protocol, library), events.stream().filter(FormPlan::isEvent).toList());
    }

    public static Map<String, List<FormDef>> of(List<PlannedVisit> schedule, Protocol protocol, FormLibrary library) {
        Set<FormDef> measured = new LinkedHashSet<>(called(protocol, library));
        measured.removeIf(FormPlan::isEvent);
        Map<String, List<FormDef>> plan = new LinkedHashMap<>();
        for (PlannedVisit v : schedule) {
            List<FormDef> forms = new ArrayList<>();
            library.entries().stream().filter(FormLibrary.Entry::everyVisit).forEach(e -> forms.add(e.form()));
            if (!isAdministration(v)) {
                forms.addAll(measured);
            }
            plan.put(v.name(), forms);
        }
        return plan;
    }

    /** The forms the protocol's outcomes call for, or when they call for none but labs, its conditions and title. */
    private static Set<FormDef> called(Protocol protocol, FormLibrary library) {
        Set<FormDef> called = new LinkedHashSet<>();
        for (Outcome o : protocol.outcomes()) {
            called.addAll(library.formsFor(o.measure() + " " + (o.description() == null ? "" : o.description())));
        }
        if (called.stream().noneMatch(f -> !f.id().equals("labs") && !isEvent(f))) {
            called.addAll(library.formsForCondition(conditionsAndTitle(protocol)));
        }
        return called;
    }

    private static String conditionsAndTitle(Protocol protocol) {
        String title = protocol.identification() == null ? "" : protocol.identification().briefTitle();
        return String.join(" ", protocol.conditions()) + " " + title;
    }

    /** A form recorded when its event happens rather than at a visit: a relapse. */
    private static boolean isEvent(FormDef f) {
        return f.id().equals("relapse");
    }

    private static boolean isAdministration(PlannedVisit v) {
        return v.name().toLowerCase(Locale.ROOT).contains("administration");
    }
}

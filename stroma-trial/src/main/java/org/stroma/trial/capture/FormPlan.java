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
 * outside the schedule.
 */
public final class FormPlan {
    private FormPlan() {
    }

    public static Map<String, List<FormDef>> of(List<PlannedVisit> schedule, Protocol protocol, FormLibrary library) {
        Set<FormDef> measured = new LinkedHashSet<>();
        for (Outcome o : protocol.outcomes()) {
            measured.addAll(library.formsFor(o.measure() + " " + (o.description() == null ? "" : o.description())));
        }
        if (measured.stream().noneMatch(f -> !f.id().equals("labs"))) {
            String title = protocol.identification() == null ? "" : protocol.identification().briefTitle();
            measured.addAll(library.formsForCondition(String.join(" ", protocol.conditions()) + " " + title));
        }
        measured.removeIf(f -> f.id().equals("relapse"));
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

    private static boolean isAdministration(PlannedVisit v) {
        return v.name().toLowerCase(Locale.ROOT).contains("administration");
    }
}

package org.stroma.trial.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Protocol;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.schedule.SchedulePlanner;

/** Each seed's outcomes choose its forms, attached to the visits of its schedule. */
class FormPlanTest {

    private static Map<String, List<FormDef>> plan(String seed) {
        Protocol p = TrialFixtures.protocol(seed);
        TrialDesign d = DesignReader.read(p);
        return FormPlan.of(SchedulePlanner.plan(p, d, new java.util.ArrayList<>()), p, FormLibrary.standard());
    }

    private static List<String> ids(List<FormDef> forms) {
        return forms.stream().map(FormDef::id).toList();
    }

    @Test
    void theCardiacTrialsMeasureTheHeartAndTheMsTrialsTheBrain() {
        for (String seed : TrialFixtures.SEEDS) {
            Map<String, List<FormDef>> plan = plan(seed);
            assertThat(plan).as(seed).isNotEmpty();
            plan.values().forEach(forms -> assertThat(ids(forms)).as(seed).contains("vitals"));
            List<String> all = plan.values().stream().flatMap(f -> ids(f).stream()).distinct().toList();
            boolean ms = seed.equals(TrialFixtures.MESEMS_T) || seed.equals(TrialFixtures.MESEMS_G);
            if (ms) {
                assertThat(all).as(seed).contains("mri").doesNotContain("echo");
            } else {
                assertThat(all).as(seed).doesNotContain("mri", "edss").contains("echo");
            }
        }
        Map<String, List<FormDef>> mesami2 = plan(TrialFixtures.MESAMI2);
        assertThat(ids(mesami2.get("Administration"))).containsExactly("vitals");
        assertThat(ids(mesami2.get("Month 12"))).containsExactly("vitals", "vo2", "cardiac_imaging",
                "functional_class", "mlhfq", "six_minute_walk", "echo", "natriuretic_peptides", "icd");
        List<String> mesems = plan(TrialFixtures.MESEMS_T).values().stream().flatMap(f -> ids(f).stream()).distinct()
                .toList();
        assertThat(mesems).contains("labs", "mri", "edss").doesNotContain("relapse", "mlhfq");
    }

    @Test
    void relapsesAreRecordedWhenTheyHappenInTheMsTrialsOnly() {
        for (String seed : TrialFixtures.SEEDS) {
            Protocol p = TrialFixtures.protocol(seed);
            Casebook book = FormPlan.casebook(SchedulePlanner.plan(p, DesignReader.read(p), new java.util.ArrayList<>()),
                    p, FormLibrary.standard());
            boolean ms = seed.equals(TrialFixtures.MESEMS_T) || seed.equals(TrialFixtures.MESEMS_G);
            assertThat(ids(book.formsAt(Casebook.UNSCHEDULED))).as(seed).isEqualTo(ms ? List.of("relapse")
                    : List.of());
        }
        // ACESO-IHD's saved page lists no outcomes: its condition (ischemic heart disease) chooses the forms
        assertThat(plan(TrialFixtures.ACESO).values().stream().flatMap(f -> ids(f).stream()).distinct().toList())
                .contains("echo", "functional_class", "natriuretic_peptides", "six_minute_walk");
    }
}

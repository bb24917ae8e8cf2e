package org.stroma.trial.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edit checks on save: what refuses a value, what keeps it and opens a query. */
class EditChecksTest {
    private static final FormLibrary LIBRARY = FormLibrary.standard();
    private static final FormDef ECHO = LIBRARY.form("echo").orElseThrow();
    private static final FormDef VITALS = LIBRARY.form("vitals").orElseThrow();

    @Test
    void aValueOutsideTheExpectedRangeIsKeptWithAQuery() {
        List<Finding> f = EditChecks.run(ECHO, Map.of("lvef", "12", "lvedv", "180", "lvesv", "158"), null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Finding.Kind.QUERY);
            assertThat(x.item()).isEqualTo("lvef");
            assertThat(x.message()).isEqualTo("Left-ventricular ejection fraction (lvef): 12 % is outside the expected"
                    + " 15–70 %; please confirm");
        });
    }

    @Test
    void anImpossibleValueATypingErrorOrAMissingRequiredItemIsRefused() {
        List<Finding> f = EditChecks.run(VITALS, Map.of("systolic_bp", "1200", "diastolic_bp", "eighty",
                "heart_rate", "71.5", "temperature", "37"), null);
        assertThat(f).allMatch(Finding::refuses).extracting(Finding::item)
                .containsExactly("systolic_bp", "diastolic_bp", "heart_rate", "weight");
        assertThat(f.get(0).message()).isEqualTo("Systolic blood pressure (systolic_bp): 1200 mmHg is not possible"
                + " (40–300 mmHg); check the value and its unit");
        assertThat(f.get(1).message()).contains("'eighty' is not a number");
        assertThat(f.get(2).message()).contains("71.5 is not a whole number");
        assertThat(f.get(3).message()).isEqualTo("Weight (weight) is required");
        assertThat(EditChecks.run(LIBRARY.form("functional_class").orElseThrow(), Map.of("nyha", "V"), null))
                .singleElement().extracting(Finding::message).asString().contains("'V' is not one of [I, II, III, IV]");
        assertThat(EditChecks.run(ECHO, Map.of("lvef", "40", "rvef", "50"), null)).singleElement()
                .extracting(Finding::message).isEqualTo("form echo has no item rvef");
    }

    @Test
    void aNumberIsWhatAPersonTypesNotWhatJavaReads() {
        for (String odd : List.of("NaN", "Infinity", "120d", "120f", "1e2", "0x50", "12 0", "")) {
            assertThat(EditChecks.run(VITALS, Map.of("systolic_bp", odd.isEmpty() ? "." : odd, "diastolic_bp", "80",
                    "heart_rate", "70", "weight", "70"), null)).as(odd).singleElement().satisfies(x -> {
                        assertThat(x.refuses()).isTrue();
                        assertThat(x.message()).contains("is not a number");
                    });
        }
        assertThat(EditChecks.run(VITALS, Map.of("systolic_bp", " 120 ", "diastolic_bp", "+80", "heart_rate", "70",
                "weight", "70,5"), null)).isEmpty();
        assertThat(EditChecks.run(LIBRARY.form("relapse").orElseThrow(), Map.of("onset", "+12026-08-01",
                "confirmed", "yes"), null)).singleElement().extracting(Finding::message).asString()
                .contains("is not a date");
    }

    @Test
    void crossFieldChecksAndTheVisitWindowOpenQueries() {
        List<Finding> f = EditChecks.run(VITALS, Map.of("systolic_bp", "85", "diastolic_bp", "95", "heart_rate", "70",
                "weight", "81.4"), new VisitWindow("Month 3", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 8, 15),
                LocalDate.of(2026, 9, 12)));
        assertThat(f).noneMatch(Finding::refuses).extracting(Finding::message).containsExactly(
                "diastolic below systolic: Diastolic blood pressure (diastolic_bp) 95 is not < Systolic blood pressure"
                        + " (systolic_bp) 85",
                "visit Month 3 was done on 2026-09-30, outside its window 2026-08-15 to 2026-09-12");
        assertThat(EditChecks.run(ECHO, Map.of("lvedv", "120", "lvesv", "150"), null)).singleElement()
                .extracting(Finding::item).isEqualTo("lvesv");
    }

    @Test
    void theLibraryDefinesTheSeedsOutcomeForms() {
        assertThat(LIBRARY.entries()).extracting(e -> e.form().id()).contains("vitals", "labs", "natriuretic_peptides",
                "echo", "vo2", "functional_class", "six_minute_walk", "mlhfq", "mri", "edss", "relapse", "icd");
        assertThat(LIBRARY.form("edss").orElseThrow().item("edss").orElseThrow().codes()).startsWith("0", "1.0", "1.5")
                .endsWith("10.0").doesNotContain("0.5");
        assertThat(LIBRARY.form("mlhfq").orElseThrow().items()).hasSize(21);
        assertThat(LIBRARY.formsFor("Change in LVEF measured by echocardiography")).extracting(FormDef::id)
                .containsExactly("echo");
        assertThat(LIBRARY.formsFor("Cumulative number of gadolinium-enhancing lesions on MRI"))
                .extracting(FormDef::id).containsExactly("mri");
    }
}

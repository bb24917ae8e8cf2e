package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * An allergy or intolerance on the patient's record: the substance by its codes and name, whether it is a drug's
 * ({@code drug}: false only when the record says it is a food's, an environment's or a biologic's), whether it holds
 * ({@code active}: false when the record says it resolved, is inactive, or is not confirmed), and since when it is
 * recorded.
 * An allergy the record refutes or entered in error is no allergy and is never made one.
 */
public record Allergy(List<Code> codes, String text, boolean drug, boolean active, LocalDate recorded,
        String source) {

    public Allergy {
        codes = List.copyOf(codes);
    }

    /** The substance as a person reads it: the record's text, else a code's display, else the code. */
    public String substance() {
        if (text != null && !text.isBlank()) {
            return text;
        }
        return codes.stream().map(c -> c.display() != null ? c.display() : c.code()).filter(java.util.Objects::nonNull)
                .findFirst().orElse("a substance not named");
    }

    public static Allergy toDrug(Code substance) {
        return new Allergy(List.of(substance), substance.display(), true, true, null, null);
    }
}

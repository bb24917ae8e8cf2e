package org.stroma.prescreen;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of a {@link FactTable}, with where it was read ({@code file}, {@code row} from 1): a patient's birth date and
 * sex, or one coding of one fact. Columns the table leaves empty are null.
 */
public record FactRow(String file, long row, String patient, String kind, String fact, String system, String code,
        String display, String text, Double value, String unit, String valueCode, Double referenceHigh,
        LocalDate date, LocalDate endDate, String sex, Boolean planned, Boolean endUnknown, Boolean active,
        Boolean drug) implements Serializable {

    /** Where the row was read, as a problem with it is reported. */
    String where() {
        return file + ": row " + row;
    }
}

package org.stroma.protocol;

import java.util.Locale;

/** A milestone date and whether it is actual or estimated (the type is absent in older records). */
public record StudyDate(PartialDate date, DateType type) {
    @Override
    public String toString() {
        return type == null ? String.valueOf(date) : date + " (" + type.label().toLowerCase(Locale.ROOT) + ")";
    }
}

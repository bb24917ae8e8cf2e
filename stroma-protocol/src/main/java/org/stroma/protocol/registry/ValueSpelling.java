package org.stroma.protocol.registry;

import java.util.function.Function;
import org.stroma.protocol.Coded;
import org.stroma.protocol.PartialDate;

/**
 * How a format writes its typed values. API v2 writes machine values only: codes exactly as the registry defines
 * them and ISO dates, and Stroma takes nothing else from it, so that what it cannot read stays as given for the
 * export. The older formats and the pages write what a person reads: labels ("Parallel Assignment"), synonyms
 * ("Anticipated") and dates in words ("June 8, 2015").
 */
public enum ValueSpelling {
    API_V2_CODES(Vocabulary::exactCode, PartialDate::parseIso, "YYYY, YYYY-MM or YYYY-MM-DD"),
    DISPLAY_TEXT(Vocabulary::find, RegistryDates::parse, "such as \"June 8, 2015\", \"June 2015\" or 2015-06-08");

    /** Finds the vocabulary value a text stands for, or null. */
    private interface Lookup {
        <E extends Enum<E> & Coded> E find(Class<E> type, String text);
    }

    private final Lookup lookup;
    private final Function<String, PartialDate> dates;
    private final String dateForms;

    ValueSpelling(Lookup lookup, Function<String, PartialDate> dates, String dateForms) {
        this.lookup = lookup;
        this.dates = dates;
        this.dateForms = dateForms;
    }

    /** The vocabulary value the text stands for, or null. */
    <E extends Enum<E> & Coded> E resolve(Class<E> type, String text) {
        return lookup.find(type, text);
    }

    /** The date the text states, or null when it is not one of the forms this spelling allows. */
    PartialDate date(String text) {
        return dates.apply(text);
    }

    /** The date forms this spelling allows, as a warning names them. */
    String dateForms() {
        return dateForms;
    }
}

package org.stroma.protocol.registry;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.Age;
import org.stroma.protocol.Coded;
import org.stroma.protocol.MaskedParty;
import org.stroma.protocol.Masking;
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.PartialDate;

/**
 * The typed values of a record read from its text, the same way for every format: dates, ages, yes or no, vocabulary
 * codes and counts of participants. A value is recorded as read from its place under its field (when a field is
 * named); a text that is not the value it should be becomes a warning naming its place, and reads as absent, so that
 * one odd value never loses the record. An absent text (null) is an absent value, without a warning.
 */
public final class RecordValues {
    private final ValueSpelling spelling;
    private final ProtocolBuilder protocol;
    private final List<String> warnings = new ArrayList<>();

    RecordValues(ValueSpelling spelling, ProtocolBuilder protocol) {
        this.spelling = spelling;
        this.protocol = protocol;
    }

    /** A date in one of the forms the format's spelling allows. */
    public PartialDate date(String text, String place, String field) {
        if (text == null) {
            return null;
        }
        PartialDate date = spelling.date(text);
        if (date == null) {
            warn(place, "\"" + text + "\" is not a date (" + spelling.dateForms() + ")");
        }
        return recorded(field, place, date);
    }

    /** An age limit such as "18 Years" or "6 Months"; "N/A" and the like mean no limit, which is no value. */
    public Age age(String text, String place, String field) {
        Age age = AgeText.parse(text);
        if (age == null && !AgeText.meansNoLimit(text)) {
            warn(place, "\"" + text + "\" is not an age such as \"18 Years\"");
        }
        return recorded(field, place, age);
    }

    public Boolean yesNo(String text, String place, String field) {
        if (text == null) {
            return null;
        }
        Boolean value = YesNoText.parse(text);
        if (value == null) {
            warn(place, "\"" + text + "\" is neither yes nor no");
        }
        return recorded(field, place, value);
    }

    /**
     * A vocabulary value as the format spells it. An unknown code is a warning, not an error: the registry adds codes
     * over time, and one new code must not lose the record.
     */
    public <E extends Enum<E> & Coded> E code(Class<E> type, String text, String place, String field) {
        if (text == null) {
            return null;
        }
        E value = spelling.resolve(type, text);
        if (value == null) {
            warn(place, "unrecognised " + type.getSimpleName() + " \"" + text + "\"");
        }
        return recorded(field, place, value);
    }

    /**
     * Masking as the display formats write it, the level and then the masked parties in parentheses: "Quadruple
     * (Participant, Care Provider, Investigator, Outcomes Assessor)", "None (Open Label)". The parentheses name
     * parties only when someone is masked, so what else they hold is passed over.
     */
    public MaskingInfo masking(String text, String description, String place) {
        if (text == null) {
            return null;
        }
        int open = text.indexOf('(');
        List<MaskedParty> who = new ArrayList<>();
        if (open >= 0) {
            for (String party : text.substring(open + 1).replace(")", "").split(",")) {
                MaskedParty p = Vocabulary.find(MaskedParty.class, party);
                if (p != null) {
                    who.add(p);
                }
            }
        }
        String level = (open >= 0 ? text.substring(0, open) : text).trim();
        MaskingInfo masking = new MaskingInfo(code(Masking.class, level, place, "design.masking.level"), who,
                description);
        protocol.read("design.masking.whoMasked", place, who);
        return masking;
    }

    /**
     * A count of participants given as a number alone ("40", "1,250"). Anything else there is a damaged record, not
     * an odd value: the formats that give the count alone give nothing else in its place.
     */
    public Integer count(String text, String place, String field) {
        if (text == null) {
            return null;
        }
        try {
            return recorded(field, place, Integer.parseInt(text.trim().replace(",", "")));
        } catch (NumberFormatException e) {
            throw new RecordFormatException(place, "expected a whole number of participants, found \"" + text + "\"");
        }
    }

    /** The warnings so far, in the order the values were read. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warn(String place, String problem) {
        warnings.add(place + ": " + problem);
    }

    private <T> T recorded(String field, String place, T value) {
        if (field != null) {
            protocol.read(field, place, value);
        }
        return value;
    }
}

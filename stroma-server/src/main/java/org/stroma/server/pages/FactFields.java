package org.stroma.server.pages;

import java.util.Map;
import org.stroma.fhir.entered.TypedPatient;
import org.stroma.trial.eligibility.AskedFact;
import org.stroma.trial.eligibility.AskedFacts;

/**
 * The fields in which a patient's facts are typed: the birth date or age and the sex (where asked for), then each fact
 * the criteria ask, in the words of its kind. {@code typed} holds what the person typed before a refusal, so that the
 * form shown again loses nothing; a blank field is a fact not known, never a "no".
 */
public record FactFields(AskedFacts asked, boolean demographics, Map<String, String> typed) {

    public FactFields {
        typed = typed == null ? Map.of() : Map.copyOf(typed);
    }

    /** What a field holds: what the person typed, or blank. */
    public String value(String field) {
        return typed.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value(field).equals(value);
    }

    public String valueField(AskedFact f) {
        return TypedPatient.valueField(f.key());
    }

    public String dateField(AskedFact f) {
        return TypedPatient.dateField(f.key());
    }

    public String endField(AskedFact f) {
        return TypedPatient.endField(f.key());
    }

    /** The question a yes-or-no fact asks. */
    public static String question(AskedFact f) {
        return switch (f.kind()) {
            case CONDITION -> "Has " + f.label() + "?";
            case PROCEDURE -> "Had " + f.label() + "?";
            case PLANNED_PROCEDURE -> "Has " + f.label() + " planned?";
            case MEDICATION, DRUG_NAME -> "Takes or took " + f.label() + "?";
            case ALLERGY -> "Known allergy or intolerance to " + f.label() + "?";
            case MEASUREMENT, CLASS -> f.label();
        };
    }

    /** What a fact's date says, and whether the rules need it with a "yes". */
    public static String dateLabel(AskedFact f) {
        String when = switch (f.kind()) {
            case MEASUREMENT -> "measured on";
            case CLASS -> "assessed on";
            case CONDITION -> "since";
            case PROCEDURE -> "done on";
            case PLANNED_PROCEDURE -> "planned for";
            case MEDICATION, DRUG_NAME -> "started on";
            case ALLERGY -> "recorded on";
        };
        return f.label() + ", " + when + (f.hasValue() ? "" : f.dated() && f.kind() != AskedFact.Kind.MEDICATION
                && f.kind() != AskedFact.Kind.DRUG_NAME ? " (needed with a yes)" : " (if known)");
    }

    /** Whether the fact's date is asked: always for a value, a procedure or a drug; for a condition when it counts. */
    public static boolean asksDate(AskedFact f) {
        return f.kind() != AskedFact.Kind.CONDITION && f.kind() != AskedFact.Kind.ALLERGY || f.dated();
    }

    /** Whether the fact is a drug, which has an end as well as a start. */
    public static boolean asksEnd(AskedFact f) {
        return f.kind() == AskedFact.Kind.MEDICATION || f.kind() == AskedFact.Kind.DRUG_NAME;
    }

    /** The id of a field on the page: its name, with the '.' HTML ids and CSS selectors had better not hold. */
    public static String id(String field) {
        return field.replace('.', '-');
    }
}

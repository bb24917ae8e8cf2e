package org.stroma.fhir.entered;

import java.util.Map;

/**
 * A patient as the coordinator typed them on a form, every value as typed (blank where nothing was): the birth date or
 * the age, the sex, and an answer for each fact the form asked, by the fact's key ({@code AskedFact.key()}).
 */
public record TypedPatient(String birthDate, String age, String sex, Map<String, Answer> answers) {

    public TypedPatient {
        answers = Map.copyOf(answers);
    }

    /**
     * One fact as typed: {@code value} is a measurement's number, a class, or "yes" or "no"; {@code date} when it was
     * measured, began, was done or is planned, or when a drug was started; {@code end} when a drug was stopped.
     */
    public record Answer(String value, String date, String end) {
    }

    /** Whether nothing at all was typed. */
    public boolean isBlank() {
        return blank(birthDate) && blank(age) && blank(sex) && answers.values().stream().allMatch(a -> blank(a.value())
                && blank(a.date()) && blank(a.end()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The form field of a fact's value or yes or no ("fact.measurement-lvef"). */
    public static String valueField(String key) {
        return "fact." + key;
    }

    /** The form field of the date a fact was measured, began, was done or is planned, or a drug started. */
    public static String dateField(String key) {
        return "date." + key;
    }

    /** The form field of the date a drug was stopped. */
    public static String endField(String key) {
        return "end." + key;
    }

    /** The answer typed for a fact, blank when none was. */
    public Answer answer(String key) {
        return answers.getOrDefault(key, new Answer(null, null, null));
    }
}

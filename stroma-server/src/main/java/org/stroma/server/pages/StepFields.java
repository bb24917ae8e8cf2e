package org.stroma.server.pages;

import java.util.List;

/**
 * A product step's form fields, made from the step's template: a number field for each number, a text field (or a
 * choice, for a test finding or a route) for each text, a group for each part of the step, and a JSON box for a list
 * (the temperature readings). Each field's name says its place and kind ({@code n.given.volumeMl},
 * {@code s.number.flags}, {@code j.temperatures.readings}), so that the step's form is read back with the values where
 * the template had them, a number as a number and "00" as text.
 */
public final class StepFields {
    private StepFields() {
    }

    /** The fields of one step, in a group the step form swaps when another step is chosen. */
    public record Fieldset(String product, String type, List<StepField> fields) {

        /** Whether the step asks when it was done; an administration states its own start and stop instead. */
        public boolean asksWhen() {
            return !type.equals("Administered");
        }
    }

    /** The fields of one step, as HTML: what the step form swaps in when another step is chosen. */
    public static String render(String product, String type, List<StepField> fields) {
        return Templates.render("part/stepFields.jte", of(product, type, fields));
    }

    /** The fields of one step, for a template that draws them among others. */
    public static Fieldset of(String product, String type, List<StepField> fields) {
        return new Fieldset(product, type, fields);
    }
}

package org.stroma.server.pages;

import java.util.List;

/**
 * One field of a product step's form. Its {@code name} is the value's place in the step ({@code given.volumeMl}); the
 * form field's name adds its kind ({@code n.given.volumeMl}), so that the form is read back with the value where it was
 * and as what it was.
 */
public sealed interface StepField {

    /** A part of the step (its release tests, its donation number): a group of fields under its name. */
    record Group(String legend, List<StepField> fields) implements StepField {
    }

    /** A list (the temperature readings), typed as JSON. */
    record JsonList(String name, String label, String json) implements StepField {
    }

    /** A value from a fixed set (a test finding, a route); the blank option, where there is one, leaves it unsaid. */
    record Choice(String name, String label, List<String> options, String selected) implements StepField {
    }

    /** A number or a text; a number's zero is shown blank, for the person to fill in. */
    record Entry(String name, String label, boolean number, String value) implements StepField {

        /** The form field's name: the value's kind, then its place. */
        public String field() {
            return (number ? "n." : "s.") + name;
        }
    }
}

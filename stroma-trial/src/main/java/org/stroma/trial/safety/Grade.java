package org.stroma.trial.safety;

import org.stroma.trial.refusal.InvalidInputException;

/** CTCAE severity grade (v5): what each grade means in general; the per-term criteria are CTCAE's own. */
public enum Grade {
    MILD(1, "mild; no intervention indicated"),
    MODERATE(2, "moderate; minimal, local or non-invasive intervention; limits instrumental activities of daily living"),
    SEVERE(3, "severe or medically significant; hospitalisation indicated; limits self-care"),
    LIFE_THREATENING(4, "life-threatening; urgent intervention indicated"),
    DEATH(5, "death related to the adverse event");

    private final int number;
    private final String meaning;

    Grade(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    public int number() {
        return number;
    }

    public String meaning() {
        return meaning;
    }

    public static Grade of(int number) {
        for (Grade g : values()) {
            if (g.number == number) {
                return g;
            }
        }
        throw new InvalidInputException("CTCAE grades are 1 to 5, not " + number);
    }
}

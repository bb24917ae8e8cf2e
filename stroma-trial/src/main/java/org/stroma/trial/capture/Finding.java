package org.stroma.trial.capture;

/**
 * What an edit check found on an item. A refusal blocks the save (a value of the wrong type, a required item empty, a
 * code not on the list, a value past what is possible); a query lets the value be saved and asks the site about it
 * (outside the expected range, a cross-field check, a visit outside its window).
 */
public record Finding(String item, Kind kind, String message) {
    public enum Kind { REFUSAL, QUERY }

    public boolean refuses() {
        return kind == Kind.REFUSAL;
    }
}

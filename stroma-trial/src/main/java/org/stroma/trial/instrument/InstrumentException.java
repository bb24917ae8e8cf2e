package org.stroma.trial.instrument;

/** A questionnaire's responses that cannot be scored as given, with the item at fault. */
public final class InstrumentException extends RuntimeException {
    public InstrumentException(String message) {
        super(message);
    }
}

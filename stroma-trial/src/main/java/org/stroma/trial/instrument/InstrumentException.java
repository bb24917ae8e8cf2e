package org.stroma.trial.instrument;

import org.stroma.trial.refusal.InvalidInputException;

/** A questionnaire's responses that cannot be scored as given, with the item at fault. */
public final class InstrumentException extends InvalidInputException {
    public InstrumentException(String message) {
        super(message);
    }
}

package org.stroma.trial.instrument;

import org.stroma.trial.refusal.Refusal;

/** A questionnaire's responses that cannot be scored as given, with the item at fault. */
public final class InstrumentException extends RuntimeException implements Refusal {
    public InstrumentException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}

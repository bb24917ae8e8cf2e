package org.stroma.trial.conduct;

import org.stroma.trial.refusal.InvalidInputException;

/**
 * A value the trial refuses, naming which value it is (the consent form's version, when it was signed, the baseline
 * weight, a visit...), so that an adapter can point the person at the field without reading the message.
 */
public final class RefusedValue extends InvalidInputException {
    public RefusedValue(String value, String message) {
        super(value, message);
    }

    /** The name of the refused value, as the trial's methods name their parameters: "formVersion", "signedAt"... */
    public String value() {
        return field();
    }
}

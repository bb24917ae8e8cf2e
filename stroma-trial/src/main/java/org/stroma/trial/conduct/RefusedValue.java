package org.stroma.trial.conduct;

/**
 * A value the trial refuses, naming which value it is (the consent form's version, when it was signed, the baseline
 * weight, a visit...), so that an adapter can point the person at the field without reading the message.
 */
public final class RefusedValue extends IllegalArgumentException {
    private final String value;

    public RefusedValue(String value, String message) {
        super(message);
        this.value = value;
    }

    /** The name of the refused value, as the trial's methods name their parameters: "formVersion", "signedAt"... */
    public String value() {
        return value;
    }
}

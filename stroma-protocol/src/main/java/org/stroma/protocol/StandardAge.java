package org.stroma.protocol;

/** The registry's age groups. */
public enum StandardAge implements Coded {
    CHILD("Child"),
    ADULT("Adult"),
    OLDER_ADULT("Older Adult");

    private final String label;

    StandardAge(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

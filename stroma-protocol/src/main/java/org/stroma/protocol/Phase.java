package org.stroma.protocol;

/** Clinical phase; a phase 1/2 study carries both PHASE1 and PHASE2. */
public enum Phase implements Coded {
    NA("Not Applicable"),
    EARLY_PHASE1("Early Phase 1"),
    PHASE1("Phase 1"),
    PHASE2("Phase 2"),
    PHASE3("Phase 3"),
    PHASE4("Phase 4");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

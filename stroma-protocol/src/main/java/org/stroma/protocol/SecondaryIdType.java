package org.stroma.protocol;

/** Kind of secondary identifier. */
public enum SecondaryIdType implements Coded {
    NIH("U.S. NIH Grant/Contract"),
    FDA("U.S. FDA Grant/Contract"),
    VA("U.S. VA Grant/Contract"),
    CDC("U.S. CDC Grant/Contract"),
    AHRQ("U.S. AHRQ Grant/Contract"),
    SAMHSA("U.S. SAMHSA Grant/Contract"),
    OTHER_GRANT("Other Grant/Funding Number"),
    EUDRACT_NUMBER("EudraCT Number"),
    CTIS("EU Trial (CTIS) Number"),
    REGISTRY("Registry Identifier"),
    OTHER("Other Identifier");

    private final String label;

    SecondaryIdType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

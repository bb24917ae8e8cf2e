package org.stroma.store.study;

import java.util.Locale;

/** Where a protocol version stands: imported from a record, reviewed by a person, published to run the trial. */
public enum VersionState {
    IMPORTED, REVIEWED, PUBLISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

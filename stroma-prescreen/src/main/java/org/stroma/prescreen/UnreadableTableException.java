package org.stroma.prescreen;

import java.io.IOException;

/** A table of facts that cannot be read as one: a file that is not Parquet, a column it does not know, one of another type. */
public final class UnreadableTableException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableTableException(String message) {
        super(message);
    }

    public UnreadableTableException(String message, Throwable cause) {
        super(message, cause);
    }
}

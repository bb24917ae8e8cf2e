package org.stroma.export;

import org.stroma.trial.refusal.ConflictException;

/** An export that cannot be made as asked, saying why: the data are not locked, or the view may not see what it needs. */
public final class ExportException extends ConflictException {
    public ExportException(String message) {
        super(message);
    }
}

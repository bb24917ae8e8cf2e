package org.stroma.analysis.data;

/** A data set an analysis cannot use, with what is wrong and where: the column, and the row where there is one. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }
}

package org.stroma.export.sdtm;

/** SDTM's identifiers made from Stroma's. */
final class Identifiers {
    private Identifiers() {
    }

    /** The unique subject identifier: the study's and the subject's, joined by a hyphen. */
    static String usubjid(String study, String subject) {
        return study + "-" + subject;
    }
}

package org.stroma.trial.capture;

import java.time.LocalDate;

/** The day a form's visit was done, against the visit's window from the schedule. */
public record VisitWindow(String visit, LocalDate done, LocalDate opens, LocalDate closes) {

    public boolean outside() {
        return done != null && opens != null && closes != null && (done.isBefore(opens) || done.isAfter(closes));
    }

    public String describe() {
        return "visit " + visit + " was done on " + done + ", outside its window " + opens + " to " + closes;
    }
}

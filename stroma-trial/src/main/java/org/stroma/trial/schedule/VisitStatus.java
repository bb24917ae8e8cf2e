package org.stroma.trial.schedule;

/**
 * Where a visit stands on a day: not yet in its window, in it up to its target day, past its target but still in its
 * window, past its window without having been done, or done.
 */
public enum VisitStatus { UPCOMING, OPEN, OVERDUE, MISSED, DONE }

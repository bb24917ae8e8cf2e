package org.stroma.protocol;

/** Target (estimated) or achieved (actual) number of participants. */
public record Enrollment(Integer count, DateType type) {
}

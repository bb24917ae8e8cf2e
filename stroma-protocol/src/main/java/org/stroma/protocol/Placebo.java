package org.stroma.protocol;

/** The comparator given in a placebo arm and what it is made of ("human albumin 4%"). */
public record Placebo(String composition, Route route) {
}

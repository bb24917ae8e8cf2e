package org.stroma.protocol;

/**
 * When a crossover study switches treatments, as read from the arm or study descriptions ("At week 24 treatments will
 * be reversed"). The registry has no field for it; {@code evidence} is the sentence it was read from.
 */
public record Crossover(Offset periodTwoStart, String evidence) {
}

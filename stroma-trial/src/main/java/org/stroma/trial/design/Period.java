package org.stroma.trial.design;

import org.stroma.protocol.Offset;

/** A treatment period of a crossover: its number (from 1) and when it starts, from the first administration. */
public record Period(int number, Offset start) {
}

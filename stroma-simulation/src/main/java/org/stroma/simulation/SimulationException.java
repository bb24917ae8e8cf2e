package org.stroma.simulation;

/** A trial Stroma cannot simulate, and why: a record without arms, say. */
public final class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }
}

package org.stroma.simulation;

/**
 * What the simulated trial is like: how many patients are screened, the share meant to be eligible, who declines
 * consent, how often manufacture fails (low viability, a culture beyond its window), visits are missed, subjects are
 * lost, and how many adverse events a subject has; and the seed that makes a run repeatable.
 */
public record SimulationSettings(long seed, int patients, double eligibleShare, double declineShare,
        double lowViabilityShare, double lateCultureShare, double missedVisitShare, double lostShare,
        double adverseEventsPerSubject, double seriousShare) {

    public static SimulationSettings of(long seed, int patients) {
        return new SimulationSettings(seed, patients, 0.8, 0.05, 0.05, 0.03, 0.05, 0.03, 1.5, 0.1);
    }

    public SimulationSettings {
        if (patients < 1) {
            throw new IllegalArgumentException("a simulation screens at least one patient");
        }
    }
}

package org.stroma.simulation;

/**
 * What the simulated trial is like: how many patients are screened, the share meant to be eligible, who declines
 * consent, how often a product fails its release tests (cells and placebo alike) or a culture runs beyond its window,
 * visits are missed, subjects are lost, how many adverse events a subject has, and how much better cells do than
 * placebo (1: the simulation's usual effect; 0: none). The seed makes a run repeatable; the allocation seed, the
 * allocations alone (by default the same seed), so that two runs can differ in their arms and nothing else.
 */
public record SimulationSettings(long seed, long allocationSeed, int patients, double eligibleShare,
        double declineShare, double releaseFailureShare, double lateCultureShare, double missedVisitShare,
        double lostShare, double adverseEventsPerSubject, double seriousShare, double treatmentEffect) {

    public static SimulationSettings of(long seed, int patients) {
        return new SimulationSettings(seed, seed, patients, 0.8, 0.05, 0.05, 0.03, 0.05, 0.03, 1.5, 0.1, 1);
    }

    public SimulationSettings {
        if (patients < 1) {
            throw new IllegalArgumentException("a simulation screens at least one patient");
        }
    }

    /** The same trial with other allocations: every other draw the same. */
    public SimulationSettings withAllocationSeed(long allocations) {
        return new SimulationSettings(seed, allocations, patients, eligibleShare, declineShare, releaseFailureShare,
                lateCultureShare, missedVisitShare, lostShare, adverseEventsPerSubject, seriousShare, treatmentEffect);
    }

    /**
     * A trial in which the arm changes nothing a site could see: cells do no better than placebo, and no culture runs
     * late (only cells are cultured). What then differs between two allocations is only what the software shows.
     */
    public SimulationSettings withoutArmEffects() {
        return new SimulationSettings(seed, allocationSeed, patients, eligibleShare, declineShare,
                releaseFailureShare, 0, missedVisitShare, lostShare, adverseEventsPerSubject, seriousShare, 0);
    }
}

package org.stroma.simulation;

import java.time.Instant;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;

/**
 * What a simulated trial came to: its study id, the counts of what happened, when the last thing did, its data as
 * locked, and the analysis plan the lock froze (what the report analyses).
 */
public record SimulationResult(String study, Counts counts, Instant ended, LockedTrial locked, AnalysisPlan plan) {

    /** Running counts, kept as the simulation goes. */
    public static final class Counts {
        public int screened;
        public int screenFailures;
        public int declined;
        public int randomized;
        public int manufacturingFailures;
        public int administered;
        public int treated;
        public int visits;
        public int missedVisits;
        public int forms;
        public int queries;
        public int adverseEvents;
        public int seriousAdverseEvents;
        public int lost;
        public int completed;

        public String describe() {
            return screened + " screened, " + screenFailures + " screen failures, " + declined + " declined, "
                    + randomized + " randomized, " + manufacturingFailures + " products not released, " + treated
                    + " treated (" + administered + " administrations), " + visits + " visits (" + missedVisits
                    + " missed), " + forms + " forms, " + queries
                    + " queries, " + adverseEvents + " adverse events (" + seriousAdverseEvents + " serious), " + lost
                    + " lost, " + completed + " completed";
        }
    }
}

package org.stroma.store.conduct;

import java.time.Instant;
import java.time.LocalDate;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.subject.SubjectState;

/**
 * One step of a trial's conduct as the store keeps it. Applying the events of a study in order to a fresh
 * {@link TrialConduct} rebuilds the trial exactly: each event holds what happened, including what was drawn at random.
 */
public sealed interface ConductEvent {

    /** The subject the event is about, or null (a lot). */
    String subject();

    Instant at();

    String by();

    /** Does to the trial what the event records; the domain refuses what its rules do not allow. */
    void applyTo(TrialConduct trial);

    /** The event's name in the store: "Screened". */
    default String kind() {
        return getClass().getSimpleName();
    }

    record CandidateAdded(String subject, String site, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.addCandidate(subject, site);
        }
    }

    record Screened(String subject, PatientVerdict verdict, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.screen(subject, verdict, at, by);
        }
    }

    record Moved(String subject, SubjectState to, String reason, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.move(subject, to, at, by, reason);
        }
    }

    /** Holds the allocation drawn; replaying it draws nothing. */
    record Randomized(Randomization randomization) implements ConductEvent {
        @Override
        public String subject() {
            return randomization.subject();
        }

        @Override
        public Instant at() {
            return randomization.at();
        }

        @Override
        public String by() {
            return randomization.by();
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.replay(randomization);
        }
    }

    record Custody(String subject, String product, CustodyEvent event) implements ConductEvent {
        @Override
        public Instant at() {
            return event.at();
        }

        @Override
        public String by() {
            return event.by();
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.custody(product, event);
        }
    }

    record VisitDone(String subject, String visit, LocalDate day, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.recordVisit(subject, visit, day);
        }
    }

    record Unblinded(EmergencyUnblinding unblinding) implements ConductEvent {
        @Override
        public String subject() {
            return unblinding.subject();
        }

        @Override
        public Instant at() {
            return unblinding.at();
        }

        @Override
        public String by() {
            return unblinding.requestedBy();
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.unblind(unblinding);
        }
    }

    record LotAdded(ProductLot lot, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.addLot(lot);
        }
    }
}

package org.stroma.store.conduct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.safety.AdverseEvent;
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

    /** Why it was done, where the event says (an exit, a change to saved data, an unlock), or null. */
    default String reason() {
        return null;
    }

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

    /**
     * A screening's verdict, what it left open for the investigator (none when it decided), and the patient's record it
     * read (none in a screening recorded without it), kept for the screening to be completed later.
     */
    record Screened(String subject, PatientVerdict verdict, EligibilityReview open, Instant at, String by,
            PatientRecord record) implements ConductEvent {

        /** A screening recorded without the record it read. */
        public Screened(String subject, PatientVerdict verdict, EligibilityReview open, Instant at, String by) {
            this(subject, verdict, open, at, by, null);
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.screen(subject, record, verdict, open, at, by);
        }
    }

    /**
     * A screening left open, completed with facts and answers added to the record it read: the whole record as it now
     * stands, its verdict, and what is still open.
     */
    record Rescreened(String subject, PatientRecord record, PatientVerdict verdict, EligibilityReview open,
            Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.rescreen(subject, record, verdict, open, at, by);
        }
    }

    /** The investigator's signed answers to what a screening left open; the subject is eligible or not by them. */
    record EligibilityConfirmed(String subject, Map<String, Boolean> answers, String printedName, Instant at,
            String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.confirmEligibility(subject, answers, at, by);
        }
    }

    /** A consent (or a re-consent) with the form's version, when signed and who obtained it. */
    record Consented(String subject, String formVersion, Instant signedAt, String obtainedBy, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.consent(subject, formVersion, signedAt, obtainedBy, at, by);
        }
    }

    /** A consent form version comes into force; subjects who consented to another re-consent. */
    record ConsentFormSet(String version, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.setConsentForm(version);
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

    /** A second person approved an emergency unblinding: the arm is now revealed to the one who asked. */
    record UnblindingApproved(String subject, String unblinding, Role role, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.approveUnblinding(unblinding, by, role, at);
        }
    }

    /** Whether an emergency unblinding needs a second person from now on. */
    record UnblindingRuleSet(boolean secondPerson, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.requireSecondPersonForUnblinding(secondPerson);
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

    /** How many cultures the cell lab runs at once, as of a day (bookings from then on must fit). */
    record CultureCapacitySet(int cultures, LocalDate asOf, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.setCultureCapacity(cultures, asOf);
        }
    }

    /** A product's collection booked on a day where the lab has a culture slot; its administration follows. */
    record CollectionBooked(String subject, String product, LocalDate day, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.bookCollection(product, day, by, at);
        }
    }

    /** A replacement ordered for a product that failed release. */
    record ProductReplaced(String subject, String product, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.replaceProduct(product, at);
        }
    }

    /** A form's values saved at a visit (the edit checks' queries are opened again on replay, in the same order). */
    record FormSaved(String subject, String visit, String form, Map<String, String> values, LocalDate assessedOn,
            String reason, Instant at, String by) implements ConductEvent {
        /** A save without its assessment date: the form is dated by its visit. */
        public FormSaved(String subject, String visit, String form, Map<String, String> values, String reason,
                Instant at, String by) {
            this(subject, visit, form, values, null, reason, at, by);
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.saveForm(subject, visit, form, values, assessedOn, reason, at, by);
        }
    }

    /** A form signed; the signer's password was checked when it was signed. */
    record FormSigned(String subject, String visit, String form, String printedName, String meaning, Instant at,
            String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.signForm(subject, visit, form, by, printedName, meaning, at);
        }
    }

    /** A form's current values verified against the source documents by the monitor: the items named, or all. */
    record FormVerified(String subject, String visit, String form, List<String> items, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.verifyForm(subject, visit, form, items == null ? Set.of() : Set.copyOf(items), by, at);
        }
    }

    /** A form locked, or (visit and form null) a subject's whole casebook. */
    record CasebookLocked(String subject, String visit, String form, Instant at, String by) implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.lockCasebook(subject, visit, form, by, at);
        }
    }

    /** The casebooks of every subject at a site locked at once. */
    record SiteLocked(String site, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.lockSite(site, by, at);
        }
    }

    /** A form, or (visit and form null) a subject's casebook, unlocked by the data manager, with the reason. */
    record CasebookUnlocked(String subject, String visit, String form, String reason, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.unlockCasebook(subject, visit, form);
        }
    }

    record QueryRaised(String subject, String visit, String form, String item, String text, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.raiseQuery(subject, visit, form, item, text, at, by);
        }
    }

    /** A query answered, closed or re-opened. */
    record QueryMoved(String subject, String query, String action, String text, Instant at, String by)
            implements ConductEvent {
        @Override
        public void applyTo(TrialConduct trial) {
            trial.moveQuery(query, action, text, at, by);
        }
    }

    /** An adverse event reported, or a follow-up report of one (same id). */
    record AdverseEventReported(AdverseEvent event, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return event.subject();
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.reportAdverseEvent(event, by, at);
        }
    }

    /** A revision of the analysis plan saved by the statistician, edited from {@code plan.version()}. */
    record PlanRevised(AnalysisPlan plan, String reason, Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.revisePlan(plan, reason, at, by);
        }
    }

    /** The analysis plan's latest revision signed; the signer's password was checked when it was signed. */
    record PlanSigned(int version, String printedName, String meaning, Instant at, String by)
            implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.signPlan(version, by, printedName, meaning, at);
        }
    }

    /** The data locked for analysis: nothing is recorded after it. */
    record DataLocked(Instant at, String by) implements ConductEvent {
        @Override
        public String subject() {
            return null;
        }

        @Override
        public void applyTo(TrialConduct trial) {
            trial.lock(at);
        }
    }
}

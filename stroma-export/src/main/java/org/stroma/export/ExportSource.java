package org.stroma.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Route;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.plan.PlanHistory;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.Subject;

/**
 * A trial as an export sees it: its protocol, and its conduct as one role sees it. Every export reads the trial through
 * this and nothing else, so what the masking policy withholds from that role — a subject's arm or sequence, what a
 * product is, the cells it held, the lab's steps and their times — no export can write. A blinded export is the data
 * manager's view (blinded while anyone in the trial is masked); an unblinded one is the DSMB's, which knows every arm.
 * In an open-label trial nobody is masked, so the two are the same.
 */
public final class ExportSource {
    /**
     * Who reads the trial for an export: a name no user can have (user names hold no spaces), so that no emergency
     * unblinding granted to a person ever counts for an export — an export is blinded or not by its role alone.
     */
    private static final String READER = "(stroma export)";

    private final Protocol protocol;
    private final TrialConduct trial;
    private final Role role;
    private final Instant at;

    private ExportSource(Protocol protocol, TrialConduct trial, Role role, Instant at) {
        this.protocol = protocol;
        this.trial = trial;
        this.role = role;
        this.at = at;
    }

    /** The trial as one role sees it, exported at this moment. */
    public static ExportSource as(Role role, Protocol protocol, TrialConduct trial, Instant at) {
        return new ExportSource(protocol, trial, role, at);
    }

    /** The trial with the arms withheld wherever anyone is masked: as the data manager sees it. */
    public static ExportSource blinded(Protocol protocol, TrialConduct trial, Instant at) {
        return as(Role.DATA_MANAGER, protocol, trial, at);
    }

    /** The trial with every arm: as the DSMB sees it. */
    public static ExportSource unblinded(Protocol protocol, TrialConduct trial, Instant at) {
        return as(Role.DSMB, protocol, trial, at);
    }

    /** Whether this view withholds the arms (a masked trial seen by a blinded role). */
    public boolean blinded() {
        return trial.masking().isBlinded(role);
    }

    public Role role() {
        return role;
    }

    /** When the export was made: the files' creation time. */
    public Instant exportedAt() {
        return at;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The design: arms, sites, periods and who is masked — the protocol's, the same for every subject. */
    public TrialDesign design() {
        return trial.design();
    }

    public List<PlannedVisit> schedule() {
        return trial.schedule();
    }

    /** The forms planned at each visit of the schedule, in the schedule's order. */
    public Map<String, List<FormDef>> formPlan() {
        return trial.casebook().plan();
    }

    public List<Subject> subjects() {
        return trial.subjects();
    }

    /** A subject as this role sees them: the arm and sequence only where the role may know them. */
    public SubjectView view(String subject) {
        return trial.subjectView(subject, role, READER);
    }

    /** When the subject was randomized, or null; the allocation itself is in {@link #view}, as the role may see it. */
    public Instant randomizedAt(String subject) {
        Randomization r = trial.randomization(subject);
        return r == null ? null : r.at();
    }

    /** The weight the dose was computed from at randomization, or null. */
    public Double baselineWeightKg(String subject) {
        Randomization r = trial.randomization(subject);
        return r == null ? null : r.baselineWeightKg();
    }

    /** The subject's local day of an instant, in their site's time zone. */
    public LocalDate localDay(String subject, Instant instant) {
        return trial.localDay(subject, instant);
    }

    public List<Consent> consents(String subject) {
        return trial.consents(subject);
    }

    /** The patient record read at screening, or null where none was kept. */
    public PatientRecord screenedRecord(String subject) {
        return trial.screenedRecord(subject);
    }

    /** The subject's visit calendar, or null before randomization. */
    public VisitCalendar calendar(String subject) {
        return trial.randomization(subject) == null ? null : trial.calendar(subject);
    }

    public LocalDate firstAdministration(String subject) {
        return trial.firstAdministration(subject);
    }

    /** The subject's forms with every version and signature. */
    public List<FormRecord> forms(String subject) {
        return trial.casebook().records(subject);
    }

    public List<DataQuery> queries() {
        return trial.casebook().queries();
    }

    public List<AdverseEvent> adverseEvents() {
        return trial.casebook().adverseEvents();
    }

    /** An adverse event's reports, the first and every follow-up, each with who reported it and when. */
    public List<Casebook.AdverseEventReport> reports(String adverseEvent) {
        return trial.casebook().history(adverseEvent);
    }

    /** The subject's products, each as this role sees it. */
    public List<ProductView> products(String subject) {
        return trial.products(subject).stream().map(p -> trial.productView(p, role, READER)).toList();
    }

    /**
     * A product's chain of custody in full, every step with its time and details — for a role that may know what the
     * product is; empty for the others, who see the bedside's steps in {@link #products}.
     */
    public List<LedgerEntry> custody(String product) {
        String recipient = trial.recipientOf(product);
        return trial.masking().mayKnowArm(role, READER, recipient) ? trial.ledger(product, role, READER) : List.of();
    }

    /** The protocol's eligibility criteria compiled into rules with Stroma's concept dictionary, as screening uses them. */
    public CompiledEligibility eligibility() {
        return new CriteriaCompiler(ConceptDictionary.standard()).compile(protocol);
    }

    /**
     * An administration as the bedside recorded it: the product and its period, when the infusion started and stopped,
     * the volume and route — what every role sees of it in the product's view — and the cells given, null for a role
     * that may not know what the product is (a placebo gives none, so the cells would tell the arm).
     */
    public record Administration(String product, int period, Instant start, Instant stop, double volumeMl,
            Route route, Double cells) {
    }

    /**
     * The subject's administrations in the order given. The bedside's record is read from the chain, as the view that
     * shows it to every role is drawn from it; only the cells are held back by the role.
     */
    public List<Administration> administrations(String subject) {
        boolean knows = trial.masking().mayKnowArm(role, READER, subject);
        List<Administration> given = new ArrayList<>();
        for (ProductView p : products(subject)) {
            if (p.administered() == null) {
                continue; // nothing given, as every role's view says
            }
            for (LedgerEntry e : trial.ledger(p.product(), Role.CELL_LAB, READER)) {
                if (e.accepted() && e.event() instanceof CustodyEvent.Administered a) {
                    given.add(new Administration(p.product(), p.period(), a.start(), a.stop(), a.given().volumeMl(),
                            a.given().route(), knows ? a.given().cells() : null));
                }
            }
        }
        given.sort(Comparator.comparing(Administration::start));
        return List.copyOf(given);
    }

    public Optional<PlanHistory> analysisPlan() {
        return trial.analysisPlan();
    }

    /** When the data were locked, or null while they are open. */
    public Instant lockedAt() {
        return trial.lockedAt();
    }

    /**
     * The locked data set, arms included: only for a view that may know the arms, and only once locked.
     *
     * @throws ExportException when the view is blinded or the data are not locked
     */
    public LockedTrial lockedData(String what) {
        if (blinded()) {
            throw new ExportException(what + " is made from the unblinded locked data; a blinded export leaves it out");
        }
        if (trial.lockedAt() == null) {
            throw new ExportException(what + " is made from the locked data, and the data of " + design().trial()
                    + " are not locked yet");
        }
        return LockedTrial.of(trial);
    }
}

package org.stroma.trial.conduct;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.TimeAnchor;
import org.stroma.protocol.text.Words;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.capture.SourceVerification;
import org.stroma.trial.capture.VisitWindow;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.masking.KitCodes;
import org.stroma.trial.masking.MaskingPolicy;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.PlanHistory;
import org.stroma.trial.plan.PlanRevision;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.product.CustodyLedger;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.LotInventory;
import org.stroma.trial.product.ManufacturingCalendar;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.product.ProductOrder;
import org.stroma.trial.product.ProductStage;
import org.stroma.trial.product.ProductStatus;
import org.stroma.trial.product.ReleaseSpecification;
import org.stroma.trial.randomization.Allocation;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.randomization.Randomizer;
import org.stroma.trial.schedule.ManufacturingLead;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.ProtocolDeviation;
import org.stroma.trial.schedule.SchedulePlanner;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * One trial being run: its subjects through their lifecycle, their allocation (kept on the unblinded side), the chain
 * of custody of every product, and each subject's visit calendar. Every view of a subject or a product it offers goes
 * through the trial's {@link MaskingPolicy}.
 */
public final class TrialConduct {
    /** The states a person moves a subject to; the others follow from screening, consent, allocation and dosing. */
    public static final Set<SubjectState> MOVES = Collections.unmodifiableSet(EnumSet.of(SubjectState.ENROLLED,
            SubjectState.IN_FOLLOW_UP, SubjectState.COMPLETED, SubjectState.SCREEN_FAILURE, SubjectState.WITHDRAWN,
            SubjectState.LOST_TO_FOLLOW_UP));

    private final TrialDesign design;
    private final List<PlannedVisit> schedule;
    private final Randomizer randomizer;
    private final KitCodes kitCodes;
    private final CustodyLedger ledger;
    private final ManufacturingCalendar manufacturing = new ManufacturingCalendar();
    /** Deviations of a subject's products (a shipment out of its temperature range), beside those of the visits. */
    private final Map<String, List<ProtocolDeviation>> productDeviations = new HashMap<>();
    private final MaskingPolicy masking;
    private final Map<String, Subject> subjects = new LinkedHashMap<>();
    private final LotInventory lots;
    private final Map<String, Randomization> randomizations = new HashMap<>();
    private final Map<String, Allocation> allocations = new HashMap<>();
    private final Map<String, String> kits = new HashMap<>();
    private final Map<String, List<String>> products = new HashMap<>();
    private final Map<String, VisitCalendar> calendars = new HashMap<>();
    private final Casebook casebook;
    /** What each subject's screening left to the investigator, until they answer it. */
    private final Map<String, EligibilityReview> reviews = new HashMap<>();
    /** The record each subject was last screened on, where the screening kept it: what completing it adds to. */
    private final Map<String, PatientRecord> screenedRecords = new HashMap<>();
    private final Map<String, List<Consent>> consents = new HashMap<>();
    /** The version of the consent form in force; every consent names it, and a new one asks for re-consent. */
    private String consentForm = "1";
    /** The consent forms once in force and since replaced: they do not come back. */
    private final Set<String> replacedConsentForms = new HashSet<>();
    /** When the data manager locked the data, or null while it is open. */
    private Instant lockedAt;
    /** The statistical analysis plan's revisions, or null in a trial run without one (a test of the conduct alone). */
    private final PlanHistory plan;

    public TrialConduct(TrialDesign design, List<PlannedVisit> schedule, RandomSource random,
            ReleaseSpecification release, LotInventory lots) {
        this(design, schedule, random, release, lots, Casebook.empty());
    }

    /** A trial with its case report forms planned ({@link org.stroma.trial.capture.FormPlan}). */
    public TrialConduct(TrialDesign design, List<PlannedVisit> schedule, RandomSource random,
            ReleaseSpecification release, LotInventory lots, Casebook casebook) {
        this(design, schedule, random, release, lots, casebook, null);
    }

    /**
     * A trial with its case report forms and the draft of its analysis plan: the data of such a trial are locked only
     * once the statistician has signed the plan, which the lock freezes.
     */
    public TrialConduct(TrialDesign design, List<PlannedVisit> schedule, RandomSource random,
            ReleaseSpecification release, LotInventory lots, Casebook casebook, AnalysisPlan draftPlan) {
        this.plan = draftPlan == null ? null : new PlanHistory(draftPlan);
        this.casebook = casebook;
        this.design = design;
        this.schedule = List.copyOf(schedule);
        this.randomizer = new Randomizer(design.ratio(), design.method(), random);
        this.kitCodes = new KitCodes(random.forStratum("kit codes"));
        this.lots = lots;
        this.ledger = new CustodyLedger(release, lots);
        this.masking = new MaskingPolicy(design.masked());
    }

    public TrialDesign design() {
        return design;
    }

    /** The time zone a site keeps: its days are counted in it. */
    public ZoneId zoneOf(String site) {
        return design.zoneOf(site);
    }

    /** The visits every subject is planned to have. */
    public List<PlannedVisit> schedule() {
        return schedule;
    }

    public MaskingPolicy masking() {
        return masking;
    }

    public synchronized Subject addCandidate(String id, String site) {
        requireOpen();
        if (!design.sites().contains(site)) {
            throw new InvalidInputException("site '" + site + "' is not one of the trial's sites " + design.sites());
        }
        if (subjects.containsKey(id)) {
            throw new InvalidInputException("subject " + id + " is already in the trial");
        }
        Subject s = Subject.candidate(id, site);
        subjects.put(id, s);
        return s;
    }

    /**
     * Records a screening: screened, then eligible or ineligible by the verdict; an incomplete one stays screened, with
     * what it left open for the investigator to answer ({@link #confirmEligibility}).
     */
    public synchronized Subject screen(String id, PatientVerdict verdict, EligibilityReview open, Instant at,
            String by) {
        requireOpen();
        Subject s = subject(id).moveTo(SubjectState.SCREENED, at, by, null);
        if (verdict == PatientVerdict.ELIGIBLE) {
            s = s.moveTo(SubjectState.ELIGIBLE, at, by, null);
        } else if (verdict == PatientVerdict.INELIGIBLE) {
            s = s.moveTo(SubjectState.INELIGIBLE, at, by, null);
        } else if (open != null) {
            reviews.put(id, open);
        }
        return put(s);
    }

    /** Records a screening and the patient's record it read, for the screening to be completed later. */
    public synchronized Subject screen(String id, PatientRecord record, PatientVerdict verdict, EligibilityReview open,
            Instant at, String by) {
        Subject s = screen(id, verdict, open, at, by);
        if (record != null) {
            screenedRecords.put(id, record);
        }
        return s;
    }

    /** The record a subject was last screened on, or null when the screening did not keep it. */
    public synchronized PatientRecord screenedRecord(String id) {
        subject(id);
        return screenedRecords.get(id);
    }

    /**
     * A screening left open, screened again on the record with the facts and answers added since: eligible or
     * ineligible by the new verdict, or still screened with what is still open. Only a screening left incomplete is
     * completed this way; one that decided stays decided.
     */
    public synchronized Subject rescreen(String id, PatientRecord record, PatientVerdict verdict,
            EligibilityReview open, Instant at, String by) {
        requireOpen();
        if (openCriteria(id) == null) {
            throw new ConflictException("subject " + id + " is " + subject(id).state().words()
                    + "; only a screening left incomplete is completed");
        }
        screenedRecords.put(id, record);
        if (verdict == PatientVerdict.INCOMPLETE) {
            reviews.put(id, open);
            return subject(id);
        }
        reviews.remove(id);
        return put(subject(id).moveTo(verdict == PatientVerdict.ELIGIBLE ? SubjectState.ELIGIBLE
                : SubjectState.INELIGIBLE, at, by, null));
    }

    /** What a subject's screening left open, or null when nothing is. */
    public synchronized EligibilityReview openCriteria(String id) {
        return subject(id).state() == SubjectState.SCREENED ? reviews.get(id) : null;
    }

    /**
     * The investigator answers what the screening left open (true: the criterion is met), from the source documents,
     * and signs; the subject becomes eligible or ineligible by the answers. Returns the verdict.
     */
    public synchronized PatientVerdict confirmEligibility(String id, Map<String, Boolean> answers, Instant at,
            String by) {
        requireOpen();
        EligibilityReview review = openCriteria(id);
        if (review == null) {
            throw new ConflictException("subject " + id + " is " + subject(id).state().words()
                    + "; only a screening left incomplete is completed by the investigator's answers");
        }
        PatientVerdict verdict = review.verdict(answers);
        put(subject(id).moveTo(verdict == PatientVerdict.ELIGIBLE ? SubjectState.ELIGIBLE : SubjectState.INELIGIBLE,
                at, by, null));
        reviews.remove(id);
        return verdict;
    }

    /** Enrolment, follow-up, completion and the exits: the steps that need no more than the subject. */
    public synchronized Subject move(String id, SubjectState to, Instant at, String by, String reason) {
        requireOpen();
        if (!MOVES.contains(to)) {
            throw new InvalidInputException(switch (to) {
                case SCREENED, ELIGIBLE, INELIGIBLE -> "a subject's eligibility comes from the screening and, where it"
                        + " left criteria open, the investigator's signed answers";
                case CONSENTED -> "a consent is recorded with the form's version, when it was signed and who"
                        + " obtained it";
                case RANDOMIZED -> "a subject is randomized by the randomization";
                case TREATED -> "a subject is treated by the administration of a product";
                default -> "a subject is not moved to " + to.words();
            });
        }
        Subject moved = put(subject(id).moveTo(to, at, by, reason));
        if (to.isFinal()) {
            // a subject who leaves gives back the culture slots booked for products not yet collected
            products(id).stream().filter(p -> ledger.status(p).stage() == ProductStage.ORDERED).forEach(p
                    -> manufacturing.free(p, localDay(id, at)));
        }
        return moved;
    }

    /** The consent form in force. */
    public synchronized String consentForm() {
        return consentForm;
    }

    /**
     * A new consent form comes into force: every subject in the trial who consented to another re-consents. A form
     * once replaced does not come back, and the form in force is not put in force again (either is a slip that would
     * ask everyone to consent again, or to a form the ethics committee replaced).
     */
    public synchronized void setConsentForm(String version) {
        requireOpen();
        if (version == null || version.isBlank()) {
            throw new RefusedValue("version", "a consent form has a version");
        }
        String next = version.strip();
        if (next.equals(consentForm)) {
            throw new ConflictException("consent form version " + next + " is in force already");
        }
        if (replacedConsentForms.contains(next)) {
            throw new ConflictException("consent form version " + next + " was replaced; a replaced form does"
                    + " not come back into force");
        }
        replacedConsentForms.add(consentForm);
        consentForm = next;
    }

    /**
     * Records a subject's consent to the form in force: an eligible subject becomes consented; one consented before
     * to another version re-consents. It is signed after the screening and not in the future.
     */
    public synchronized Consent consent(String id, String formVersion, Instant signedAt, String obtainedBy,
            Instant at, String by) {
        requireOpen();
        Subject s = subject(id);
        Consent c = new Consent(formVersion == null ? null : formVersion.strip(), signedAt, obtainedBy, at, by);
        if (!c.formVersion().equals(consentForm)) {
            throw new RefusedValue("formVersion", "the consent form in force is version " + consentForm + ", not "
                    + c.formVersion());
        }
        if (signedAt.isAfter(at)) {
            throw new RefusedValue("signedAt", "a consent signed on " + signedAt + " is in the future");
        }
        LocalDate screened = day(id, SubjectState.SCREENED);
        if (screened != null && localDay(id, signedAt).isBefore(screened)) {
            throw new RefusedValue("signedAt", "a consent signed on " + localDay(id, signedAt) + " is before the"
                    + " subject was screened (" + screened + ")");
        }
        if (s.state() == SubjectState.ELIGIBLE) {
            put(s.moveTo(SubjectState.CONSENTED, signedAt, by, null));
        } else if (!reconsentNeeded(id)) {
            throw new ConflictException("subject " + id + " is " + s.state().words() + (consents
                    .containsKey(id) ? " and consented to version " + consentForm + " already" : "; only an"
                    + " eligible subject consents"));
        }
        consents.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
        return c;
    }

    /** A subject's consents, the first and any re-consent. */
    public synchronized List<Consent> consents(String id) {
        return List.copyOf(consents.getOrDefault(id, List.of()));
    }

    /** Whether a subject still in the trial last consented to a form other than the one in force. */
    public synchronized boolean reconsentNeeded(String id) {
        List<Consent> list = consents.get(id);
        return list != null && !subject(id).state().isFinal() && !list.get(list.size() - 1).formVersion().equals(
                consentForm);
    }

    /** Nothing of a subject is recorded in the trial before their consent (what came before is medical history). */
    private void requireConsented(String id) {
        subject(id);
        if (!consents.containsKey(id)) {
            throw new ConflictException("subject " + id + " has not consented: nothing is recorded of them before"
                    + " consent (what came before it is medical history)");
        }
    }

    private void requireConsentInForce(String id, String what) {
        if (reconsentNeeded(id)) {
            throw new ConflictException("subject " + id + " consented to form version " + consents.get(id).get(
                    consents.get(id).size() - 1).formVersion() + "; version " + consentForm + " is in force: record"
                    + " the re-consent before " + what);
        }
    }

    /**
     * Allocates an enrolled subject: the allocation and its kit code, a product ordered for each treatment period,
     * and the visit calendar from the day of randomization.
     */
    public synchronized Subject randomize(String id, Map<String, String> levels, Double baselineWeightKg, Instant at,
            String by) {
        requireOpen();
        Subject s = subject(id);
        if (s.state() != SubjectState.ENROLLED) {
            throw new ConflictException("subject " + id + " is " + Words.of(s.state())
                    + "; only an enrolled subject is randomized");
        }
        requireConsentInForce(id, "the randomization");
        DosePlan dose = design.productPlan();
        if (dose != null && dose.perKilogram() && baselineWeightKg == null) {
            throw new RefusedValue("baselineWeightKg", "the dose is per kilogram: the subject's baseline weight is"
                    + " needed to randomize (the products are made to it)");
        }
        Map<String, String> all = new HashMap<>(levels);
        all.put("site", s.site());
        Allocation allocation = randomizer.allocate(id, all);
        return apply(new Randomization(id, allocation, kitCodes.next(), baselineWeightKg, at, by,
                randomizer.state()));
    }

    /** A randomization as it happened, for the store to keep. */
    public synchronized Randomization randomization(String id) {
        return randomizations.get(id);
    }

    /** Takes up a kept randomization again (the trial being restored from its store): nothing is drawn. */
    public synchronized Subject replay(Randomization r) {
        randomizer.restore(r.randomizerAfter());
        kitCodes.reserve(r.kitCode());
        return apply(r);
    }

    private Subject apply(Randomization r) {
        String id = r.subject();
        Subject randomized = subject(id).moveTo(SubjectState.RANDOMIZED, r.at(), r.by(), null);
        randomizations.put(id, r);
        allocations.put(id, r.allocation());
        kits.put(id, r.kitCode());
        CellProduct product = design.product();
        DosePlan dose = design.productPlan();
        List<String> ids = new ArrayList<>();
        List<TrialArm> arms = design.armsOf(r.allocation().group());
        for (int p = 0; p < arms.size(); p++) {
            String productId = id + "-P" + (p + 1);
            ProductKind kind = arms.get(p).isPlacebo() ? ProductKind.PLACEBO : ProductKind.CELLS;
            ProductSource source = product == null || product.source() == null ? ProductSource.AUTOLOGOUS
                    : product.source();
            ledger.open(new ProductOrder(productId, id, p + 1, kind, source, dose,
                    product == null ? null : product.cultureDays(), r.baselineWeightKg(), design.isMasked(),
                    ManufacturingLead.of(product).shortestCultureDays(), r.at()));
            ids.add(productId);
        }
        products.put(id, ids);
        VisitCalendar calendar = new VisitCalendar(id, schedule);
        calendar.anchor(TimeAnchor.RANDOMIZATION, localDay(id, r.at()));
        calendars.put(id, calendar);
        return put(randomized);
    }

    /** The cell lab's culture slots and the collections booked into them. Reads only. */
    public synchronized ManufacturingCalendar manufacturing() {
        return manufacturing;
    }

    /** Sets how many cultures the cell lab runs at once; refused below what is booked from {@code today} on. */
    public synchronized void setCultureCapacity(int cultures, LocalDate today) {
        requireOpen();
        manufacturing.setCapacity(cultures, today);
    }

    /**
     * Books a product's collection on a day where the lab has a culture slot for it, and plans its administration from
     * it (culture and delivery after the collection), the same for every arm. Only a product not yet collected is
     * booked; booking it again moves it.
     */
    public synchronized ManufacturingCalendar.Booking bookCollection(String productId, LocalDate day, String by,
            Instant at) {
        requireOpen();
        recipientOf(productId); // an unknown product is refused, naming it
        ProductStatus status = ledger.status(productId);
        ProductOrder o = status.order();
        if (status.stage() != ProductStage.ORDERED) {
            throw new ConflictException("product " + productId + " is " + status.stage().sharedWords() + ": only a"
                    + " product not yet collected is booked");
        }
        LocalDate ordered = o.orderedAt() == null ? null : localDay(o.recipient(), o.orderedAt());
        if (ordered != null && day.isBefore(ordered)) {
            throw new RefusedValue("day", "a collection on " + day + " is before the product was ordered, at the"
                    + " subject's randomization (" + ordered + ")");
        }
        LocalDate today = localDay(o.recipient(), at);
        if (day.isBefore(today) || day.isAfter(today.plusDays(ManufacturingCalendar.HORIZON_DAYS))) {
            throw new RefusedValue("day", "a collection is booked from today (" + today + ") to a year ahead, not on "
                    + day);
        }
        ManufacturingLead lead = ManufacturingLead.of(design.product());
        ManufacturingCalendar.Booking booking = manufacturing.book(productId, o.recipient(), day, lead.cultureDays(),
                lead.deliveryDays(), by, at);
        calendar(o.recipient()).replan(SchedulePlanner.administration(o.period()), booking.administration());
        return booking;
    }

    /**
     * Orders a replacement of a product that failed release (a second collection and culture), for the same subject
     * and period; its collection is booked like the first's. Returns the new product's id.
     */
    public synchronized String replaceProduct(String productId, Instant at) {
        requireOpen();
        recipientOf(productId); // an unknown product is refused, naming it
        ProductStatus status = ledger.status(productId);
        if (status.stage() != ProductStage.REJECTED) {
            throw new ConflictException("product " + productId + " is " + status.stage().sharedWords() + ": only a"
                    + " product that failed release is replaced");
        }
        if (replaced(productId)) {
            throw new ConflictException("product " + productId + " was replaced already");
        }
        ProductOrder o = status.order();
        List<String> ids = new ArrayList<>(products(o.recipient()));
        String base = o.productId().replaceAll("-\\d+$", "");
        String id = base + "-" + (ids.stream().filter(p -> p.equals(base) || p.startsWith(base + "-")).count() + 1);
        ledger.open(new ProductOrder(id, o.recipient(), o.period(), o.kind(), o.source(), o.dose(), o.cultureDays(),
                o.baselineWeightKg(), o.masked(), o.shortestCultureDays(), at));
        ids.add(id);
        products.put(o.recipient(), ids);
        return id;
    }

    /** Where a product is in its chain, for planning its manufacture (views say it in the words a role may read). */
    public synchronized ProductStage stage(String productId) {
        recipientOf(productId);
        return ledger.status(productId).stage();
    }

    /** Whether a later product was ordered for the same subject and period: a replacement of this one. */
    public synchronized boolean replaced(String productId) {
        ProductOrder o = ledger.status(productId).order();
        List<String> ids = products(o.recipient());
        return ids.subList(ids.indexOf(productId) + 1, ids.size()).stream().anyMatch(p -> ledger.status(p).order()
                .period() == o.period());
    }

    /**
     * The days from the collection to the administration of a product given: its vein-to-vein time; null for a product
     * not given yet, or not collected from its recipient (cells issued from a lot have no vein of the recipient's to
     * count from). A replacement's time counts from its own collection.
     */
    public synchronized Long veinToVeinDays(String productId) {
        Instant collected = null;
        Instant given = null;
        for (LedgerEntry e : ledger.entries(productId).stream().filter(LedgerEntry::accepted).toList()) {
            if (e.event() instanceof CustodyEvent.Collected) {
                collected = e.event().at();
            } else if (e.event() instanceof CustodyEvent.Administered a) {
                given = a.start();
            }
        }
        String id = recipientOf(productId);
        return collected == null || given == null ? null : java.time.temporal.ChronoUnit.DAYS.between(localDay(id,
                collected), localDay(id, given));
    }

    /** A released lot of allogeneic cells, from which products are issued. */
    public synchronized void addLot(ProductLot lot) {
        requireOpen();
        lots.add(lot);
    }

    /** The subjects, in the order they came. */
    public synchronized List<Subject> subjects() {
        return List.copyOf(subjects.values());
    }

    /** The products ordered for a subject, one per period (their ids say nothing of their contents). */
    public synchronized List<String> products(String id) {
        return products.getOrDefault(id, List.of());
    }

    /**
     * An event of a product's chain, through the ledger's gateway. The first administration makes the subject
     * treated and starts the visits counted from it.
     */
    public synchronized LedgerEntry custody(String productId, CustodyEvent event) {
        requireOpen();
        if (event instanceof CustodyEvent.Administered a) {
            requireConsentInForce(recipientOf(productId), "the administration");
            event = withCellsGiven(productId, a);
        }
        if (event instanceof CustodyEvent.Shipped shipped) {
            requireShippedForThePlannedDay(productId, shipped);
        }
        LedgerEntry entry = ledger.record(productId, event);
        if (event instanceof CustodyEvent.Shipped shipped && !shipped.temperatures().excursions().isEmpty()) {
            String id = recipientOf(productId);
            productDeviations.computeIfAbsent(id, k -> new ArrayList<>()).add(new ProtocolDeviation(id, "product "
                    + productId + ": the shipment left its temperature range, " + shipped.temperatures()
                    .describeExcursions(), localDay(id, shipped.at())));
        }
        if (event instanceof CustodyEvent.Rejected) {
            // a product that failed release gives its culture slot back
            manufacturing.free(productId, localDay(recipientOf(productId), event.at()));
        }
        if (event instanceof CustodyEvent.Administered a) {
            ProductStatus status = ledger.status(productId);
            String id = status.order().recipient();
            LocalDate day = localDay(id, a.start());
            VisitCalendar calendar = calendars.get(id);
            if (status.order().period() == 1) {
                put(subject(id).moveTo(SubjectState.TREATED, a.start(), a.by(), null));
                calendar.anchor(TimeAnchor.FIRST_ADMINISTRATION, day);
            }
            // the administration is a visit of its own: it is done when the product is given
            String visit = SchedulePlanner.administration(status.order().period());
            if (calendar.visits().stream().anyMatch(v -> v.plan().name().equals(visit) && v.done() == null)) {
                calendar.record(visit, day);
            }
        }
        return entry;
    }

    /**
     * In a masked trial no product leaves for the site sooner than the day before its planned administration: every
     * product, cells or placebo, becomes "ready at the site" on the same day, whatever the lab's own pace.
     */
    private void requireShippedForThePlannedDay(String productId, CustodyEvent.Shipped shipped) {
        ProductOrder o = ledger.status(productId).order();
        LocalDate planned = plannedAdministration(o);
        if (design.isMasked() && planned != null && localDay(o.recipient(), shipped.at()).isBefore(planned
                .minusDays(1))) {
            throw new CustodyException("product " + productId + ": in a masked trial a product is shipped no sooner"
                    + " than the day before its planned administration (" + planned + "), so that every product"
                    + " reaches the site alike");
        }
    }

    /**
     * An administration whose cells the bedside did not state (NaN) gets those the product gave for the volume infused
     * — once the product is at the bedside; before, the chain refuses the step anyway, in words every product shares.
     */
    private CustodyEvent.Administered withCellsGiven(String productId, CustodyEvent.Administered a) {
        if (!Double.isNaN(a.given().cells()) || ledger.status(productId).stage() != ProductStage.VERIFIED) {
            return a;
        }
        Double cells = cellsIn(productId, a.given().volumeMl());
        if (cells == null) {
            throw new CustodyException("product " + productId + ": the cells it gives are not known");
        }
        return new CustodyEvent.Administered(new DosePlan.Given(cells, a.given().volumeMl(), a.given().minutes(),
                a.given().route()), a.start(), a.stop(), a.by());
    }

    /**
     * Locks the data for analysis: from now on nothing is added or changed (an emergency unblinding stays possible,
     * for the patient's safety). Locking twice is refused.
     */
    public synchronized void lock(Instant at) {
        requireOpen();
        List<String> reasons = new ArrayList<>();
        long open = casebook.queries().stream().filter(q -> q.status() != DataQuery.Status.CLOSED).count();
        if (open > 0) {
            reasons.add(open + " quer" + (open == 1 ? "y is" : "ies are") + " not closed");
        }
        // a subject screened and not yet decided is still in the trial too: the lock would shut them out for good
        List<String> active = subjects.values().stream().filter(s -> !s.state().isFinal()).map(Subject::id).toList();
        if (!active.isEmpty()) {
            reasons.add(active.size() + " subject" + (active.size() == 1 ? " is" : "s are") + " still in the trial ("
                    + String.join(", ", active.subList(0, Math.min(5, active.size()))) + (active.size() > 5 ? ", …"
                    : "") + ")");
        }
        String planProblem = plan == null ? null : plan.notReadyForLock();
        if (planProblem != null) {
            reasons.add(planProblem);
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("the data cannot be locked yet: " + String.join("; ", reasons));
        }
        if (plan != null) {
            plan.freeze(at);
        }
        lockedAt = at;
        masking.lock();
    }

    /** The analysis plan's history, or none in a trial run without a plan. */
    public synchronized Optional<PlanHistory> analysisPlan() {
        return Optional.ofNullable(plan);
    }

    /** Saves a revision of the analysis plan (the statistician); refused after the lock, which froze the plan. */
    public synchronized PlanRevision revisePlan(AnalysisPlan edited, String reason, Instant at, String by) {
        return requirePlan().revise(edited, reason, at, by);
    }

    /** Signs the analysis plan's latest revision (the statistician); refused after the lock, which froze the plan. */
    public synchronized PlanRevision signPlan(int version, String username, String printedName, String meaning,
            Instant at) {
        return requirePlan().sign(version, username, printedName, meaning, at);
    }

    private PlanHistory requirePlan() {
        if (plan == null) {
            throw new ConflictException("this trial is run without an analysis plan");
        }
        return plan;
    }

    /** When the data was locked, or null while it is open. */
    public synchronized Instant lockedAt() {
        return lockedAt;
    }

    private void requireOpen() {
        if (lockedAt != null) {
            throw new ConflictException("the trial's data was locked on " + lockedAt + "; nothing more is"
                    + " recorded");
        }
    }

    /** The captured data: forms, queries, adverse events. Reads only; changes go through the methods below. */
    public synchronized Casebook casebook() {
        return casebook;
    }

    /**
     * Saves a subject's form at a visit, checked against the visit's window when the visit is recorded as done;
     * returns the queries the edit checks opened.
     */
    public synchronized List<DataQuery> saveForm(String id, String visit, String form, Map<String, String> values,
            String reason, Instant at, String by) {
        return saveForm(id, visit, form, values, null, reason, at, by);
    }

    /** Saves a subject's form with the day its assessment was made (null when not given). */
    public synchronized List<DataQuery> saveForm(String id, String visit, String form, Map<String, String> values,
            LocalDate assessedOn, String reason, Instant at, String by) {
        requireOpen();
        requireConsented(id);
        VisitWindow window = null;
        VisitCalendar calendar = calendars.get(id);
        if (!visit.equals(Casebook.UNSCHEDULED)) {
            if (calendar == null && !visit.equals(SchedulePlanner.BASELINE)) {
                throw new ConflictException("subject " + id + " is not randomized: only the baseline's data is"
                        + " collected before");
            }
            String notYet = calendar == null ? null : calendar.notYet(visit);
            if (notYet != null) {
                throw new ConflictException(notYet);
            }
            VisitCalendar.Visit v = calendar == null ? null : calendar.visit(visit);
            window = v == null ? null : new VisitWindow(visit, v.done(), v.opens(), v.closes());
        }
        return casebook.save(id, visit, form, values, assessedOn, reason, window, at, by);
    }

    public synchronized Signature signForm(String id, String visit, String form, String username,
            String printedName, String meaning, Instant at) {
        requireOpen();
        subject(id);
        return casebook.sign(id, visit, form, username, printedName, meaning, at);
    }

    /** The monitor's source data verification of a form's current values: of the items named, or of all. */
    public synchronized SourceVerification verifyForm(String id, String visit, String form, Set<String> items,
            String by, Instant at) {
        requireOpen();
        subject(id);
        return casebook.verify(id, visit, form, items, by, at);
    }

    /** Locks a form, or with {@code visit} null the subject's whole casebook, before the study's lock. */
    public synchronized void lockCasebook(String id, String visit, String form, String by, Instant at) {
        requireOpen();
        subject(id);
        casebook.lock(id, visit, form, by, at);
    }

    /**
     * Locks the casebook of every subject at the site now and not locked yet (a subject screened there later is not
     * locked); with a query not closed at the site, none is locked. Returns the subjects locked.
     */
    public synchronized List<String> lockSite(String site, String by, Instant at) {
        requireOpen();
        if (subjects.values().stream().noneMatch(s -> s.site().equals(site))) {
            throw new RefusedValue("site", "no subject is at site " + site);
        }
        List<String> open = subjects.values().stream().filter(s -> s.site().equals(site)
                && casebook.subjectLock(s.id()) == null).map(Subject::id).toList();
        if (open.isEmpty()) {
            throw new ConflictException("every subject at site " + site + " is locked already");
        }
        List<String> pending = casebook.queries().stream().filter(q -> open.contains(q.subject())
                && q.status() != DataQuery.Status.CLOSED).map(DataQuery::id).toList();
        if (!pending.isEmpty()) {
            throw new ConflictException("site " + site + " has queries not closed (" + String.join(", ", pending)
                    + "); close them before the lock");
        }
        open.forEach(id -> casebook.lock(id, null, null, by, at));
        return open;
    }

    /** Unlocks a form, or with {@code visit} null a subject's casebook: the data manager, with a reason kept. */
    public synchronized void unlockCasebook(String id, String visit, String form) {
        requireOpen();
        subject(id);
        casebook.unlock(id, visit, form);
    }

    public synchronized DataQuery raiseQuery(String id, String visit, String form, String item, String text,
            Instant at, String by) {
        requireOpen();
        subject(id);
        FormDef def = casebook.formsAt(visit).stream().filter(f -> f.id().equals(form)).findFirst().orElse(null);
        if (def == null) {
            throw new RefusedValue("form", "visit " + visit + " has no form " + form + " to query");
        }
        if (casebook.record(id, visit, form).isEmpty()) {
            throw new RefusedValue("form", "subject " + id + " has no " + form + " saved at " + visit + " to query");
        }
        if (item != null && def.item(item).isEmpty()) {
            throw new RefusedValue("item", "form " + form + " has no item " + item + "; its items are "
                    + def.items().stream().map(ItemDef::id).toList());
        }
        return casebook.open(id, visit, form, item, text, by, at);
    }

    /** Moves a query on: "answer", "close" or "reopen", with its text. */
    public synchronized DataQuery moveQuery(String queryId, String action, String text, Instant at, String by) {
        requireOpen();
        DataQuery q = casebook.query(queryId);
        switch (action) {
            case "answer" -> q.answer(by, at, text);
            case "close" -> q.close(by, at, text);
            case "reopen" -> q.reopen(by, at, text);
            default -> throw new RefusedValue("action", "a query is answered, closed or re-opened, not '" + action
                    + "'");
        }
        return q;
    }

    /** Reports an adverse event; one that began before the subject consented is medical history, not an event. */
    public synchronized AdverseEvent reportAdverseEvent(AdverseEvent e, String by, Instant at) {
        requireOpen();
        requireConsented(e.subject());
        LocalDate consented = day(e.subject(), SubjectState.CONSENTED);
        if (consented != null && e.onset() != null && e.onset().isBefore(consented)) {
            throw new RefusedValue("onset", "an onset on " + e.onset() + " is before subject " + e.subject()
                    + " consented (" + consented + "): record it as medical history");
        }
        return casebook.report(e, by, at);
    }

    /**
     * A subject's protocol deviations: visits done outside their window, and shipments of their products that left
     * their temperature range; none before the randomization.
     */
    public synchronized List<ProtocolDeviation> deviations(String id) {
        List<ProtocolDeviation> all = new ArrayList<>();
        VisitCalendar calendar = calendars.get(id);
        if (calendar != null) {
            all.addAll(calendar.deviations());
        }
        all.addAll(productDeviations.getOrDefault(id, List.of()));
        return all;
    }

    /** The day of a subject's first administration, or null before it. */
    public synchronized LocalDate firstAdministration(String id) {
        VisitCalendar calendar = calendars.get(id);
        if (calendar == null) {
            return null;
        }
        return calendar.visits().stream().filter(v -> v.plan().name().equals(SchedulePlanner.ADMINISTRATION)).map(
                VisitCalendar.Visit::done).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * Records a visit as done on a day. A day that cannot be is refused: before the subject consented, or (for any
     * visit but the baseline, which is counted back from the administration) before the randomization. A visit done
     * outside its window is kept, as a deviation.
     */
    public synchronized ProtocolDeviation recordVisit(String id, String visit, LocalDate day) {
        requireOpen();
        VisitCalendar calendar = calendar(id);
        if (calendar.visits().stream().noneMatch(v -> v.plan().name().equals(visit))) {
            throw new RefusedValue("visit", "no visit '" + visit + "' in subject " + id + "'s schedule");
        }
        boolean given = products(id).stream().anyMatch(p -> SchedulePlanner.administration(ledger.status(p).order()
                .period()).equals(visit));
        if (given) {
            // its day is the first administration's, from which the follow-up and treatment-emergent events count
            throw new RefusedValue("visit", "visit '" + visit + "' of subject " + id + " is done when the product is"
                    + " given: the bedside records it");
        }
        LocalDate consented = day(id, SubjectState.CONSENTED);
        if (consented != null && day.isBefore(consented)) {
            throw new InvalidInputException("visit '" + visit + "' on " + day + " is before subject " + id
                    + " consented (" + consented + ")");
        }
        LocalDate randomized = day(id, SubjectState.RANDOMIZED);
        if (!visit.equals(SchedulePlanner.BASELINE) && randomized != null && day.isBefore(randomized)) {
            throw new InvalidInputException("visit '" + visit + "' on " + day + " is before subject " + id
                    + " was randomized (" + randomized + ")");
        }
        return calendar.record(visit, day);
    }

    /** The day a subject first reached a state, or null. */
    private LocalDate day(String id, SubjectState state) {
        return subject(id).history().stream().filter(h -> h.to() == state).map(h -> localDay(id, h.at())).findFirst()
                .orElse(null);
    }

    /** The day a moment falls on at a subject's site: its days are the site's. */
    public synchronized LocalDate localDay(String id, Instant at) {
        return at.atZone(zoneOf(subject(id).site())).toLocalDate();
    }

    public synchronized VisitCalendar calendar(String id) {
        VisitCalendar c = calendars.get(id);
        if (c == null) {
            throw new ConflictException("subject " + id + " has no visits before randomization");
        }
        return c;
    }

    /** A product's custody ledger in full, for those who know the arm (the cell lab, the unblinded pharmacist). */
    public synchronized List<LedgerEntry> ledger(String productId, Role role, String person) {
        ProductStatus status = ledger.status(productId);
        if (status == null) {
            throw new InvalidInputException("no product " + productId);
        }
        if (!masking.mayKnowArm(role, person, status.order().recipient())) {
            throw new ConflictException("the custody ledger of " + productId + " shows what the product is; the "
                    + Words.of(role) + " sees its view instead");
        }
        return ledger.entries(productId);
    }

    /**
     * An investigator or treating physician asks for one subject's arm in an emergency. It is granted at once or, where
     * the trial asks for a second person, once approved. Possible even after the lock: the patient comes first.
     */
    public synchronized EmergencyUnblinding requestUnblinding(String id, String person, Role role, String reason,
            Instant at) {
        if (allocations.get(subject(id).id()) == null) {
            throw new ConflictException("subject " + id + " is not randomized: there is no arm to reveal");
        }
        return masking.request(id, person, role, reason, at);
    }

    /** An emergency unblinding as it was requested (the trial being restored from its store). */
    public synchronized EmergencyUnblinding unblind(EmergencyUnblinding kept) {
        subject(kept.subject());
        return masking.unblind(kept);
    }

    public synchronized EmergencyUnblinding approveUnblinding(String unblinding, String person, Role role,
            Instant at) {
        return masking.approve(unblinding, person, role, at);
    }

    /** Whether an emergency unblinding needs a second person from now on (the protocol's choice). */
    public synchronized void requireSecondPersonForUnblinding(boolean required) {
        requireOpen();
        masking.requireSecondPerson(required);
    }

    /** A subject as this person, in this role, may see them. */
    public synchronized SubjectView subjectView(String id, Role role, String person) {
        Subject s = subject(id);
        Allocation a = allocations.get(id);
        boolean knows = masking.mayKnowArm(role, person, id);
        String group = a != null && knows ? a.group() : null;
        List<String> treatments = a != null && knows ? design.armsOf(a.group()).stream().map(TrialArm::label).toList()
                : null;
        List<Consent> given = consents.getOrDefault(id, List.of());
        return new SubjectView(id, s.site(), s.state(), s.history().stream().map(c -> c.to()).toList(),
                given.isEmpty() ? null : given.get(given.size() - 1).formVersion(), reconsentNeeded(id), kits.get(id),
                group, treatments);
    }

    /** The subject a product is for. */
    public synchronized String recipientOf(String productId) {
        ProductStatus status = ledger.status(productId);
        if (status == null) {
            throw new InvalidInputException("no product " + productId);
        }
        return status.order().recipient();
    }

    /**
     * The cells a product gives when this volume of it is infused (see {@link ProductOrder#cellsIn}); where the
     * protocol gives no dose, the cells the lab counted (the harvest, or the vials issued from a lot). The bedside
     * never states them: what a masked nurse enters must not depend on what the product holds. Null when nobody
     * counted them.
     */
    public synchronized Double cellsIn(String productId, double volumeMl) {
        ProductStatus status = ledger.status(productId);
        Double planned = status.order().cellsIn(volumeMl);
        return planned != null ? planned : ledger.cellsCounted(productId);
    }

    /** A product as this person, in this role, may see it. */
    public synchronized ProductView productView(String productId, Role role, String person) {
        ProductStatus status = ledger.status(productId);
        if (status == null) {
            throw new InvalidInputException("no product " + productId);
        }
        ProductOrder o = status.order();
        boolean knows = masking.mayKnowArm(role, person, o.recipient());
        List<ProductView.Step> steps = new ArrayList<>();
        String administered = null;
        for (LedgerEntry e : ledger.entries(productId)) {
            boolean bedside = e.event() instanceof CustodyEvent.BedsideVerified
                    || e.event() instanceof CustodyEvent.Administered;
            if (!knows && !bedside) {
                continue; // the lab's steps, and their times, are for those who know what the product is
            }
            String what = ProductSteps.name(e.event());
            if (!e.accepted()) {
                steps.add(new ProductView.Step("refused " + what, e.event().at(), e.event().by(), e.refusal()));
                continue;
            }
            steps.add(new ProductView.Step(what, e.event().at(), e.event().by(), knows ? ProductSteps.detail(
                    e.event()) : null));
            if (e.event() instanceof CustodyEvent.Administered a) {
                long minutes = Duration.between(a.start(), a.stop()).toMinutes();
                administered = ScientificNotation.plain(a.given().volumeMl()) + " mL "
                        + (a.given().route() == null ? "" : a.given().route().label()) + " over " + minutes + " min"
                        + (knows && a.given().cells() > 0 ? ", " + ScientificNotation.format(a.given().cells())
                        + " cells" : "");
            }
        }
        boolean atSite = EnumSet.of(ProductStage.SHIPPED, ProductStage.VERIFIED, ProductStage.ADMINISTERED).contains(
                status.stage());
        DonationNumber number = status.number() == null || !(knows || atSite) ? null : status.number();
        String label = number == null ? null : ProductLabel.text(design, o, number);
        return ProductView.of(productId, o.recipient(), o.period(), ProductSteps.status(status.stage(), knows),
                plannedAdministration(o), label, number, steps, knows ? o.kind() : null, administered);
    }

    /** The day a product's administration is planned: its period's administration visit, once its anchor is known. */
    private LocalDate plannedAdministration(ProductOrder o) {
        VisitCalendar calendar = calendars.get(o.recipient());
        String visit = SchedulePlanner.administration(o.period());
        return calendar == null ? null : calendar.visits().stream().filter(v -> v.plan().name().equals(visit))
                .map(VisitCalendar.Visit::target).filter(Objects::nonNull).findFirst().orElse(null);
    }

    public synchronized Subject subject(String id) {
        Subject s = subjects.get(id);
        if (s == null) {
            throw new InvalidInputException("no subject " + id + " in trial " + design.trial());
        }
        return s;
    }

    private Subject put(Subject s) {
        subjects.put(s.id(), s);
        return s;
    }
}

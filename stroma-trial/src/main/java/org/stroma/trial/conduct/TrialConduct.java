package org.stroma.trial.conduct;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.TimeAnchor;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.capture.VisitWindow;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.masking.KitCodes;
import org.stroma.trial.masking.MaskingPolicy;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.CustodyLedger;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.LotInventory;
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
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * One trial being run: its subjects through their lifecycle, their allocation (kept on the unblinded side), the chain
 * of custody of every product, and each subject's visit calendar. Every view of a subject or a product it offers goes
 * through the trial's {@link MaskingPolicy}.
 */
public final class TrialConduct {
    private final TrialDesign design;
    private final List<PlannedVisit> schedule;
    private final Randomizer randomizer;
    private final KitCodes kitCodes;
    private final CustodyLedger ledger;
    private final MaskingPolicy masking;
    private final Map<String, Subject> subjects = new LinkedHashMap<>();
    private final LotInventory lots;
    private final Map<String, Randomization> randomizations = new HashMap<>();
    private final Map<String, Allocation> allocations = new HashMap<>();
    private final Map<String, String> kits = new HashMap<>();
    private final Map<String, List<String>> products = new HashMap<>();
    private final Map<String, VisitCalendar> calendars = new HashMap<>();
    private final Casebook casebook;
    /** When the data manager locked the data, or null while it is open. */
    private Instant lockedAt;

    public TrialConduct(TrialDesign design, List<PlannedVisit> schedule, RandomSource random,
            ReleaseSpecification release, LotInventory lots) {
        this(design, schedule, random, release, lots, Casebook.empty());
    }

    /** A trial with its case report forms planned ({@link org.stroma.trial.capture.FormPlan}). */
    public TrialConduct(TrialDesign design, List<PlannedVisit> schedule, RandomSource random,
            ReleaseSpecification release, LotInventory lots, Casebook casebook) {
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
            throw new IllegalArgumentException("site '" + site + "' is not one of the trial's sites " + design.sites());
        }
        if (subjects.containsKey(id)) {
            throw new IllegalArgumentException("subject " + id + " is already in the trial");
        }
        Subject s = Subject.candidate(id, site);
        subjects.put(id, s);
        return s;
    }

    /** Records a screening: screened, then eligible or ineligible by the verdict; an incomplete one stays screened. */
    public synchronized Subject screen(String id, PatientVerdict verdict, Instant at, String by) {
        requireOpen();
        Subject s = subject(id).moveTo(SubjectState.SCREENED, at, by, null);
        if (verdict == PatientVerdict.ELIGIBLE) {
            s = s.moveTo(SubjectState.ELIGIBLE, at, by, null);
        } else if (verdict == PatientVerdict.INELIGIBLE) {
            s = s.moveTo(SubjectState.INELIGIBLE, at, by, null);
        }
        return put(s);
    }

    /** Any step the lifecycle allows that needs no more than the subject (consent, enrolment, follow-up, exits). */
    public synchronized Subject move(String id, SubjectState to, Instant at, String by, String reason) {
        requireOpen();
        if (to == SubjectState.RANDOMIZED || to == SubjectState.TREATED) {
            throw new IllegalArgumentException("a subject is randomized by randomize() and treated by the"
                    + " administration of a product");
        }
        return put(subject(id).moveTo(to, at, by, reason));
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
            throw new IllegalStateException("subject " + id + " is " + s.state().name().toLowerCase().replace('_', ' ')
                    + "; only an enrolled subject is randomized");
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
        DosePlan dose = DosePlan.of(product);
        List<String> ids = new ArrayList<>();
        List<TrialArm> arms = design.armsOf(r.allocation().group());
        for (int p = 0; p < arms.size(); p++) {
            String productId = id + "-P" + (p + 1);
            ProductKind kind = arms.get(p).isPlacebo() ? ProductKind.PLACEBO : ProductKind.CELLS;
            ProductSource source = product == null || product.source() == null ? ProductSource.AUTOLOGOUS
                    : product.source();
            ledger.open(new ProductOrder(productId, id, p + 1, kind, source, dose,
                    product == null ? null : product.cultureDays(), r.baselineWeightKg(), design.isMasked(),
                    ManufacturingLead.of(product).shortestCultureDays()));
            ids.add(productId);
        }
        products.put(id, ids);
        VisitCalendar calendar = new VisitCalendar(id, schedule);
        calendar.anchor(TimeAnchor.RANDOMIZATION, r.at().atZone(ZoneOffset.UTC).toLocalDate());
        calendars.put(id, calendar);
        return put(randomized);
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
        LedgerEntry entry = ledger.record(productId, event);
        if (event instanceof CustodyEvent.Administered a) {
            ProductStatus status = ledger.status(productId);
            String id = status.order().recipient();
            LocalDate day = a.start().atZone(ZoneOffset.UTC).toLocalDate();
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
     * Locks the data for analysis: from now on nothing is added or changed (an emergency unblinding stays possible,
     * for the patient's safety). Locking twice is refused.
     */
    public synchronized void lock(Instant at) {
        requireOpen();
        lockedAt = at;
    }

    /** When the data was locked, or null while it is open. */
    public synchronized Instant lockedAt() {
        return lockedAt;
    }

    private void requireOpen() {
        if (lockedAt != null) {
            throw new IllegalStateException("the trial's data was locked on " + lockedAt + "; nothing more is"
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
        requireOpen();
        subject(id);
        VisitWindow window = null;
        VisitCalendar calendar = calendars.get(id);
        if (calendar != null && !visit.equals(Casebook.UNSCHEDULED)) {
            VisitCalendar.Visit v = calendar.visit(visit);
            window = new VisitWindow(visit, v.done(), v.opens(), v.closes());
        }
        return casebook.save(id, visit, form, values, reason, window, at, by);
    }

    public synchronized Signature signForm(String id, String visit, String form, String username,
            String printedName, String meaning, Instant at) {
        requireOpen();
        subject(id);
        return casebook.sign(id, visit, form, username, printedName, meaning, at);
    }

    public synchronized DataQuery raiseQuery(String id, String visit, String form, String item, String text,
            Instant at, String by) {
        requireOpen();
        subject(id);
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
            default -> throw new IllegalArgumentException("a query is answered, closed or re-opened, not '" + action
                    + "'");
        }
        return q;
    }

    public synchronized AdverseEvent reportAdverseEvent(AdverseEvent e) {
        requireOpen();
        subject(e.subject());
        return casebook.report(e);
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

    public synchronized ProtocolDeviation recordVisit(String id, String visit, LocalDate day) {
        requireOpen();
        return calendar(id).record(visit, day);
    }

    public synchronized VisitCalendar calendar(String id) {
        VisitCalendar c = calendars.get(id);
        if (c == null) {
            throw new IllegalStateException("subject " + id + " has no visits before randomization");
        }
        return c;
    }

    /** A product's custody ledger in full, for those who know the arm (the cell lab, the unblinded pharmacist). */
    public synchronized List<LedgerEntry> ledger(String productId, Role role, String person) {
        ProductStatus status = ledger.status(productId);
        if (status == null) {
            throw new IllegalArgumentException("no product " + productId);
        }
        if (!masking.mayKnowArm(role, person, status.order().recipient())) {
            throw new IllegalStateException("the custody ledger of " + productId + " shows what the product is; the "
                    + role.name().toLowerCase().replace('_', ' ') + " sees its view instead");
        }
        return ledger.entries(productId);
    }

    /**
     * An investigator or treating physician asks for one subject's arm in an emergency. It is granted at once or, where
     * the trial asks for a second person, once approved. Possible even after the lock: the patient comes first.
     */
    public synchronized EmergencyUnblinding requestUnblinding(String id, String person, Role role, String reason,
            Instant at) {
        subject(id);
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
        return new SubjectView(id, s.site(), s.state(), s.history().stream().map(c -> c.to()).toList(), kits.get(id),
                group, treatments);
    }

    /** The subject a product is for. */
    public synchronized String recipientOf(String productId) {
        ProductStatus status = ledger.status(productId);
        if (status == null) {
            throw new IllegalArgumentException("no product " + productId);
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
            throw new IllegalArgumentException("no product " + productId);
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
        String label = status.number() == null || !(knows || atSite) ? null : ProductLabel.text(design, o,
                status.number());
        return new ProductView(productId, o.recipient(), o.period(), ProductSteps.status(status.stage(), knows),
                plannedAdministration(o), label, steps, knows ? o.kind().name() : null, administered);
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
            throw new IllegalArgumentException("no subject " + id + " in trial " + design.trial());
        }
        return s;
    }

    private Subject put(Subject s) {
        subjects.put(s.id(), s);
        return s;
    }
}

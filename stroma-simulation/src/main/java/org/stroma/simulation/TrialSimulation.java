package org.stroma.simulation;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.stroma.fhir.entered.EnteredPatientWriter;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Route;
import org.stroma.server.MovableClock;
import org.stroma.server.Stroma;
import org.stroma.server.app.RecordStep;
import org.stroma.server.app.ReportAdverseEvent;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.ScreeningOutcome;
import org.stroma.server.app.SubjectRecord;
import org.stroma.server.auth.Passwords;
import org.stroma.server.auth.Principal;
import org.stroma.server.http.Services;
import org.stroma.store.Database;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.user.UserStore;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.synthesis.PatientSynthesizer;
import org.stroma.trial.eligibility.synthesis.SyntheticPatient;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.PlanDerivation;
import org.stroma.trial.plan.PlannedMethod;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.product.ReleaseTests;
import org.stroma.trial.product.ReleaseTests.Finding;
import org.stroma.trial.product.TemperatureLog;
import org.stroma.trial.schedule.ManufacturingLead;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;

/**
 * A trial run on made-up patients through Stroma's own services, as its team would run it: the administrator imports,
 * reviews and publishes the record and gives the team their roles; the coordinator screens each patient (an entered
 * record and the investigator's answers), who consents or declines, is enrolled and randomized; the cell lab makes
 * each product, working back from the day its administration is planned (some fail their release tests, some cultures
 * run beyond their window), and ships it; the coordinator checks it at the bedside and gives it on the planned day;
 * visits follow the calendar with their forms (some missed, some subjects lost), adverse events are reported; the
 * last visit completes the subject. Every step goes through the services, the domain's rules and the store, in the
 * order of a clock that jumps from one action to the next. In a masked trial every product, placebo or cells, keeps
 * the same timeline, and the simulation's own draws do not depend on the arm.
 */
public final class TrialSimulation {
    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
    /** The password of every simulated person, for a test that signs in as one of them. */
    public static final String PASSWORD = "simulation-password";

    /** Where the simulation says what it is doing, a line at a time. */
    public interface Progress {
        void say(String line);
    }

    /** Looks on after every action of the simulation, as a person watching the trial's pages would. */
    public interface Observer {
        Observer NONE = (sim, action) -> { };

        void after(TrialSimulation simulation, String action) throws SQLException;
    }

    private final Database db;
    private final SimulationSettings settings;
    private final Progress progress;
    private final Observer observer;
    private final MovableClock clock = new MovableClock(START);
    private final Random random;
    private final Services services;
    /** How the subjects' measurements go: made once the protocol's criteria are known, which bound the baselines. */
    private OutcomeModel outcomes;
    private final PriorityQueue<Action> timeline = new PriorityQueue<>();
    private final Map<String, Principal> people = new HashMap<>();
    private final Map<String, Instant> firstAdministration = new HashMap<>();
    private final Map<String, LocalDate> consentedOn = new HashMap<>();
    /** Each subject's site's time zone, asked once: a subject stays at their site. */
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final Map<String, List<Instant>> cellPeriods = new HashMap<>();
    /** Each product's recipient, as its view gives it when the lab books it. */
    private final Map<String, String> recipients = new HashMap<>();
    private final SimulationResult.Counts counts = new SimulationResult.Counts();
    /** The visits booked, "subject/visit": a visit is booked once, whichever step asks for the next one. */
    private final Set<String> booked = new HashSet<>();
    private String study;
    private Protocol protocol;
    private List<String> sites;
    private PatientSynthesizer synthesizer;
    /** Who the trial's patients are: the share of men, whether they have ischaemic heart disease. */
    private SimulatedPopulation population;
    private boolean allogeneic;
    private ManufacturingLead lead;
    /** A trial of the heart, whose serious events count as major adverse cardiac events. */
    private boolean cardiac;
    private Route route;
    private long sequence;
    private int labels;

    private TrialSimulation(Database db, SimulationSettings settings, Progress progress, Observer observer) {
        this.db = db;
        this.settings = settings;
        this.progress = progress;
        this.observer = observer;
        this.random = new Random(settings.seed());
        this.services = Stroma.services(db, clock, RandomSource.seeded(settings.allocationSeed()));
    }

    /** Runs a trial (a registry record's file) to its end, locks its data and returns what happened. */
    public static SimulationResult run(Database db, String name, byte[] record, SimulationSettings settings,
            Progress progress) throws SQLException {
        return conduct(db, name, record, settings, progress, Observer.NONE).lock();
    }

    /**
     * Runs a trial to its last visit and stops before the lock, with an observer looking on after every action: what
     * a test of what people see needs, the statistician still blinded.
     */
    public static TrialSimulation conduct(Database db, String name, byte[] record, SimulationSettings settings,
            Progress progress, Observer observer) throws SQLException {
        TrialSimulation s = new TrialSimulation(db, settings, progress, observer);
        s.setUp(name, record);
        s.recruit();
        s.playOut();
        progress.say("done: " + s.counts.describe());
        return s;
    }

    /**
     * The data is cleaned and locked: the queries left open are answered by the site and closed by the monitor; then the
     * data manager locks the data and the statistician takes the locked, unblinded data set.
     */
    public SimulationResult lock() throws SQLException {
        for (var q : services.capture().queries(person("monitor"), study)) {
            if (q.status().equals("open")) {
                services.capture().move(person("coordinator"), study, q.id(), "answer", "confirmed against the"
                        + " source document", q.history().size());
                services.capture().move(person("monitor"), study, q.id(), "close", "source verified",
                        q.history().size() + 1);
            } else if (q.status().equals("answered")) {
                services.capture().move(person("monitor"), study, q.id(), "close", "source verified",
                        q.history().size());
            }
        }
        signAnalysisPlan();
        services.capture().lock(person("datamanager"), study);
        LockedTrial locked = services.capture().lockedData(person("statistician"), study);
        AnalysisPlan plan = services.plans().frozen(person("statistician"), study);
        progress.say("locked: " + locked.subjects().size() + " subjects, " + locked.measurements().size()
                + " measurements, " + locked.adverseEvents().size() + " adverse events; analysis plan version "
                + plan.version() + " frozen");
        return new SimulationResult(study, counts, clock.instant(), locked, plan);
    }

    /**
     * The statistician saves the plan derived from the record and signs it before the lock, as the lock requires. A
     * primary endpoint whose analysis the record leaves undecided the simulated statistician keeps as exploratory, and
     * where no primary endpoint remains it names the proportion of subjects with an adverse event (the usual primary
     * endpoint of an early-phase trial); the revision's reason says what was done.
     */
    private void signAnalysisPlan() throws SQLException {
        Principal statistician = person("statistician");
        AnalysisPlan draft = services.plans().plan(statistician, study).plan();
        List<String> changes = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Endpoint e : draft.endpoints()) {
            boolean undecided = e.rank() == OutcomeKind.PRIMARY && e.method() == PlannedMethod.UNDECIDED;
            if (undecided) {
                changes.add("primary endpoint " + e.id() + " kept as exploratory: its analysis is not decided");
            }
            endpoints.add(undecided ? new Endpoint(e.id(), OutcomeKind.OTHER, e.registeredMeasure(),
                    e.registeredTimeFrame(), e.form(), e.item(), e.variable(), e.type(), e.timePoints(),
                    e.population(), e.method(), e.covariates(), e.missingData(), e.estimand(), e.rationale(),
                    e.supportive(), e.openQuestions()) : e);
        }
        String multiplicity = draft.multiplicity();
        if (endpoints.stream().noneMatch(e -> e.rank() == OutcomeKind.PRIMARY)) {
            endpoints.add(0, PlanDerivation.safetyEndpoint("P0", DesignReader.read(protocol)));
            multiplicity = "One primary endpoint, named by the statistician, at the two-sided 5 % level; the others"
                    + " supportive, their p-values nominal.";
            changes.add("the proportion of subjects with an adverse event named primary, none being registered and"
                    + " decided");
        }
        String reason = changes.isEmpty() ? "adopted as derived from the registered outcome measures"
                : "derived from the registered outcome measures; " + String.join("; ", changes);
        draft = new AnalysisPlan(draft.trial(), draft.title(), draft.version(), endpoints, multiplicity,
                draft.openQuestions());
        int saved = services.plans().revise(statistician, study, draft, reason, draft.version()).plan().version();
        services.plans().sign(statistician, study, PASSWORD, "approved", saved);
    }

    /** The study's id. */
    public String study() {
        return study;
    }

    /** The simulated clock: where the trial stands. */
    public MovableClock clock() {
        return clock;
    }

    /** The services the simulated team acts through. */
    public Services services() {
        return services;
    }

    /** A simulated person, as signed in: admin, investigator, coordinator, celllab, monitor, datamanager, statistician. */
    public Principal person(String username) throws SQLException {
        Principal p = people.get(username);
        if (p == null) {
            UserStore users = new UserStore(db);
            p = new Principal(username, users.user(username).orElseThrow().displayName(), username.equals("admin"),
                    users.memberships(username), "simulation", "simulation");
            people.put(username, p);
        }
        return p;
    }

    private record Action(Instant at, long order, String what, Step step) implements Comparable<Action> {
        @Override
        public int compareTo(Action o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void at(Instant when, String what, Step step) {
        timeline.add(new Action(when.isBefore(clock.instant()) ? clock.instant() : when, sequence++, what, step));
    }

    private void after(Duration delay, String what, Step step) {
        at(clock.instant().plus(delay), what, step);
    }

    private void playOut() throws SQLException {
        int done = 0;
        while (!timeline.isEmpty()) {
            Action a = timeline.poll();
            clock.set(a.at());
            a.step().run();
            observer.after(this, a.what());
            if (++done % 200 == 0) {
                progress.say(today() + "  " + counts.describe());
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The day it is at a subject's site, in whose days their visits, consent and events are recorded. */
    private LocalDate today(String id) throws SQLException {
        ZoneId zone = zones.get(id);
        if (zone == null) {
            zone = ZoneId.of(services.conduct().subject(person("coordinator"), study, id).zone());
            zones.put(id, zone);
        }
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // --- the team and the protocol ---

    private void setUp(String name, byte[] record) throws SQLException {
        UserStore users = new UserStore(db);
        String hash = Passwords.hash(PASSWORD);
        for (String u : List.of("admin", "investigator", "coordinator", "celllab", "monitor", "datamanager",
                "statistician")) {
            users.create("simulation", u, "Simulated " + u, hash, u.equals("admin"));
        }
        List<ProtocolVersion> versions = services.studies().importRecord(person("admin"), name, record);
        study = versions.get(0).study();
        people.remove("admin"); // the import made the admin the study's administrator
        progress.say("imported " + study + (versions.size() > 1 ? " (the first of " + versions.size() + " trials)"
                : ""));
        services.studies().review(person("admin"), study, 1);
        services.studies().publish(person("admin"), study, 1);
        grant("investigator", Role.INVESTIGATOR);
        grant("coordinator", Role.COORDINATOR);
        grant("celllab", Role.CELL_LAB);
        grant("monitor", Role.MONITOR);
        grant("datamanager", Role.DATA_MANAGER);
        grant("statistician", Role.STATISTICIAN);
        protocol = services.studies().version(person("admin"), study, 1).protocol();
        try {
            DesignReader.read(protocol);
        } catch (IllegalArgumentException e) {
            throw new SimulationException(study + " cannot be run (" + (protocol.design() == null ? "no design"
                    : "a " + protocol.design().studyType() + " study") + "): " + e.getMessage());
        }
        sites = services.studies().overview(person("admin"), study).sites().stream().map(s -> s.site()).toList();
        CompiledEligibility criteria = new CriteriaCompiler(ConceptDictionary.standard()).compile(protocol);
        synthesizer = new PatientSynthesizer(ConceptDictionary.standard(), criteria, settings.seed());
        Intervention cells = protocol.interventions().stream().filter(i -> i.cellProduct() != null).findFirst()
                .orElse(null);
        allogeneic = cells != null && cells.cellProduct().source() == ProductSource.ALLOGENEIC;
        lead = ManufacturingLead.of(cells == null ? null : cells.cellProduct());
        route = cells == null || cells.cellProduct().route() == null ? null : cells.cellProduct().route();
        String about = (String.join(" ", protocol.conditions()) + " " + protocol.identification().briefTitle())
                .toLowerCase(Locale.ROOT);
        cardiac = about.matches("(?s).*(heart|cardi|myocard|ischem|ischaem|coronary).*");
        population = SimulatedPopulation.of(protocol);
        outcomes = new OutcomeModel(new Random(settings.seed() + 1), settings.treatmentEffect(),
                EligibilityBounds.of(criteria, ConceptDictionary.standard()), population.ischaemic());
        if (allogeneic) {
            services.conduct().addLot(person("celllab"), study, new ProductLot("LOT-001", "DONOR-1",
                    settings.patients() * 3, 5e8, true, today().plusYears(3)));
        }
        progress.say("published; " + sites.size() + " site(s); " + (allogeneic ? "allogeneic" : "autologous")
                + " cells");
    }

    private void grant(String username, Role role) throws SQLException {
        services.studies().grant(person("admin"), study, username, role.name(), null, services.studies().team(
                person("admin"), study).version());
        people.remove(username);
    }

    // --- screening to randomization ---

    private void recruit() {
        for (int i = 1; i <= settings.patients(); i++) {
            String id = String.format(Locale.ROOT, "P%03d", i);
            at(START.plus(Duration.ofDays(7L * (i - 1) + random.nextInt(5))), "screen " + id, () -> screen(id));
        }
    }

    private void screen(String id) throws SQLException {
        boolean meantEligible = random.nextDouble() < settings.eligibleShare();
        SyntheticPatient patient = meantEligible ? synthesizer.eligible(id, today(), random.nextDouble()
                < population.maleShare() ? AdministrativeSex.MALE : AdministrativeSex.FEMALE)
                : synthesizer.failing(id, today()).patient();
        String site = sites.get(random.nextInt(sites.size()));
        ScreeningOutcome outcome = services.conduct().screen(person("coordinator"), study, id, site, id + ".json",
                EnteredPatientWriter.write(patient), patient.answers());
        counts.screened++;
        PatientVerdict verdict = outcome.result().verdict();
        if (verdict != PatientVerdict.ELIGIBLE) {
            counts.screenFailures++;
            services.conduct().move(person("coordinator"), study, id, "screen_failure", verdict == PatientVerdict
                    .INELIGIBLE ? "not eligible: " + String.join(", ", outcome.result().failing())
                    : "screening incomplete: " + String.join(", ", outcome.result().open()));
            return;
        }
        after(Duration.ofDays(3 + random.nextInt(5)), "consent " + id, () -> consent(id));
    }

    private void consent(String id) throws SQLException {
        if (random.nextDouble() < settings.declineShare()) {
            counts.declined++;
            services.conduct().move(person("coordinator"), study, id, "screen_failure", "declined consent");
            return;
        }
        String consentForm = services.conduct().subject(person("investigator"), study, id).consentForm();
        services.conduct().consent(person("investigator"), study, id, consentForm, clock.instant().toString(), null);
        consentedOn.put(id, today(id));
        services.conduct().move(person("investigator"), study, id, "enrolled", null);
        for (FormDef form : formsAt("Baseline")) {
            saveForm(id, "Baseline", form, 0, 0);
        }
        after(Duration.ofDays(1), "randomize " + id, () -> randomize(id));
    }

    private void randomize(String id) throws SQLException {
        // the subject's one weight, the one their baseline visit recorded
        double weight = outcomes.weightKg(id);
        // where the protocol assigns arms instead of randomizing, the investigator chooses one
        List<String> assigned = services.conduct().subject(person("investigator"), study, id).assignedArms();
        Map<String, String> levels = assigned.isEmpty() ? Map.of() : Map.of("arm", assigned.get(random.nextInt(
                assigned.size())));
        services.conduct().randomize(person("investigator"), study, id, weight, levels);
        counts.randomized++;
        // the baseline visit (its forms filled at enrolment) is held now; its window, counted back from the first
        // administration, is checked when that happens
        recordVisitIfDue(id, "Baseline");
        bookManufacture(id, 1);
    }

    // --- the product's chain ---

    /**
     * The lab books a period's product to be ready on the day its administration is planned (as everyone sees it on
     * the subject's calendar), working back from that day by the protocol's lead: collection, culture, release.
     */
    private void bookManufacture(String id, int period) throws SQLException {
        SubjectRecord r = services.conduct().subject(person("celllab"), study, id);
        ProductView product = r.products().stream().filter(p -> p.period() == period).findFirst().orElse(null);
        if (product == null || product.plannedAdministration() == null) {
            return; // no product for this period, or its day not yet known
        }
        LocalDate planned = product.plannedAdministration();
        recipients.put(product.product(), product.recipient());
        LocalDate collection = planned.minusDays(lead.cultureDays() + lead.deliveryDays());
        at(collection.atTime(8, 0).toInstant(ZoneOffset.UTC), "manufacture " + product.product(),
                () -> manufacture(id, product.product(), product.kind(), collection, planned));
    }

    /**
     * The product's chain from the collection to the site, every kind on the same days: a placebo of a masked trial is
     * collected for and held like the cells it stands in for. The draws (a failed release, a late product) are made
     * for every product alike, so that the arm changes none of the simulation's chances.
     */
    private void manufacture(String id, String product, ProductKind kind, LocalDate collection, LocalDate planned)
            throws SQLException {
        boolean fails = random.nextDouble() < settings.releaseFailureShare();
        boolean late = random.nextDouble() < settings.lateCultureShare();
        int viability = 88 + random.nextInt(8);
        boolean placebo = kind == ProductKind.PLACEBO;
        // the lab's day: the collection in the morning, the culture from the afternoon; cells used as collected are
        // processed the same day. A late product (the lab's capacity, a holiday) is held five days whatever it is;
        // for cells that takes the culture beyond its window, and they are not released: that difference is the
        // cells' nature, and shows only as a product that is not given
        Instant collected = at(collection, 8);
        Instant made = lead.cultureDays() == 0 ? collected.plus(Duration.ofHours(10)) : at(collection.plusDays(
                lead.cultureDays() + (late ? 5 : 0)), 9);
        String lab = "celllab";
        List<CustodyEvent> steps = new ArrayList<>();
        if (!allogeneic) {
            steps.add(new CustodyEvent.Collected(id, "bone marrow", 80, collected, lab));
            steps.add(new CustodyEvent.ReceivedAtLab(collected.plus(Duration.ofHours(4)), lab));
        }
        ReleaseTests results;
        if (placebo) {
            steps.add(new CustodyEvent.PlaceboPrepared("vehicle without cells", made, lab));
            results = new ReleaseTests(null, null, Finding.NEGATIVE, Finding.NEGATIVE, fails ? 0.9 : 0.05, Map.of());
        } else {
            if (allogeneic) {
                steps.add(new CustodyEvent.IssuedFromLot("LOT-001", 1, made, lab));
                steps.add(new CustodyEvent.ReceivedAtLab(made.plus(Duration.ofHours(2)), lab));
            } else {
                steps.add(new CustodyEvent.CultureStarted(collected.plus(Duration.ofHours(6)), lab));
                steps.add(new CustodyEvent.Harvested(2.5e8, made, lab));
            }
            Map<String, Double> markers = new LinkedHashMap<>();
            markers.put("CD73", 99.0);
            markers.put("CD90", 98.5);
            markers.put("CD105", 97.0);
            markers.put("CD45", 0.4);
            markers.put("CD34", 0.2);
            markers.put("CD14", 0.3);
            markers.put("CD19", 0.1);
            markers.put("HLA-DR", 0.8);
            results = new ReleaseTests((double) (fails ? 58 : viability), fails ? 6e7 : 2.2e8, Finding.NEGATIVE,
                    Finding.NEGATIVE, 0.1, markers);
        }
        steps.add(new CustodyEvent.Tested(results, made.plus(Duration.ofHours(4)), lab));
        for (CustodyEvent step : steps) {
            at(step.at(), step.getClass().getSimpleName() + " " + product, () -> custody(product, step));
        }
        Instant release = at(LocalDate.ofInstant(made, ZoneOffset.UTC).plusDays(1), 9);
        at(release, "release " + product, () -> release(id, product, release, planned));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** Records a product step as its recorder would from the product's page: from the version they see. */
    private void custody(String product, CustodyEvent step) throws SQLException {
        Principal p = person(step.by());
        String recipient = recipients.get(product);
        String version = services.conduct().subject(p, study, recipient).products().stream().filter(v -> v.product()
                .equals(product)).findFirst().orElseThrow().version();
        services.conduct().custody(p, study, new RecordStep(product, version, step));
    }

    private void release(String id, String product, Instant at, LocalDate planned) throws SQLException {
        try {
            custody(product, new CustodyEvent.Released(at, "celllab"));
        } catch (RequestException | CustodyException refused) {
            counts.manufacturingFailures++;
            custody(product, new CustodyEvent.Rejected(refused.getMessage(), at, "celllab"));
            // the site learns only that there is no product: what failed is the lab's to know
            services.conduct().move(person("investigator"), study, id, "withdrawn", "no product to give: the"
                    + " product was not released");
            return;
        }
        Instant labelled = at.plus(Duration.ofHours(1));
        at(labelled, "label " + product, () -> label(id, product, labelled, planned));
    }

    private void label(String id, String product, Instant labelled, LocalDate planned) throws SQLException {
        DonationNumber number = new DonationNumber("S0001", LocalDate.ofInstant(labelled, ZoneOffset.UTC).getYear()
                % 100, ++labels, "00");
        custody(product, new CustodyEvent.Labelled(number, labelled, "celllab"));
        // shipped to arrive in the morning of the planned day (or at once, when the product is late)
        Instant shipped = at(planned, 5).isAfter(labelled) ? at(planned, 5) : labelled.plus(Duration.ofHours(2));
        String site = services.conduct().subject(person("celllab"), study, id).subject().site();
        at(shipped, "ship " + product, () -> {
            TemperatureLog temperatures = new TemperatureLog(List.of(new TemperatureLog.Reading(shipped.plus(
                    Duration.ofHours(1)), 5)), 2, 8);
            custody(product, new CustodyEvent.Shipped(site, temperatures, shipped, "celllab"));
            // given in the afternoon: a visit due the same day (a period's last) is held first, in the morning
            after(Duration.ofHours(9), "administer " + product, () -> administer(id, product));
        });
    }

    /** At the bedside: the patient and the label scanned, then the volume given; the cells follow from the product. */
    private void administer(String id, String product) throws SQLException {
        SubjectRecord r = services.conduct().subject(person("coordinator"), study, id);
        if (r.subject().state().isExit()) {
            return;
        }
        ProductView view = r.products().stream().filter(p -> p.product().equals(product)).findFirst().orElseThrow();
        String din = view.number().toString();
        Instant now = clock.instant();
        custody(product, new CustodyEvent.BedsideVerified(id, din, now, "coordinator"));
        // the product checked and not yet given: what the bedside has in hand, for whoever looks on
        observer.after(this, "bedside check " + product);
        // the infusion takes as long as the protocol's rate asks (at least 20 minutes)
        long minutes = infusionMinutes();
        clock.set(now.plus(Duration.ofMinutes(minutes + 20)));
        // the cells are not the bedside's to state (NaN): they follow from the product
        DosePlan.Given given = new DosePlan.Given(Double.NaN, doseVolume(), (double) minutes, route);
        custody(product, new CustodyEvent.Administered(given, now.plus(Duration.ofMinutes(10)), now.plus(Duration
                .ofMinutes(10 + minutes)), "coordinator"));
        counts.administered++;
        if (kindOf(id, product) == ProductKind.CELLS) {
            cellPeriods.computeIfAbsent(id, k -> new ArrayList<>()).add(now);
        }
        firstAdministration.putIfAbsent(id, now);
        if (view.period() == 1) {
            services.conduct().move(person("investigator"), study, id, "in_follow_up", null);
            counts.treated++;
            // the later periods' days are known now: their products are booked at once, to be ready on the day
            for (ProductView later : services.conduct().subject(person("celllab"), study, id).products()) {
                if (later.period() > 1) {
                    bookManufacture(id, later.period());
                }
            }
        }
        after(Duration.ofDays(1), "next visit " + id, () -> nextVisit(id));
    }

    private ProductKind kindOf(String id, String product) throws SQLException {
        return services.conduct().subject(person("celllab"), study, id).products().stream().filter(p -> p.product()
                .equals(product)).findFirst().orElseThrow().kind();
    }

    private long infusionMinutes() {
        Double rate = protocol.interventions().stream().filter(i -> i.cellProduct() != null).map(i -> DosePlan.of(
                i.cellProduct())).filter(d -> d != null && d.rateMlPerMinute() != null).map(
                DosePlan::rateMlPerMinute).findFirst().orElse(null);
        return rate == null || !(rate > 0) ? 20 : Math.max(20, (long) Math.ceil(doseVolume() / rate * 1.05));
    }

    private double doseVolume() {
        Double v = protocol.interventions().stream().filter(i -> i.cellProduct() != null && i.cellProduct().dose()
                != null && i.cellProduct().dose().volume() != null).map(i -> i.cellProduct().dose().volume().value())
                .findFirst().orElse(null);
        return v == null ? 10 : v;
    }

    // --- follow-up ---

    private void recordVisitIfDue(String id, String visit) throws SQLException {
        SubjectRecord r = services.conduct().subject(person("coordinator"), study, id);
        if (r.visits().stream().anyMatch(v -> v.name().equals(visit) && v.done() == null)) {
            services.conduct().visit(person("coordinator"), study, id, visit, today(id));
        }
    }

    /** The subject's next visit on the calendar: its forms, a missed one now and then, an administration for a period. */
    private void nextVisit(String id) throws SQLException {
        SubjectRecord r = services.conduct().subject(person("coordinator"), study, id);
        if (r.subject().state().isExit()) {
            return;
        }
        SubjectRecord.VisitRow next = r.visits().stream().filter(v -> v.done() == null && v.target() != null
                && !v.status().equals("missed")).filter(v -> !v.name().equals("Baseline"))
                .min((a, b) -> a.target().compareTo(b.target())).orElse(null);
        if (next == null) {
            services.conduct().move(person("investigator"), study, id, "completed", null);
            counts.completed++;
            return;
        }
        Instant when = next.target().atTime(10, 0).toInstant(ZoneOffset.UTC);
        if (next.name().toLowerCase(Locale.ROOT).contains("administration")) {
            return; // a later period's product, booked at the first administration, is given on its day
        }
        if (booked.add(id + "/" + next.name())) {
            at(when, next.name() + " " + id, () -> visit(id, next.name()));
        }
    }

    private void visit(String id, String visit) throws SQLException {
        if (random.nextDouble() < settings.lostShare() / 4) {
            services.conduct().move(person("investigator"), study, id, "lost_to_follow_up", "no contact after three"
                    + " attempts");
            counts.lost++;
            return;
        }
        if (random.nextDouble() < settings.missedVisitShare()) {
            counts.missedVisits++;
            // the visit passes unrecorded; once its window closes the calendar shows it missed, and the next follows
            SubjectRecord r = services.conduct().subject(person("coordinator"), study, id);
            LocalDate closes = r.visits().stream().filter(v -> v.name().equals(visit)).findFirst().orElseThrow()
                    .closes();
            at(closes.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC), "after " + visit + " " + id,
                    () -> nextVisit(id));
            return;
        }
        services.conduct().visit(person("coordinator"), study, id, visit, today(id));
        double months = ChronoUnit.DAYS.between(firstAdministration.get(id), clock.instant()) / 30.44;
        for (FormDef form : formsAt(visit)) {
            saveForm(id, visit, form, months, cellMonths(id));
        }
        counts.visits++;
        maybeAdverseEvent(id);
        after(Duration.ofDays(1), "next visit " + id, () -> nextVisit(id));
    }

    private double cellMonths(String id) {
        double months = 0;
        for (Instant start : cellPeriods.getOrDefault(id, List.of())) {
            months += ChronoUnit.DAYS.between(start, clock.instant()) / 30.44;
        }
        return months;
    }

    private List<FormDef> formsAt(String visit) throws SQLException {
        return services.capture().formsPlanned(person("coordinator"), study, visit);
    }

    private void saveForm(String id, String visit, FormDef form, double months, double cellMonths)
            throws SQLException {
        Map<String, String> values = outcomes.values(id, form, months, cellMonths, today(id).toString());
        var saved = services.capture().save(person("coordinator"), study, id, visit, form.id(), values, null, 0);
        counts.forms++;
        counts.queries += saved.opened().size();
        if (!saved.opened().isEmpty() && random.nextDouble() < 0.8) {
            for (var q : saved.opened()) {
                // each step made from the query as just opened (one step), then as answered (two)
                services.capture().move(person("coordinator"), study, q.id(), "answer", "confirmed against the"
                        + " source document", 1);
                services.capture().move(person("monitor"), study, q.id(), "close", "source verified", 2);
            }
        }
    }

    /** An event's onset as reported: never before the subject consented (before it, it is medical history). */
    private LocalDate onset(String id, LocalDate drawn) {
        LocalDate consent = consentedOn.get(id);
        return consent != null && drawn.isBefore(consent) ? consent : drawn;
    }

    private void maybeAdverseEvent(String id) throws SQLException {
        int visits = Math.max(1, services.capture().plannedVisits(person("coordinator"), study));
        if (random.nextDouble() >= settings.adverseEventsPerSubject() / visits) {
            return;
        }
        boolean serious = random.nextDouble() < settings.seriousShare();
        String[] terms = {"headache", "fatigue", "injection site pain", "fever", "palpitations", "dizziness",
            "upper respiratory infection", "nausea"};
        // a serious event in a heart trial is a major adverse cardiac event: an arrhythmia or worsening heart failure
        boolean failure = cardiac && random.nextBoolean();
        String seriousTerm = !cardiac ? "relapse requiring hospitalisation" : failure ? "worsening heart failure"
                : "sustained ventricular tachycardia";
        // the draws in this order, whatever the event: the simulation's chances stay those of its seed
        String term = serious ? seriousTerm : terms[random.nextInt(terms.length)];
        Grade grade = Grade.of(serious ? 3 : 1 + random.nextInt(2));
        Causality causality = List.of(Causality.UNLIKELY, Causality.POSSIBLE, Causality.UNLIKELY, Causality.PROBABLE)
                .get(random.nextInt(4));
        boolean expected = !serious || random.nextBoolean();
        LocalDate onset = onset(id, today(id).minusDays(random.nextInt(10)));
        MaceCategory mace = serious && cardiac ? failure ? MaceCategory.HEART_FAILURE_HOSPITALISATION
                : MaceCategory.SUSTAINED_VENTRICULAR_ARRHYTHMIA : null;
        Set<SeriousnessCriterion> criteria = serious ? Set.of(SeriousnessCriterion.HOSPITALISATION) : Set.of();
        services.capture().report(person("coordinator"), study, id, new ReportAdverseEvent(null, null, term, grade,
                criteria, causality, expected, onset, null, Outcome.RECOVERED, mace));
        counts.adverseEvents++;
        if (serious) {
            counts.seriousAdverseEvents++;
        }
    }
}

package org.stroma.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.stroma.fhir.entered.EnteredPatientWriter;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Route;
import org.stroma.server.MovableClock;
import org.stroma.server.Stroma;
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
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.synthesis.PatientSynthesizer;
import org.stroma.trial.eligibility.synthesis.SyntheticPatient;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.randomization.RandomSource;

/**
 * A trial run on made-up patients through Stroma's own services, as its team would run it: the administrator imports,
 * reviews and publishes the record and gives the team their roles; the coordinator screens each patient (an entered
 * record and the investigator's answers), who consents or declines, is enrolled and randomized; the cell lab makes
 * each product (some fail: low viability, a culture beyond its window) and ships it; the coordinator checks it at the
 * bedside and records the administration; visits follow the calendar with their forms (some missed, some subjects
 * lost), adverse events are reported; the last visit completes the subject. Every step goes through the services, the
 * domain's rules and the store, in the order of a clock that jumps from one action to the next.
 */
public final class TrialSimulation {
    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
    private static final String PASSWORD = "simulation-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the simulation says what it is doing, a line at a time. */
    public interface Progress {
        void say(String line);
    }

    private final Database db;
    private final SimulationSettings settings;
    private final Progress progress;
    private final MovableClock clock = new MovableClock(START);
    private final Random random;
    private final Services services;
    private final OutcomeModel outcomes;
    private final PriorityQueue<Action> timeline = new PriorityQueue<>();
    private final Map<String, Principal> people = new HashMap<>();
    private final Map<String, Instant> firstAdministration = new HashMap<>();
    private final Map<String, List<Instant>> cellPeriods = new HashMap<>();
    private final SimulationResult.Counts counts = new SimulationResult.Counts();
    private String study;
    private Protocol protocol;
    private List<String> sites;
    private PatientSynthesizer synthesizer;
    private boolean allogeneic;
    /** A trial of the heart, whose serious events count as major adverse cardiac events. */
    private boolean cardiac;
    private Route route;
    private long sequence;
    private int labels;

    private TrialSimulation(Database db, SimulationSettings settings, Progress progress) {
        this.db = db;
        this.settings = settings;
        this.progress = progress;
        this.random = new Random(settings.seed());
        this.services = Stroma.services(db, clock, RandomSource.seeded(settings.seed()));
        this.outcomes = new OutcomeModel(new Random(settings.seed() + 1));
    }

    /** Runs a trial (a registry record's file) to its end and returns what happened and the study's id. */
    public static SimulationResult run(Database db, String name, byte[] record, SimulationSettings settings,
            Progress progress) throws SQLException {
        TrialSimulation s = new TrialSimulation(db, settings, progress);
        s.setUp(name, record);
        s.recruit();
        s.playOut();
        progress.say("done: " + s.counts.describe());
        s.services.capture().lock(s.person("datamanager"), s.study);
        LockedTrial locked = s.services.capture().lockedData(s.person("statistician"), s.study);
        progress.say("locked: " + locked.subjects().size() + " subjects, " + locked.measurements().size()
                + " measurements, " + locked.adverseEvents().size() + " adverse events");
        return new SimulationResult(s.study, s.counts, s.clock.instant(), locked);
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
            if (++done % 200 == 0) {
                progress.say(today() + "  " + counts.describe());
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
        synthesizer = new PatientSynthesizer(ConceptDictionary.standard(), new CriteriaCompiler(
                ConceptDictionary.standard()).compile(protocol), settings.seed());
        Intervention cells = protocol.interventions().stream().filter(i -> i.cellProduct() != null).findFirst()
                .orElse(null);
        allogeneic = cells != null && cells.cellProduct().source() == ProductSource.ALLOGENEIC;
        route = cells == null || cells.cellProduct().route() == null ? null : cells.cellProduct().route();
        String about = (String.join(" ", protocol.conditions()) + " " + protocol.identification().briefTitle())
                .toLowerCase();
        cardiac = about.matches("(?s).*(heart|cardi|myocard|ischem|ischaem|coronary).*");
        if (allogeneic) {
            services.conduct().addLot(person("celllab"), study, new ProductLot("LOT-001", "DONOR-1",
                    settings.patients() * 3, 5e8, true, today().plusYears(3)));
        }
        progress.say("published; " + sites.size() + " site(s); " + (allogeneic ? "allogeneic" : "autologous")
                + " cells");
    }

    private void grant(String username, Role role) throws SQLException {
        services.studies().grant(person("admin"), study, username, role.name(), null);
        people.remove(username);
    }

    private Principal person(String username) throws SQLException {
        Principal p = people.get(username);
        if (p == null) {
            UserStore users = new UserStore(db);
            p = new Principal(username, users.user(username).orElseThrow().displayName(), username.equals("admin"),
                    users.memberships(username), "simulation");
            people.put(username, p);
        }
        return p;
    }

    // --- screening to randomization ---

    private void recruit() {
        for (int i = 1; i <= settings.patients(); i++) {
            String id = String.format("P%03d", i);
            at(START.plus(Duration.ofDays(7L * (i - 1) + random.nextInt(5))), "screen " + id, () -> screen(id));
        }
    }

    private void screen(String id) throws SQLException {
        boolean meantEligible = random.nextDouble() < settings.eligibleShare();
        SyntheticPatient patient = meantEligible ? synthesizer.eligible(id, today())
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
        services.conduct().move(person("investigator"), study, id, "consented", null);
        services.conduct().move(person("investigator"), study, id, "enrolled", null);
        for (FormDef form : formsAt("Baseline")) {
            saveForm(id, "Baseline", form, 0, 0);
        }
        after(Duration.ofDays(1), "randomize " + id, () -> randomize(id));
    }

    private void randomize(String id) throws SQLException {
        double weight = Math.round((55 + random.nextDouble() * 40) * 10) / 10.0;
        // where the protocol assigns arms instead of randomizing, the investigator chooses one
        List<String> assigned = services.conduct().subject(person("investigator"), study, id).assignedArms();
        Map<String, String> levels = assigned.isEmpty() ? Map.of() : Map.of("arm", assigned.get(random.nextInt(
                assigned.size())));
        services.conduct().randomize(person("investigator"), study, id, weight, levels);
        counts.randomized++;
        // the baseline visit (its forms filled at enrolment) is held now; its window, counted back from the first
        // administration, is checked when that happens
        recordVisitIfDue(id, "Baseline");
        SubjectRecord r = services.conduct().subject(person("celllab"), study, id);
        ProductView first = r.products().stream().filter(p -> p.period() == 1).findFirst().orElseThrow();
        after(Duration.ofDays(2), "collect " + first.product(), () -> manufacture(id, first.product(), first.kind()));
    }

    // --- the product's chain ---

    private void manufacture(String id, String product, String kind) throws SQLException {
        boolean placebo = "PLACEBO".equals(kind);
        List<ObjectNode> steps = new ArrayList<>();
        Instant t = clock.instant();
        if (!allogeneic) {
            steps.add(step("Collected", t).put("donor", id).put("tissue", "bone marrow").put("volumeMl", 80));
            t = t.plus(Duration.ofHours(4));
            steps.add(step("ReceivedAtLab", t));
        } else if (!placebo) {
            steps.add(step("IssuedFromLot", t).put("lot", "LOT-001").put("vials", 1));
            t = t.plus(Duration.ofHours(4));
            steps.add(step("ReceivedAtLab", t));
        }
        if (placebo) {
            t = t.plus(Duration.ofHours(2));
            steps.add(step("PlaceboPrepared", t).put("composition", "vehicle without cells"));
            t = t.plus(Duration.ofHours(6));
            ObjectNode tested = step("Tested", t);
            tested.putObject("results").put("sterility", "NEGATIVE").put("mycoplasma", "NEGATIVE")
                    .put("endotoxinEuPerMl", 0.05).putObject("markers");
            steps.add(tested);
        } else {
            boolean late = random.nextDouble() < settings.lateCultureShare();
            boolean lowViability = random.nextDouble() < settings.lowViabilityShare();
            if (!allogeneic) {
                t = t.plus(Duration.ofHours(2));
                steps.add(step("CultureStarted", t));
                t = t.plus(Duration.ofDays(late ? 22 : 17));
                steps.add(step("Harvested", t).put("cells", 2.5e8));
            }
            t = t.plus(Duration.ofHours(6));
            ObjectNode tested = step("Tested", t);
            ObjectNode results = tested.putObject("results").put("viabilityPercent", lowViability ? 58 : 88 + random
                    .nextInt(8)).put("viableCells", lowViability ? 6e7 : 2.2e8).put("sterility", "NEGATIVE")
                    .put("mycoplasma", "NEGATIVE").put("endotoxinEuPerMl", 0.1);
            results.putObject("markers").put("CD73", 99).put("CD90", 98.5).put("CD105", 97).put("CD45", 0.4)
                    .put("CD34", 0.2).put("CD14", 0.3).put("CD19", 0.1).put("HLA-DR", 0.8);
            steps.add(tested);
        }
        Instant releaseAt = t.plus(Duration.ofHours(16));
        List<ObjectNode> chain = steps;
        for (ObjectNode s : chain) {
            at(Instant.parse(s.get("at").asText()), s.get("type").asText() + " " + product, () -> custody(product, s,
                    "celllab"));
        }
        at(releaseAt, "release " + product, () -> release(id, product, releaseAt));
    }

    private ObjectNode step(String type, Instant at) {
        return JSON.createObjectNode().put("type", type).put("at", at.toString());
    }

    private void custody(String product, ObjectNode step, String who) throws SQLException {
        services.conduct().custody(person(who), study, product, step.deepCopy());
    }

    private void release(String id, String product, Instant at) throws SQLException {
        try {
            services.conduct().custody(person("celllab"), study, product, step("Released", at));
        } catch (RequestException | CustodyException refused) {
            counts.manufacturingFailures++;
            services.conduct().custody(person("celllab"), study, product, step("Rejected", at).put("reason",
                    refused.getMessage()));
            if (isPeriodOne(product)) {
                services.conduct().move(person("investigator"), study, id, "withdrawn", "no product to give: "
                        + refused.getMessage());
            }
            return;
        }
        Instant labelled = at.plus(Duration.ofHours(1));
        at(labelled, "label " + product, () -> label(id, product, labelled));
    }

    private void label(String id, String product, Instant labelled) throws SQLException {
        ObjectNode label = step("Labelled", labelled);
        label.putObject("number").put("facility", "S0001").put("year", LocalDate.ofInstant(labelled, ZoneOffset.UTC)
                .getYear() % 100).put("sequence", ++labels).put("flags", "00");
        services.conduct().custody(person("celllab"), study, product, label);
        Instant shipped = labelled.plus(Duration.ofDays(2));
        String site = services.conduct().subject(person("celllab"), study, id).subject().site();
        at(shipped, "ship " + product, () -> {
            ObjectNode ship = step("Shipped", shipped).put("to", site);
            ObjectNode temperatures = ship.putObject("temperatures").put("minCelsius", 2).put("maxCelsius", 8);
            temperatures.putArray("readings").addObject().put("at", shipped.plus(Duration.ofHours(1)).toString())
                    .put("celsius", 5);
            services.conduct().custody(person("celllab"), study, product, ship);
            after(Duration.ofHours(3), "administer " + product, () -> administer(id, product));
        });
    }

    private boolean isPeriodOne(String product) {
        return product.endsWith("-P1");
    }

    private void administer(String id, String product) throws SQLException {
        SubjectRecord r = services.conduct().subject(person("coordinator"), study, id);
        ProductView view = r.products().stream().filter(p -> p.product().equals(product)).findFirst().orElseThrow();
        String din = view.label().lines().filter(l -> l.contains("DIN ")).findFirst().orElseThrow()
                .replaceAll(".*DIN (\\S+ \\d\\d \\d{6} \\d\\d \\S).*", "$1");
        Instant now = clock.instant();
        services.conduct().custody(person("coordinator"), study, product, step("BedsideVerified", now)
                .put("patientScanned", id).put("labelScanned", din));
        // the infusion takes as long as the protocol's rate asks (at least 20 minutes)
        long minutes = infusionMinutes();
        clock.set(now.plus(Duration.ofMinutes(minutes + 20)));
        ObjectNode given = step("Administered", now.plus(Duration.ofMinutes(10)));
        given.remove("at");
        given.put("start", now.plus(Duration.ofMinutes(10)).toString()).put("stop", now.plus(Duration.ofMinutes(10
                + minutes)).toString());
        ObjectNode dose = given.putObject("given").put("volumeMl", doseVolume()).put("minutes", minutes);
        if (!hasDose()) {
            // without a dose in the protocol the cells given are stated: the product's, as the lab counted them
            dose.put("cells", "CELLS".equals(kindOf(id, product)) ? 1e8 : 0);
        }
        if (route != null) {
            dose.put("route", route.name());
        }
        services.conduct().custody(person("coordinator"), study, product, given);
        counts.administered++;
        boolean cells = "CELLS".equals(kindOf(id, product));
        if (cells) {
            cellPeriods.computeIfAbsent(id, k -> new ArrayList<>()).add(now);
        }
        firstAdministration.putIfAbsent(id, now);
        if (isPeriodOne(product)) {
            services.conduct().move(person("investigator"), study, id, "in_follow_up", null);
            counts.treated++;
        }
        after(Duration.ofDays(1), "next visit " + id, () -> nextVisit(id));
    }

    private String kindOf(String id, String product) throws SQLException {
        return services.conduct().subject(person("celllab"), study, id).products().stream().filter(p -> p.product()
                .equals(product)).findFirst().orElseThrow().kind();
    }

    private boolean hasDose() {
        return protocol.interventions().stream().anyMatch(i -> i.cellProduct() != null && i.cellProduct().dose()
                != null && i.cellProduct().dose().low() != null);
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
            services.conduct().visit(person("coordinator"), study, id, visit, today());
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
        if (next.name().toLowerCase().contains("administration")) {
            // a later period's product: made in time for its administration
            String product = r.products().stream().filter(p -> p.administered() == null && !isPeriodOne(p.product()))
                    .map(ProductView::product).findFirst().orElse(null);
            if (product == null) {
                return; // no later product was ordered: nothing more to give
            }
            String kind = services.conduct().subject(person("celllab"), study, id).products().stream()
                    .filter(p -> p.product().equals(product)).findFirst().orElseThrow().kind();
            at(when.minus(Duration.ofDays(allogeneic ? 3 : 22)), "manufacture " + product, () -> manufacture(id,
                    product, kind));
            return;
        }
        at(when, next.name() + " " + id, () -> visit(id, next.name()));
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
        services.conduct().visit(person("coordinator"), study, id, visit, today());
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
        Map<String, String> values = outcomes.values(id, form, months, cellMonths, today().toString());
        var saved = services.capture().save(person("coordinator"), study, id, visit, form.id(), values, null);
        counts.forms++;
        counts.queries += saved.opened().size();
        if (!saved.opened().isEmpty() && random.nextDouble() < 0.8) {
            for (var q : saved.opened()) {
                services.capture().move(person("coordinator"), study, q.id(), "answer", "confirmed against the"
                        + " source document");
                services.capture().move(person("monitor"), study, q.id(), "close", "source verified");
            }
        }
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
        ObjectNode ae = JSON.createObjectNode().put("term", serious ? seriousTerm : terms[random.nextInt(
                terms.length)]).put("grade", serious ? 3 : 1 + random.nextInt(2)).put("causality", List.of("unlikely",
                "possible", "unlikely", "probable").get(random.nextInt(4))).put("expected", !serious
                || random.nextBoolean()).put("onset", today().minusDays(random.nextInt(10)).toString())
                .put("outcome", "recovered");
        if (serious) {
            ae.putArray("seriousness").add("hospitalisation");
            if (cardiac) {
                ae.put("mace", failure ? "HEART_FAILURE_HOSPITALISATION" : "SUSTAINED_VENTRICULAR_ARRHYTHMIA");
            }
        }
        services.capture().report(person("coordinator"), study, id, ae);
        counts.adverseEvents++;
        if (serious) {
            counts.seriousAdverseEvents++;
        }
    }
}

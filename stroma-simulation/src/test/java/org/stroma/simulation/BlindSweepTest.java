package org.stroma.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroma.report.ReportFolder;
import org.stroma.server.Client;
import org.stroma.server.Stroma;
import org.stroma.server.app.SubjectRecord;
import org.stroma.server.auth.Principal;
import org.stroma.server.http.Endpoint;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.EmbeddedDatabase;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.lock.LockedTrial;

/**
 * The blind, tested the way a blinded person would try to break it. Each masked reference trial is run twice with the
 * same patients, events and chances, and only the allocations drawn differently; cells do no better than placebo and
 * no culture runs late, so that nothing real differs by arm. Whatever a blinded role can observe must then be the same
 * in both runs, once the kit codes (drawn afresh) are set aside:
 * <ul>
 * <li>the subjects and their records (state, products, planned days, visit calendar, deviations) after every single
 * action of the trial, as a site coordinator and a monitor would see them if they looked at that moment — so no
 * time of anything they see differs by arm;</li>
 * <li>at the end, every page and API route for every blinded role (administrator, investigator, coordinator,
 * monitor, data manager, and the statistician before the lock), with every subject, product, form and query filled
 * in, and the errors of refused requests;</li>
 * <li>after the lock, the blinded report in HTML and PDF and the blinded data beside it.</li>
 * </ul>
 * Some subjects must be on another arm in the second run, or the test would prove nothing.
 */
class BlindSweepTest {
    static final Path SEEDS = Path.of("..", "fixtures", "seeds");
    private static final List<String> BLINDED = List.of("admin", "investigator", "coordinator", "monitor",
            "datamanager", "statistician");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static EmbeddedDatabase server;
    private static int runs;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.temporary();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What the blinded saw of one run, the arms the run drew, and the days each subject was randomized and treated. */
    private record Observed(List<String> timeline, Map<String, String> seen, Map<String, String> arms,
            LockedTrial locked, Set<String> probed) {
    }

    /** How many products are tried at the bedside in each run: enough for some to hold another arm in the other. */
    private static final int PROBED = 8;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"000_b4a57771c457638a", "001_1ab109ef512b8771", "002_70a1459048f6b63c",
        "004_58ec9ded4b3b1533"})
    void aBlindedPersonObservesTheSameWhateverTheAllocation(String seed) throws Exception {
        byte[] record = Files.readAllBytes(SEEDS.resolve(seed + ".txt"));
        SimulationSettings settings = SimulationSettings.of(4, 10).withoutArmEffects();
        Observed first = observe(record, settings.withAllocationSeed(1001));
        Observed second = observe(record, settings.withAllocationSeed(2002));

        long switched = first.arms().keySet().stream().filter(s -> !Objects.equals(first.arms().get(s),
                second.arms().get(s))).count();
        assertThat(switched).as("subjects on another arm in the second run").isPositive();
        assertThat(first.probed()).as("products tried at the bedside").isEqualTo(second.probed()).isNotEmpty();
        assertThat(first.probed().stream().filter(s -> !Objects.equals(first.arms().get(s), second.arms().get(s))))
                .as("subjects tried at the bedside on another arm in the second run").isNotEmpty();
        long attempts = first.timeline().stream().filter(t -> t.contains(" at the bedside of ")).count();
        System.out.println("BlindSweepTest " + seed + ": " + switched + " of " + first.arms().size() + " subjects on"
                + " another arm; " + first.timeline().size() + " changes seen during the trial (" + attempts
                + " attempts at the bedside), " + first.seen().size() + " routes, pages, errors and files at its end:"
                + " the same in both runs");

        assertThat(first.timeline()).as("views during the trial").isNotEmpty();
        for (int i = 0; i < Math.min(first.timeline().size(), second.timeline().size()); i++) {
            if (!first.timeline().get(i).equals(second.timeline().get(i))) {
                fail("during the trial, what a blinded person saw differs by arm:\n  " + first.timeline().get(i)
                        + "\n  " + second.timeline().get(i));
            }
        }
        assertThat(second.timeline()).hasSameSizeAs(first.timeline());
        assertThat(second.seen().keySet()).isEqualTo(first.seen().keySet());
        for (String key : first.seen().keySet()) {
            if (!first.seen().get(key).equals(second.seen().get(key))) {
                fail(key + " differs by arm:\n  " + first.seen().get(key) + "\n  " + second.seen().get(key));
            }
        }
        assertThat(first.seen()).containsKey("file blinded/report.pdf").containsKey("file blinded/data/products.csv");

        // no observable time differs by arm: every arm is given its product the same number of days after
        // randomization
        Map<String, Set<Long>> daysToTreatment = new TreeMap<>();
        for (LockedTrial.SubjectRow s : first.locked().subjects()) {
            if (s.group() != null && s.firstAdministration() != null) {
                daysToTreatment.computeIfAbsent(s.group(), k -> new TreeSet<>()).add(ChronoUnit.DAYS.between(
                        s.randomized(), s.firstAdministration()));
            }
        }
        assertThat(daysToTreatment).as("arms treated").hasSizeGreaterThan(1);
        assertThat(daysToTreatment.values().stream().distinct().count()).as("days from randomization to the"
                + " administration, by arm: " + daysToTreatment).isEqualTo(1);
    }

    private Observed observe(byte[] record, SimulationSettings settings) throws Exception {
        try (Database db = Database.fresh(server, "blind_" + (++runs))) {
            List<String> timeline = new ArrayList<>();
            Map<String, String> last = new LinkedHashMap<>();
            Set<String> probed = new TreeSet<>();
            StromaServer[] bedside = new StromaServer[1];
            TrialSimulation sim;
            try {
                sim = TrialSimulation.conduct(db, "trial.txt", record, settings, line -> { }, (s, action) -> {
                    look(s, timeline, last);
                    if (action.startsWith("bedside check ") && probed.size() < PROBED) {
                        if (bedside[0] == null) {
                            bedside[0] = StromaServer.start(s.services(), 0);
                        }
                        String product = action.substring("bedside check ".length());
                        probed.add(product.replaceAll("-P\\d+$", ""));
                        tryAtTheBedside(bedside[0], s, product, timeline);
                    }
                });
            } finally {
                if (bedside[0] != null) {
                    bedside[0].close();
                }
            }
            Map<String, String> seen = new TreeMap<>();
            Clock ended = Clock.fixed(sim.clock().instant(), ZoneOffset.UTC);
            try (StromaServer web = StromaServer.start(Stroma.services(db, ended), 0)) {
                for (String user : BLINDED) {
                    crawl(web, sim.study(), user, seen);
                }
            }
            SimulationResult result = sim.lock();
            Path dir = Files.createTempDirectory("blind");
            ReportFolder.write(result.locked(), dir, "Simulated data.");
            Path blinded = dir.resolve("blinded");
            try (Stream<Path> files = Files.walk(blinded)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    seen.put("file blinded/" + blinded.relativize(f), f.toString().endsWith(".pdf")
                            ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                            : new String(bytes, StandardCharsets.UTF_8));
                }
            }
            Map<String, String> kits = kitCodes(sim);
            Map<String, String> arms = new TreeMap<>();
            result.locked().subjects().forEach(s -> arms.put(s.subject(), s.group()));
            return new Observed(timeline.stream().map(t -> setAside(t, kits)).toList(), seen.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> setAside(e.getValue(), kits), (a, b) -> a,
                            TreeMap::new)), arms, result.locked(), probed);
        }
    }

    /** After an action: the subjects as a site coordinator and a monitor see them, kept when anything changed. */
    private static void look(TrialSimulation sim, List<String> timeline, Map<String, String> last)
            throws SQLException {
        for (String user : List.of("coordinator", "monitor")) {
            Principal p = sim.person(user);
            StringBuilder now = new StringBuilder();
            for (SubjectView v : sim.services().conduct().subjects(p, sim.study())) {
                SubjectRecord r = sim.services().conduct().subject(p, sim.study(), v.subject());
                now.append(write(r)).append('\n');
            }
            if (!now.toString().equals(last.get(user))) {
                last.put(user, now.toString());
                timeline.add(sim.clock().instant() + " " + user + ":\n" + now);
            }
        }
    }

    /**
     * With a product checked at the bedside and not yet given, the bedside's blinded staff try what they might: the
     * cells given (one, none, as text), a time before the check, a stop before the start, a character no one types,
     * the check again with another label, a step of the lab. Each is refused, and what the refusal says joins the
     * timeline, to be compared with the other run's, where the subject may hold the other arm.
     */
    private static void tryAtTheBedside(StromaServer web, TrialSimulation sim, String product, List<String> timeline)
            throws SQLException {
        Instant now = sim.clock().instant();
        String given = "\"given\":{\"volumeMl\":1,\"minutes\":10";
        String times = "\"start\":\"" + now.plusSeconds(60) + "\",\"stop\":\"" + now.plusSeconds(660) + "\"";
        List<String> attempts = List.of(
                "\"type\":\"Administered\"," + times + "," + given + ",\"cells\":1}",
                "\"type\":\"Administered\"," + times + "," + given + ",\"cells\":0}",
                "\"type\":\"Administered\"," + times + "," + given + ",\"cells\":\"6e7\"}",
                "\"type\":\"Administered\",\"start\":\"" + now.minusSeconds(86_400) + "\",\"stop\":\""
                        + now.minusSeconds(85_800) + "\"," + given + "}",
                "\"type\":\"Administered\",\"start\":\"" + now.plusSeconds(660) + "\",\"stop\":\""
                        + now.plusSeconds(60) + "\"," + given + "}",
                "\"type\":\"Administered\"," + times + "," + given + ",\"route\":\"a\\u0000b\"}",
                "\"type\":\"BedsideVerified\",\"patientScanned\":\"nobody\",\"labelScanned\":\"S0001 26 999999"
                        + " 00 X\"",
                "\"type\":\"PlaceboPrepared\",\"composition\":\"albumin\"",
                "\"type\":\"Harvested\",\"cells\":2e8");
        String subject = sim.services().conduct().subjects(sim.person("monitor"), sim.study()).stream()
                .map(SubjectView::subject).filter(id -> product.startsWith(id + "-")).findFirst().orElseThrow();
        for (String user : List.of("coordinator", "investigator")) {
            try {
                Client c = new Client(web.port()).signIn(user, TrialSimulation.PASSWORD);
                String base = "/api/studies/" + sim.study();
                String version = null;
                for (JsonNode p : c.get(base + "/subjects/" + subject).json().path("products")) {
                    if (p.get("product").asText().equals(product)) {
                        version = p.get("version").asText();
                    }
                }
                for (String attempt : attempts) {
                    Client.Reply r = c.post(base + "/products/" + product + "/steps", "{\"version\":\"" + version
                            + "\"," + attempt + "}");
                    assertThat(r.status()).as(user + " " + attempt + ": " + r.body()).isBetween(400, 499);
                    timeline.add(now + " " + user + " at the bedside of " + product + ": " + attempt + " → "
                            + text(r));
                }
            } catch (SQLException | RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every GET route and page for one blinded person, with every subject, product, form and query in it. */
    private static void crawl(StromaServer web, String study, String user, Map<String, String> seen)
            throws Exception {
        Client c = new Client(web.port()).signIn(user, TrialSimulation.PASSWORD);
        List<String> subjects = new ArrayList<>();
        JsonNode list = c.get("/api/studies/" + study + "/subjects").json();
        list.forEach(s -> subjects.add(s.get("subject").asText()));
        List<String> queries = new ArrayList<>();
        c.get("/api/studies/" + study + "/queries").json().forEach(q -> queries.add(q.get("id").asText()));
        List<Endpoint> routes = new ArrayList<>(web.api());
        routes.addAll(web.pages());
        for (Endpoint e : routes) {
            if (!e.method().equals("GET") || e.path().equals("/signin") || e.path().contains("step-template")) {
                continue;
            }
            String path = e.path().replace("{study}", study).replace("{version}", "1");
            for (String filled : fill(c, study, path, subjects, queries)) {
                Client.Reply r = c.get(filled);
                seen.put(user + " GET " + filled, text(r));
            }
        }
        // the errors of what a blinded person may try: an unblinding without its reason, a second randomization,
        // a product given twice, the ledger
        for (String subject : subjects) {
            String base = "/api/studies/" + study + "/subjects/" + subject;
            seen.put(user + " POST " + base + "/unblinding", text(c.post(base + "/unblinding", "{}")));
            seen.put(user + " POST " + base + "/randomization", text(c.post(base + "/randomization",
                    "{\"baselineWeightKg\":70}")));
            for (JsonNode product : c.get(base).json().path("products")) {
                // as the bedside would try it: from the product as this person sees it, so that the refusal is the
                // chain's own (in words every product shares), not a missing version
                String steps = "/api/studies/" + study + "/products/" + product.get("product").asText() + "/steps";
                seen.put(user + " POST " + steps, text(c.post(steps, "{\"version\":\"" + product.get("version")
                        .asText() + "\",\"type\":\"Administered\",\"given\":{\"volumeMl\":1},\"start\":"
                        + "\"2025-01-01T10:00:00Z\",\"stop\":\"2025-01-01T10:20:00Z\"}")));
            }
        }
    }

    /** A route's path for each subject, product, visit and form, and query it names. */
    private static List<String> fill(Client c, String study, String path, List<String> subjects, List<String> queries)
            throws Exception {
        if (path.contains("{query}")) {
            return queries.stream().map(q -> path.replace("{query}", q)).toList();
        }
        if (!path.contains("{subject}") && !path.contains("{product}")) {
            return path.contains("{") ? List.of() : List.of(path);
        }
        List<String> paths = new ArrayList<>();
        for (String subject : subjects) {
            String forSubject = path.replace("{subject}", subject);
            if (forSubject.contains("{product}")) {
                for (JsonNode p : c.get("/api/studies/" + study + "/subjects/" + subject).json().path("products")) {
                    paths.add(forSubject.replace("{product}", p.get("product").asText()));
                }
            } else if (forSubject.contains("{visit}")) {
                for (JsonNode f : c.get("/api/studies/" + study + "/subjects/" + subject + "/forms").json()) {
                    if (f.get("versions").asInt() > 0) {
                        paths.add(forSubject.replace("{visit}", f.get("visit").asText().replace(" ", "%20"))
                                .replace("{form}", f.get("form").asText()));
                    }
                }
            } else {
                paths.add(forSubject);
            }
        }
        return paths;
    }

    /** A reply without the session's CSRF token and id, which differ from one sign-in to the next. */
    private static String text(Client.Reply r) {
        return r.status() + " " + r.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
                .replaceAll("\"X-CSRF-Token\": \"[^\"]*\"", "\"X-CSRF-Token\"")
                .replaceAll("\"id\":\"[0-9a-f]{16}\"", "\"id\":\"(session)\"")
                .replaceAll("/account/sessions/[0-9a-f]{16}/", "/account/sessions/(session)/");
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each subject's kit code, drawn afresh in every run: set aside as "KIT-" and the subject's id. */
    private static Map<String, String> kitCodes(TrialSimulation sim) throws SQLException {
        Map<String, String> kits = new LinkedHashMap<>();
        for (SubjectView v : sim.services().conduct().subjects(sim.person("monitor"), sim.study())) {
            if (v.kitCode() != null) {
                kits.put(v.kitCode(), "KIT-" + v.subject());
            }
        }
        return kits;
    }

    private static String setAside(String text, Map<String, String> kits) {
        String s = text;
        for (Map.Entry<String, String> k : kits.entrySet()) {
            s = s.replace(k.getKey(), k.getValue());
        }
        return s;
    }
}

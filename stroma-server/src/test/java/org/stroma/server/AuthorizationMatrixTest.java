package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.auth.Passwords;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.demo.DemoUser;
import org.stroma.server.http.Endpoint;
import org.stroma.store.user.Membership;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;

/**
 * Who reaches what: every route of the server (the API's and the pages', from the server's own lists, so that a route
 * added later is in the matrix at once) × every demo role, a person of another study only and nobody signed in × a
 * masked trial (MESAMI2) and an open one × what the route names — a subject, product, query, emergency unblinding —
 * at the person's site, at another site, and made up. Each answer falls in the class the table below expects for the
 * route: open to all, any signed-in person, the study's members, or the roles of its actions. On top:
 * <ul>
 * <li>a study the person has no role in answers exactly as a study that does not exist;</li>
 * <li>whatever the person may not see of another site answers byte for byte as a made-up id does;</li>
 * <li>no answer to a blinded role in the masked trial holds an arm or what tells one.</li>
 * </ul>
 * Requests carry no fields (an empty JSON object, an empty form): who may ask is settled before what they asked, so the
 * class of an answer does not depend on the body.
 */
class AuthorizationMatrixTest {
    static final String PASSWORD = "matrix-test-password";
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    static final String MASKED = DemoServer.STUDY;
    /** A trial with no masking, at one site in the registry; a second site is added for the test. */
    static final String OPEN = "NCT04325594";
    /** Someone with a role in another reference study only. */
    static final String OUTSIDER = "outsider";
    /** Nobody signed in. */
    static final String ANONYMOUS = "(nobody)";
    /** Roles the masking of MESAMI2 blinds (the statistician until the lock). */
    static final Set<Role> BLINDED = EnumSet.of(Role.ADMINISTRATOR, Role.INVESTIGATOR, Role.COORDINATOR, Role.MONITOR,
            Role.DATA_MANAGER, Role.STATISTICIAN);

    /** Who a route admits. */
    enum Admits { ANYONE, SIGNED_IN, MEMBERS, ROLES }

    private record Expected(Admits admits, Set<Role> roles) {
        static Expected of(Admits admits) {
            return new Expected(admits, Set.of());
        }

        static Expected roles(Role... roles) {
            return new Expected(Admits.ROLES, Set.of(roles));
        }
    }

    /**
     * The rule each route is held to, written from what each role does in a trial (not read from the server). A route
     * without a rule here fails the test: a new route states who may reach it.
     */
    private static final Map<String, Expected> RULES = new LinkedHashMap<>();

    static {
        Expected members = Expected.of(Admits.MEMBERS);
        Expected signedIn = Expected.of(Admits.SIGNED_IN);
        Expected site = Expected.roles(Role.INVESTIGATOR, Role.COORDINATOR);
        Expected admin = Expected.roles(Role.ADMINISTRATOR);
        Expected steps = Expected.roles(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST, Role.INVESTIGATOR, Role.COORDINATOR,
                Role.CARE_PROVIDER);
        Expected answerOrReview = Expected.roles(Role.INVESTIGATOR, Role.COORDINATOR, Role.MONITOR, Role.DATA_MANAGER);
        Expected review = Expected.roles(Role.MONITOR, Role.DATA_MANAGER);
        Expected unblind = Expected.roles(Role.INVESTIGATOR, Role.CARE_PROVIDER);
        Expected approve = Expected.roles(Role.INVESTIGATOR, Role.CARE_PROVIDER, Role.DSMB);
        String s = "/api/studies/{study}";
        String subject = s + "/subjects/{subject}";
        String form = subject + "/forms/{visit}/{form}";
        rule("POST /api/session", Expected.of(Admits.ANYONE));
        rule("GET /api/openapi.json", Expected.of(Admits.ANYONE));
        rule("POST /api/session/end", signedIn);
        rule("GET /api/me", signedIn);
        rule("GET /api/studies", signedIn);
        rule("GET /api/sessions", signedIn);
        rule("POST /api/sessions/{session}/end", signedIn);
        rule("POST /api/password", signedIn);
        rule("POST /api/studies/import", signedIn);
        rule("GET " + s, members);
        rule("GET " + s + "/versions", members);
        rule("GET " + s + "/versions/{version}", members);
        rule("POST " + s + "/versions/{version}/review", Expected.roles(Role.ADMINISTRATOR, Role.DATA_MANAGER));
        rule("POST " + s + "/versions/{version}/publish", admin);
        rule("GET " + s + "/sites", members);
        rule("POST " + s + "/sites", admin);
        rule("POST " + s + "/sites/time-zone", admin);
        rule("GET " + s + "/team", admin);
        rule("POST " + s + "/team", admin);
        rule("POST " + s + "/team/revoke", admin);
        rule("GET " + s + "/eligibility/questions", members);
        rule("GET " + s + "/subjects", members);
        rule("POST " + s + "/subjects", site);
        rule("GET " + subject, members);
        rule("POST " + subject + "/eligibility", Expected.roles(Role.INVESTIGATOR));
        rule("POST " + subject + "/consent", site);
        rule("POST " + s + "/consent-form", admin);
        rule("POST " + subject + "/state", site);
        rule("POST " + subject + "/randomization", site);
        rule("POST " + subject + "/visits", site);
        rule("POST " + subject + "/unblinding", unblind);
        rule("GET " + s + "/unblindings", members);
        rule("POST " + s + "/unblindings/{unblinding}/approval", approve);
        rule("POST " + s + "/unblinding-rule", admin);
        rule("POST " + s + "/products/{product}/steps", steps);
        rule("POST " + s + "/lots", Expected.roles(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST));
        rule("GET " + s + "/products/{product}/ledger", Expected.roles(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST,
                Role.DSMB));
        rule("GET " + subject + "/forms", members);
        rule("GET " + form, members);
        rule("POST " + form, site);
        rule("POST " + form + "/signature", Expected.roles(Role.INVESTIGATOR));
        rule("POST " + form + "/queries", review);
        rule("GET " + s + "/queries", members);
        rule("POST " + s + "/queries/{query}", answerOrReview);
        rule("GET " + s + "/analysis-plan", members);
        rule("POST " + s + "/analysis-plan", Expected.roles(Role.STATISTICIAN));
        rule("POST " + s + "/analysis-plan/signature", Expected.roles(Role.STATISTICIAN));
        rule("POST " + s + "/lock", Expected.roles(Role.DATA_MANAGER));
        rule("GET " + s + "/locked-data", Expected.roles(Role.STATISTICIAN, Role.DSMB));
        rule("GET " + s + "/exports/{format}", Expected.roles(Role.DATA_MANAGER, Role.STATISTICIAN, Role.DSMB));
        rule("GET " + s + "/adverse-events", members);
        rule("POST " + subject + "/adverse-events", site);
        Expected locks = Expected.roles(Role.MONITOR, Role.DATA_MANAGER);
        Expected unlocks = Expected.roles(Role.DATA_MANAGER);
        rule("GET " + s + "/casebook", members);
        Expected lab = Expected.roles(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST);
        rule("GET " + s + "/manufacturing", members);
        rule("POST " + s + "/manufacturing/capacity", lab);
        rule("POST " + s + "/manufacturing/bookings", lab);
        rule("POST " + s + "/manufacturing/replacements", lab);
        rule("GET " + s + "/visits-due", members);
        rule("POST " + s + "/query-closures", review);
        rule("POST " + form + "/verification", Expected.roles(Role.MONITOR));
        rule("POST " + form + "/lock", locks);
        rule("POST " + form + "/unlock", unlocks);
        rule("POST " + subject + "/lock", locks);
        rule("POST " + subject + "/unlock", unlocks);
        rule("POST " + s + "/sites/lock", locks);
        String p = "/studies/{study}";
        String page = p + "/subjects/{subject}";
        String pageForm = page + "/forms/{visit}/{form}";
        rule("GET /signin", Expected.of(Admits.ANYONE));
        rule("POST /signin", Expected.of(Admits.ANYONE));
        rule("POST /signout", signedIn);
        rule("GET /account", signedIn);
        rule("POST /account/sessions/{session}/end", signedIn);
        rule("POST /account/password", signedIn);
        rule("GET /", signedIn);
        rule("POST /import", signedIn);
        rule("GET " + p, members);
        rule("GET " + p + "/versions/{version}", members);
        rule("POST " + p + "/versions/{version}/review", Expected.roles(Role.ADMINISTRATOR, Role.DATA_MANAGER));
        rule("POST " + p + "/versions/{version}/publish", admin);
        rule("POST " + p + "/sites/time-zone", admin);
        rule("POST " + p + "/team", admin);
        rule("POST " + p + "/team/revoke", admin);
        rule("GET " + p + "/screen", members);
        rule("POST " + p + "/screen", site);
        rule("GET " + page, members);
        rule("GET " + pageForm, members);
        rule("POST " + pageForm, site);
        rule("POST " + pageForm + "/signature", Expected.roles(Role.INVESTIGATOR));
        rule("POST " + pageForm + "/queries", review);
        rule("POST " + p + "/queries/{query}", answerOrReview);
        rule("POST " + page + "/adverse-events", site);
        rule("GET " + p + "/adverse-events", members);
        rule("GET " + p + "/analysis-plan", members);
        rule("POST " + p + "/analysis-plan", Expected.roles(Role.STATISTICIAN));
        rule("POST " + p + "/analysis-plan/signature", Expected.roles(Role.STATISTICIAN));
        rule("POST " + page + "/eligibility", Expected.roles(Role.INVESTIGATOR));
        rule("POST " + page + "/screening", site);
        rule("POST " + page + "/consent", site);
        rule("POST " + p + "/consent-form", admin);
        rule("POST " + page + "/move", site);
        rule("POST " + page + "/randomize", site);
        rule("POST " + page + "/visits", site);
        rule("POST " + page + "/unblind", unblind);
        rule("POST " + p + "/unblindings/{unblinding}/approval", approve);
        rule("POST " + p + "/unblinding-rule", admin);
        rule("POST " + p + "/products/{product}/steps", steps);
        rule("GET " + p + "/step-template", steps);
        rule("GET " + p + "/products/{product}", members);
        rule("GET " + p + "/products/{product}/label", members);
        rule("POST " + p + "/products/{product}/shipment", Expected.roles(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST));
        rule("GET " + p + "/casebook", members);
        rule("GET " + p + "/agenda", members);
        rule("GET " + p + "/manufacturing", members);
        rule("POST " + p + "/manufacturing/capacity", lab);
        rule("POST " + p + "/manufacturing/bookings", lab);
        rule("POST " + p + "/manufacturing/replacements", lab);
        rule("GET " + p + "/queries", members);
        rule("POST " + p + "/query-closures", review);
        rule("POST " + p + "/sites/lock", locks);
        rule("POST " + pageForm + "/verification", Expected.roles(Role.MONITOR));
        rule("POST " + pageForm + "/lock", locks);
        rule("POST " + pageForm + "/unlock", unlocks);
        rule("POST " + page + "/lock", locks);
        rule("POST " + page + "/unlock", unlocks);
    }

    private static void rule(String route, Expected expected) {
        RULES.put(route, expected);
    }

    private static DemoServer demo;
    /** Per trial, what each kind of thing is called at the first site, at the second, and made up. */
    private static final Map<String, Things> THINGS = new LinkedHashMap<>();

    /** A trial's things: subjects, and the products, queries and unblindings that exist of them. */
    private record Things(String site0, String site1, Set<String> products, Map<String, String> queries,
            Map<String, String> unblindings, String visit, String form) {
    }

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        UserStore users = new UserStore(demo.db());
        users.create("setup", OUTSIDER, "Someone of another study", Passwords.hash(PASSWORD), false);
        users.grant("setup", OUTSIDER, new Membership("NCT04776239", Role.INVESTIGATOR, null), null, CLOCK.instant());
        Client admin = client("admin");
        // the open trial gets a second site, where the second site's investigator works
        ok(admin.post("/api/studies/" + OPEN + "/sites", "{\"names\":[\"Second site\"]}"));
        int team = admin.get("/api/studies/" + OPEN + "/team").json().get("version").asInt();
        ok(admin.post("/api/studies/" + OPEN + "/team", "{\"username\":\"investigator2\",\"role\":\"investigator\","
                + "\"site\":\"Second site\",\"version\":" + team + "}"));
        // emergency unblindings wait for a second person, so that nobody learns an arm here
        for (String study : List.of(MASKED, OPEN)) {
            ok(admin.post("/api/studies/" + study + "/unblinding-rule", "{\"secondPerson\":true,\"current\":false}"));
        }
        THINGS.put(MASKED, underWay(MASKED, "M"));
        THINGS.put(OPEN, underWay(OPEN, "O"));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static Client client(String user) throws Exception {
        return demo.client(user);
    }

    /**
     * A subject at each site (the first site's by its coordinator, the second's by investigator2), each taken as far
     * as the trial lets them go — consented, enrolled, randomized — with a form saved and queried, an adverse event and
     * an emergency unblinding asked for where the trial allows.
     */
    private static Things underWay(String study, String prefix) throws Exception {
        List<String> sites = List.of(siteOf("coordinator", study), siteOf("investigator2", study));
        Set<String> products = new java.util.HashSet<>();
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, String> unblindings = new LinkedHashMap<>();
        String visit = null;
        String form = "vitals";
        String[] ids = {prefix + "1", prefix + "2"};
        for (int i = 0; i < 2; i++) {
            String id = ids[i];
            Client staff = client(i == 0 ? "coordinator" : "investigator2");
            Client investigator = client(i == 0 ? "investigator" : "investigator2");
            String base = "/api/studies/" + study + "/subjects/" + id;
            ok(staff.post("/api/studies/" + study + "/subjects", screening(staff, study, id, sites.get(i))
                    .toString()));
            staff.post(base + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\"" + CLOCK.instant() + "\"}");
            staff.post(base + "/state", "{\"to\":\"enrolled\"}");
            staff.post(base + "/randomization", "{\"baselineWeightKg\":70}");
            JsonNode record = client("celllab").get(base).json();
            record.path("products").forEach(x -> products.add(x.get("product").asText()));
            for (JsonNode f : staff.get(base + "/forms").json()) {
                if (visit == null && f.get("form").asText().equals("vitals")) {
                    visit = f.get("visit").asText();
                    form = "vitals";
                }
            }
            String path = base + "/forms/" + visit.replace(" ", "%20") + "/" + form;
            Client.Reply saved = staff.post(path, "{\"version\":0,\"values\":{\"systolic_bp\":\"128\","
                    + "\"diastolic_bp\":\"78\",\"heart_rate\":\"70\",\"weight\":\"71\"}}");
            if (saved.status() == 200) {
                Client.Reply q = client("monitor").post(path + "/queries", "{\"item\":\"weight\",\"text\":"
                        + "\"please check\"}");
                queries.put(id, ok(q).get("id").asText());
            }
            Client.Reply u = investigator.post(base + "/unblinding", "{\"reason\":\"anaphylaxis\",\"password\":\""
                    + PASSWORD + "\"}");
            if (u.status() == 201) {
                unblindings.put(id, u.json().at("/unblinding/id").asText());
            }
        }
        return new Things(ids[0], ids[1], products, queries, unblindings, visit, form);
    }

    /** The site a site-bound demo account works at in a study. */
    private static String siteOf(String user, String study) throws Exception {
        for (JsonNode m : client(user).get("/api/me").json().get("memberships")) {
            if (m.get("study").asText().equals(study)) {
                return m.get("site").asText();
            }
        }
        throw new AssertionError(user + " has no role in " + study);
    }

    /** A screening's body: the demo's cardiac candidate, every question the investigator answers left open. */
    private static ObjectNode screening(Client c, String study, String id, String site) throws Exception {
        ObjectNode body = Client.JSON.createObjectNode().put("subject", id).put("site", site);
        try (InputStream in = DemoServer.class.getResourceAsStream("/demo/patients/cardiac-candidate.json")) {
            body.set("record", Client.JSON.readTree(in));
        }
        ObjectNode answers = body.putObject("answers");
        for (JsonNode q : c.get("/api/studies/" + study + "/eligibility/questions").json()) {
            answers.put(q.get("id").asText(), q.get("id").asText().startsWith("I"));
        }
        return body;
    }

    /** Who asks: a demo account, the outsider, or nobody; with their roles in the trials and the sites they see. */
    private record Person(String name, Role role, Integer site) {
        boolean blinded() {
            return role != null && BLINDED.contains(role);
        }
    }

    /** What a route is asked about: one thing at the person's site, at another, or made up. */
    enum Target { FIRST_SITE, SECOND_SITE, MADE_UP, NONE }

    @Test
    void everyRouteAnswersEachRoleAsItsRuleSaysAndNothingUnseenIsToldApartFromNothing() throws Exception {
        List<Endpoint> routes = new ArrayList<>(demo.server().api());
        routes.addAll(demo.server().pages());
        List<String> unruled = routes.stream().map(e -> e.method() + " " + e.path()).filter(k -> !RULES.containsKey(k))
                .toList();
        assertThat(unruled).as("routes without a rule in this test").isEmpty();

        List<Person> people = new ArrayList<>();
        for (DemoUser u : DemoSetup.USERS) {
            people.add(new Person(u.username(), u.role(), u.site()));
        }
        people.add(new Person(OUTSIDER, null, null));
        people.add(new Person(ANONYMOUS, null, null));

        List<String> wrong = new ArrayList<>();
        int asked = 0;
        int armsSeenByUnblinded = 0;
        int othersCompared = 0;
        for (Person person : people) {
            Client c = person.name().equals(ANONYMOUS) ? new Client(demo.server().port()) : client(person.name());
            for (String study : List.of(MASKED, OPEN)) {
                Things things = THINGS.get(study);
                for (Endpoint e : routes) {
                    Expected rule = RULES.get(e.method() + " " + e.path());
                    boolean names = e.path().matches(".*\\{(subject|product|query|unblinding)}.*");
                    if (!e.path().contains("{study}") && study.equals(OPEN)) {
                        continue; // asked once, not per trial
                    }
                    Map<Target, Client.Reply> replies = new LinkedHashMap<>();
                    Map<Target, String> paths = new LinkedHashMap<>();
                    for (Target t : names ? List.of(Target.FIRST_SITE, Target.SECOND_SITE, Target.MADE_UP)
                            : List.of(Target.NONE)) {
                        String path = fill(e.path(), study, things, t);
                        Client asking = endsSession(e) && !person.name().equals(ANONYMOUS) ? client(person.name())
                                : c;
                        replies.put(t, send(asking, e, path));
                        paths.put(t, path);
                        asked++;
                    }
                    for (Map.Entry<Target, Client.Reply> r : replies.entrySet()) {
                        String what = person.name() + " " + e.method() + " " + paths.get(r.getKey()) + " → "
                                + r.getValue().status() + " " + shown(r.getValue().body());
                        String problem = problem(rule, person, study, e, r.getKey(), things, r.getValue());
                        if (problem != null) {
                            wrong.add(problem + ": " + what);
                        }
                        if (study.equals(MASKED) && person.blinded() && tellsArm(r.getValue().body())) {
                            wrong.add("an arm shown to a blinded role: " + what);
                        }
                        if (study.equals(MASKED) && !person.blinded() && tellsArm(r.getValue().body())) {
                            armsSeenByUnblinded++;
                        }
                    }
                    // another site's thing is answered byte for byte as a made-up one, to whoever does not see it
                    for (Target other : List.of(Target.FIRST_SITE, Target.SECOND_SITE)) {
                        if (!names || seesSite(person, other) || person.role() == null) {
                            continue;
                        }
                        othersCompared++;
                        String theirs = withoutIds(replies.get(other), paths.get(other), e.path());
                        String none = withoutIds(replies.get(Target.MADE_UP), paths.get(Target.MADE_UP), e.path());
                        if (!theirs.equals(none)) {
                            wrong.add("another site's thing told apart from a made-up one: " + person.name() + " "
                                    + e.method() + " " + e.path() + "\n    " + shown(theirs) + "\n    " + shown(none));
                        }
                    }
                    // a study the person has no role in is answered as one that does not exist
                    if (e.path().contains("{study}") && person.name().equals(OUTSIDER)) {
                        String path = paths.values().iterator().next();
                        Client.Reply none = send(c, e, path.replace(study, "NCT99999999"));
                        asked++;
                        Client.Reply theirs = replies.values().iterator().next();
                        if (theirs.status() != none.status() || !DemoServerPages.withoutToken(theirs.body())
                                .replace(study, "NCT99999999").equals(DemoServerPages.withoutToken(none.body()))) {
                            wrong.add("a study told apart from one that does not exist: " + e.method() + " " + path);
                        }
                    }
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + routes.size() + " routes × " + people.size() + " people × 2"
                + " trials (masked, open) × own site, another site, made up: " + asked + " requests, " + othersCompared
                + " of another site's things compared with made-up ones");
        assertThat(othersCompared).as("another site's things compared with made-up ones").isGreaterThan(100);
        assertThat(armsSeenByUnblinded).as("answers showing an arm to those who may know it (the check can fail)")
                .isPositive();
        assertThat(wrong).isEmpty();
    }

    /** What is wrong with an answer under a route's rule, or null. */
    private static String problem(Expected rule, Person person, String study, Endpoint e, Target target,
            Things things, Client.Reply r) {
        boolean api = e.path().startsWith("/api/");
        int status = r.status();
        if (status >= 500) {
            return "an internal error";
        }
        if (rule.admits() == Admits.ANYONE) {
            return null;
        }
        if (person.name().equals(ANONYMOUS)) {
            boolean refused = api ? status == 401 : status == 302;
            return refused ? null : "not refused to nobody signed in";
        }
        if (status == 401) {
            return "refused to a signed-in person";
        }
        if (rule.admits() == Admits.SIGNED_IN) {
            return null;
        }
        Set<Role> roles = rolesIn(person, study);
        if (roles.isEmpty()) {
            return status == 404 ? null : "not answered as a study that does not exist";
        }
        if (rule.admits() == Admits.ROLES && roles.stream().noneMatch(rule.roles()::contains)) {
            return status == 403 ? null : "not refused to the " + roles;
        }
        if (status == 403) {
            return "refused to the " + roles;
        }
        if (target != Target.NONE && target != Target.MADE_UP && !seesSite(person, target)) {
            return null; // compared with a made-up one
        }
        if (target != Target.MADE_UP && exists(e.path(), study, things, target) && status == 404) {
            return "not found by someone who sees it";
        }
        return null;
    }

    /** The roles a person holds in a trial: the demo roles in every reference trial, but for a site it lacks. */
    private static Set<Role> rolesIn(Person person, String study) {
        if (person.role() == null) {
            return Set.of();
        }
        return Set.of(person.role());
    }

    /** Whether a person sees the subjects of the site a target is at. */
    private static boolean seesSite(Person person, Target target) {
        return person.site() == null || person.site() == (target == Target.FIRST_SITE ? 0 : 1);
    }

    private static boolean exists(String route, String study, Things things, Target t) {
        String subject = t == Target.FIRST_SITE ? things.site0() : things.site1();
        if (route.contains("{product}")) {
            return things.products().contains(subject + "-P1");
        }
        if (route.contains("{query}")) {
            return things.queries().containsKey(subject);
        }
        if (route.contains("{unblinding}")) {
            return things.unblindings().containsKey(subject);
        }
        return true;
    }

    /** A route's path with what it names filled in. */
    private static String fill(String route, String study, Things things, Target t) {
        String subject = switch (t) {
            case FIRST_SITE -> things.site0();
            case SECOND_SITE -> things.site1();
            default -> "X9";
        };
        String query = things.queries().getOrDefault(subject, "Q999");
        String unblinding = things.unblindings().getOrDefault(subject, "U999");
        return route.replace("{study}", study).replace("{version}", "1").replace("{subject}", subject)
                .replace("{product}", subject + "-P1").replace("{visit}", things.visit().replace(" ", "%20"))
                .replace("{form}", things.form()).replace("{query}", t == Target.MADE_UP ? "Q999" : query)
                .replace("{unblinding}", t == Target.MADE_UP ? "U999" : unblinding).replace("{session}", "none")
                .replace("{format}", "odm")
                + (route.endsWith("step-template") ? "?type=Administered" : "");
    }

    /** Routes whose request ends the session they are sent in: sent in a session of their own. */
    private static boolean endsSession(Endpoint e) {
        return e.path().equals("/api/session/end") || e.path().equals("/signout");
    }

    private static Client.Reply send(Client c, Endpoint e, String path) throws Exception {
        if (e.method().equals("GET")) {
            return c.get(path);
        }
        return path.startsWith("/api/") ? c.post(path, "{}") : c.postForm(path, "");
    }

    /**
     * An answer without what names the thing asked about (its id as the path gave it) and without the session's
     * token: what is left must be the same for another site's thing and a made-up one.
     */
    private static String withoutIds(Client.Reply r, String path, String route) {
        String body = DemoServerPages.withoutToken(r.body());
        String[] parts = path.split("\\?")[0].split("/");
        String[] names = route.split("/");
        for (int i = 0; i < names.length; i++) {
            if (names[i].matches("\\{(subject|product|query|unblinding)}")) {
                body = body.replace(parts[i], "{" + names[i] + "}");
            }
        }
        return r.status() + " " + body;
    }

    /** Whether an answer tells an arm: a subject's group, a product's kind, or a step only cells or placebo have. */
    static boolean tellsArm(String body) {
        return body.matches("(?s).*\"group\":\"[A-Z]+\".*") || body.contains("\"kind\":\"CELLS\"")
                || body.contains("\"kind\":\"PLACEBO\"") || body.contains("id=\"arm\"")
                || body.contains("placebo prepared") || body.contains("culture started") || body.contains("harvested");
    }

    private static String shown(String body) {
        String s = body.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The session's token, which a page carries and which differs from one sign-in to the next, set aside. */
    private static final class DemoServerPages {
        static String withoutToken(String page) {
            return ServerWalkTest.withoutToken(page);
        }
    }
}

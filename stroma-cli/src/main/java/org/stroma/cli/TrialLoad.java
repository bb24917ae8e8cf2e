package org.stroma.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A trial team at work on MESAMI2 over the API, as the load a crash interrupts: site staff saving a form over and
 * over (each on a subject of their own) and others taking new subjects from screening to randomization. Every write
 * the server acknowledged (2xx) is written down, to be looked for after the crash.
 */
final class TrialLoad {
    static final String STUDY = "NCT02462330";
    private static final String BASE = "/api/studies/" + STUDY;

    /** A write the server acknowledged: what, of which subject, and what must be found after a restart. */
    record Ack(String what, String subject, int version, String value) {
    }

    private final HttpSession coordinator;
    private final String site;
    private final JsonNode record;
    private final JsonNode answers;
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private volatile Latencies latencies = new Latencies();
    /** The version of each subject's form its saver last saw. */
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    TrialLoad(HttpSession coordinator) throws IOException {
        this.coordinator = coordinator;
        this.site = coordinator.get(BASE + "/sites").json().get(0).get("site").asText();
        try (InputStream in = TrialLoad.class.getResourceAsStream("/demo/patients/cardiac-candidate.json")) {
            this.record = HttpSession.JSON.readTree(in);
        }
        ObjectNode a = HttpSession.JSON.createObjectNode();
        for (JsonNode q : coordinator.get(BASE + "/eligibility/questions").json()) {
            a.put(q.get("id").asText(), q.get("id").asText().startsWith("I"));
        }
        this.answers = a;
    }

    /** From now on, the requests' times go to a new record, which is returned. */
    Latencies timeFromNow() {
        latencies = new Latencies();
        return latencies;
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Takes a new subject from screening to randomization; false as soon as a step gets no acknowledgement. */
    boolean randomizeNew(String id) {
        ObjectNode screening = HttpSession.JSON.createObjectNode().put("subject", id).put("site", site);
        screening.set("record", record);
        screening.set("answers", answers);
        if (!acknowledged("screened", id, 0, "", BASE + "/subjects", screening.toString())) {
            return false;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (!acknowledged("consented", id, 0, "", subject(id) + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\""
                + now + "\"}")) {
            return false;
        }
        if (!acknowledged("enrolled", id, 0, "", subject(id) + "/state", "{\"to\":\"enrolled\"}")) {
            return false;
        }
        long start = System.nanoTime();
        HttpSession.Reply r = coordinator.post(subject(id) + "/randomization", "{\"baselineWeightKg\":72}");
        latencies.add(start, r.ok());
        if (!r.ok()) {
            return false;
        }
        acks.add(new Ack("randomized", id, 0, r.json().get("kitCode").asText()));
        return true;
    }

    /**
     * Saves a subject's vital signs again and again until told to stop or the server stops answering; each save
     * carries the version it was made from, and a heart rate its new version's number gives (so that no two versions
     * in a row are alike), and what the server says it kept is written down.
     */
    void saveFormsUntil(String id, AtomicBoolean stop) {
        // as a person's browser would, it goes on from the version it last saw, even across a crash: a save whose
        // answer was lost in the crash may have been kept, and the next one is then refused as stale
        int version = known.computeIfAbsent(id, this::currentVersion);
        while (!stop.get()) {
            String body = "{\"version\":" + version + ",\"values\":{\"systolic_bp\":\"128\",\"diastolic_bp\":\"78\","
                    + "\"heart_rate\":\"" + heartRate(version + 1) + "\",\"weight\":\"71.5\"}" + (version == 0 ? ""
                    : ",\"reason\":\"measured again\"") + "}";
            long start = System.nanoTime();
            HttpSession.Reply r = coordinator.post(form(id), body);
            latencies.add(start, r.ok());
            if (r.ok()) {
                JsonNode versions = r.json().at("/form/versions");
                version = versions.size();
                acks.add(new Ack("form saved", id, version, versions.get(version - 1).at("/values/heart_rate")
                        .asText()));
            } else if (r.status() == 409) {
                version = currentVersion(id);
            } else if (r.status() == 0) {
                break;
            }
        }
        known.put(id, version);
    }

    private static String heartRate(int version) {
        return Integer.toString(50 + version % 90);
    }

    /** Keeps randomizing new subjects until told to stop or the server stops answering. */
    void randomizeUntil(String prefix, AtomicBoolean stop) {
        int n = 0;
        while (!stop.get() && randomizeNew(prefix + "-" + ++n)) {
            // one subject after another
        }
    }

    /** The acknowledged writes the restarted server no longer has, each said in words. */
    List<String> lost(HttpSession reader) {
        List<String> lost = new ArrayList<>();
        Map<String, JsonNode> subjects = new HashMap<>();
        Map<String, JsonNode> forms = new HashMap<>();
        for (Ack a : acks()) {
            if (a.what().equals("form saved")) {
                JsonNode versions = forms.computeIfAbsent(a.subject(), s -> reader.get(form(s)).json()).get("versions");
                JsonNode kept = versions == null ? null : versions.get(a.version() - 1);
                if (kept == null || !kept.at("/values/heart_rate").asText().equals(a.value())) {
                    lost.add("version " + a.version() + " of " + a.subject() + "'s vital signs (heart rate "
                            + a.value() + ")");
                }
                continue;
            }
            JsonNode s = subjects.computeIfAbsent(a.subject(), k -> {
                HttpSession.Reply r = reader.get(subject(k));
                return r.ok() ? r.json().get("subject") : MissingNode.getInstance();
            });
            if (s.isMissingNode()) {
                lost.add(a.subject() + " " + a.what() + " (the subject is gone)");
                continue;
            }
            String path = s.get("path").toString();
            boolean kept = switch (a.what()) {
                case "screened" -> true;
                case "consented" -> path.contains("CONSENTED");
                case "enrolled" -> path.contains("ENROLLED");
                case "randomized" -> path.contains("RANDOMIZED") && a.value().equals(s.path("kitCode").asText());
                default -> throw new IllegalStateException(a.what());
            };
            if (!kept) {
                lost.add(a.subject() + " " + a.what() + " (it stands at " + path + ")");
            }
        }
        return lost;
    }

    private boolean acknowledged(String what, String id, int version, String value, String path, String body) {
        long start = System.nanoTime();
        HttpSession.Reply r = coordinator.post(path, body);
        latencies.add(start, r.ok());
        if (r.ok()) {
            acks.add(new Ack(what, id, version, value));
        }
        return r.ok();
    }

    private int currentVersion(String id) {
        HttpSession.Reply r = coordinator.get(form(id));
        return r.ok() && r.json().has("versions") ? r.json().get("versions").size() : 0;
    }

    private static String subject(String id) {
        return BASE + "/subjects/" + id;
    }

    private static String form(String id) {
        return subject(id) + "/forms/Baseline/vitals";
    }
}

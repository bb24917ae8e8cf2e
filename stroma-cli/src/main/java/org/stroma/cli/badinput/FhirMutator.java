package org.stroma.cli.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Damaged FHIR patient files, made from good bundles in the three shapes a screening reads: the bundle itself, its
 * resources one per line as NDJSON, and one resource alone. A mutant of an NDJSON file damages one line's JSON (or the
 * file's bytes); mutant {@code i} of seed {@code s} is always the same bytes.
 */
public final class FhirMutator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> originals = new LinkedHashMap<>();
    private final List<String> names;
    private final long seed;

    /** @param bundles good FHIR R4 bundles by file name (.json) */
    public FhirMutator(Map<String, byte[]> bundles, long seed) {
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("no FHIR bundles to mutate");
        }
        bundles.forEach((name, content) -> {
            String stem = name.replaceFirst("\\.json$", "");
            originals.put(stem + ".json", content);
            try {
                JsonNode bundle = JSON.readTree(content);
                StringBuilder ndjson = new StringBuilder();
                for (JsonNode entry : bundle.path("entry")) {
                    ndjson.append(JSON.writeValueAsString(entry.path("resource"))).append('\n');
                }
                originals.put(stem + ".ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8));
                originals.put(stem + "-patient.json",
                        JSON.writeValueAsBytes(bundle.path("entry").path(0).path("resource")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.names = List.copyOf(originals.keySet());
        this.seed = seed;
    }

    public int originals() {
        return names.size();
    }

    public Mutant mutant(int index) {
        Random random = new Random(seed * 0x2545F4914F6CDD1DL + index);
        MutationClass kind = MutationClass.values()[index % MutationClass.values().length];
        String origin = names.get(random.nextInt(names.size()));
        byte[] original = originals.get(origin);
        ByteMutations.Result r = ByteMutations.ofKind(kind, original, random);
        if (r == null) {
            int turn = index / MutationClass.values().length;
            r = origin.endsWith(".ndjson") ? oneLine(original, kind, random, turn)
                    : JsonMutations.mutate(original, kind, random, turn);
        }
        return new Mutant(index, kind, origin, r.change(), origin, r.content());
    }

    /** One line of an NDJSON file damaged as JSON, the others left as they were. */
    private static ByteMutations.Result oneLine(byte[] ndjson, MutationClass kind, Random random, int turn) {
        List<String> lines = new ArrayList<>(List.of(new String(ndjson, StandardCharsets.UTF_8).split("\n")));
        int at = random.nextInt(lines.size());
        ByteMutations.Result line = JsonMutations.mutate(lines.get(at).getBytes(StandardCharsets.UTF_8), kind, random,
                turn);
        lines.set(at, new String(line.content(), StandardCharsets.UTF_8));
        return new ByteMutations.Result((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                "line " + (at + 1) + ": " + line.change());
    }
}

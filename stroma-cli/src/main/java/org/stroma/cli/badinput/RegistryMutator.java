package org.stroma.cli.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.registry.RegistryImporter;

/**
 * Damaged registry records, made from real ones (API v2 and classic JSON, legacy XML, pages saved as text). Mutant
 * {@code i} of seed {@code s} is always the same bytes: its classes take turns, and everything else is drawn from a
 * generator seeded by {@code s} and {@code i} alone, so one mutant can be made again without the ones before it.
 */
public final class RegistryMutator {
    private final Map<String, byte[]> originals;
    private final List<String> names;
    private final long seed;

    /** @param originals good records by name; a name ending in .json is JSON, .xml XML, anything else a page */
    public RegistryMutator(Map<String, byte[]> originals, long seed) {
        if (originals.isEmpty()) {
            throw new IllegalArgumentException("no registry records to mutate");
        }
        this.originals = Map.copyOf(originals);
        this.names = originals.keySet().stream().sorted().toList();
        this.seed = seed;
    }

    /** The records under the folders (.json, .xml, and pages as .txt), by folder and file name; the first of a name wins. */
    public static Map<String, byte[]> recordsUnder(List<Path> folders) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".json") || n.endsWith(".xml") || n.endsWith(".txt")) {
                        records.putIfAbsent(p.getParent().getFileName() + "/" + n, Files.readAllBytes(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /**
     * The records with, for each page (.txt), the protocol it imports to as Stroma's own protocol JSON: a format
     * {@code import} and {@code screen} read as well, and the one where a study team writes rules by hand.
     */
    public static Map<String, byte[]> withProtocolJson(Map<String, byte[]> records) {
        Map<String, byte[]> all = new LinkedHashMap<>(records);
        RegistryImporter importer = new RegistryImporter();
        records.forEach((name, content) -> {
            if (name.endsWith(".txt")) {
                Protocol protocol = importer.read(content).get(0).protocol();
                String stem = name.substring(name.indexOf('/') + 1).replaceFirst("\\.txt$", "");
                all.put("protocol-json/" + stem + ".json", ProtocolJson.toTree(protocol).toString()
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        return all;
    }

    public int originals() {
        return names.size();
    }

    public Mutant mutant(int index) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
        MutationClass kind = MutationClass.values()[index % MutationClass.values().length];
        String origin = names.get(random.nextInt(names.size()));
        byte[] original = originals.get(origin);
        ByteMutations.Result r = ByteMutations.ofKind(kind, original, random);
        if (r == null) {
            r = origin.endsWith(".json") ? JsonMutations.mutate(original, kind, random,
                    index / MutationClass.values().length)
                    : origin.endsWith(".xml") ? XmlMutations.mutate(original, kind, random)
                    : PageMutations.mutate(original, kind, random);
        }
        return new Mutant(index, kind, origin, r.change(), origin.substring(origin.indexOf('/') + 1), r.content());
    }
}

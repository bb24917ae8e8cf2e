package org.stroma.cli.chia;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A directory in Chia's layout: for each trial {@code NCTxxxxxxxx_inc.txt}, {@code _exc.txt} and their {@code .ann}
 * files. A trial missing one of its four files is read with that part empty, since Chia leaves out a file when a trial
 * has no criteria of that kind.
 */
public final class ChiaCorpus {
    private static final String INCLUSION = "_inc";
    private static final String EXCLUSION = "_exc";

    private ChiaCorpus() {
    }

    /** The ids of the trials in the directory, in order. */
    public static List<String> trialIds(Path directory) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt") || n.endsWith(".ann"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> n.endsWith(INCLUSION) || n.endsWith(EXCLUSION))
                    .forEach(n -> ids.add(n.substring(0, n.length() - 4)));
        }
        return List.copyOf(ids);
    }

    /**
     * {@code size} trials drawn without replacement by a generator seeded with {@code seed}, in order of their ids; all
     * of them when {@code size} is at least their number. The same directory, size and seed draw the same trials.
     */
    public static List<String> sample(List<String> ids, int size, long seed) {
        if (size >= ids.size()) {
            return ids;
        }
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> drawn = new ArrayList<>(shuffled.subList(0, size));
        Collections.sort(drawn);
        return drawn;
    }

    public static ChiaTrial read(Path directory, String id) {
        return new ChiaTrial(id, document(directory, id + INCLUSION), document(directory, id + EXCLUSION));
    }

    private static BratDocument document(Path directory, String name) {
        String text = readIfPresent(directory.resolve(name + ".txt"));
        String annotations = readIfPresent(directory.resolve(name + ".ann"));
        try {
            return BratReader.read(text, annotations);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ".ann: " + e.getMessage(), e);
        }
    }

    private static String readIfPresent(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

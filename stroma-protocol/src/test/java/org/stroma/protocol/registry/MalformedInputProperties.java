package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.stroma.protocol.Fixtures;

/**
 * Truncated, mutated and empty records never escape as an unhandled exception: each either imports (a page cut short
 * after its identifier still says something) or gives the clear one-line {@link RecordFormatException}.
 *
 * <p>The cases are drawn from a fixed seed, so a failure is the same on every run; a failing case is shrunk to a
 * shorter cut or fewer edits and named by record, so it can be replayed by hand.
 */
class MalformedInputProperties {
    private static final long SEED = 0x57420A11L;
    /** The seeds and copied records by name, in a fixed order, so that a drawn index always means the same record. */
    private static final Map<String, byte[]> ORIGINALS = originals();
    private static final List<String> NAMES = List.copyOf(ORIGINALS.keySet());
    private static final byte[] NOISE = "{}[]\":,<>/|\\\n \t0123456789-.eE+*•#&;aA\u00e9".getBytes(StandardCharsets.UTF_8);

    private static Map<String, byte[]> originals() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        Fixtures.SEEDS.forEach(s -> all.put(s, Fixtures.seed(s)));
        for (Path p : Fixtures.copiedRecords()) {
            try {
                String name = p.getParent().getFileName() + "/" + p.getFileName();
                if (all.put(name, Files.readAllBytes(p)) != null) {
                    throw new IllegalStateException("two fixtures are named " + name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** A record cut after its first {@code length} bytes. */
    record Cut(String record, int length) {
        byte[] content() {
            return Arrays.copyOf(ORIGINALS.get(record), length);
        }
    }

    enum Kind { DELETE, INSERT, REPLACE }

    /** One byte deleted, inserted or replaced; the position is clamped to the record as earlier edits left it. */
    record Edit(Kind kind, int at, byte noise) {
        @Override
        public String toString() {
            return kind == Kind.DELETE ? "delete at " + at : kind.name().toLowerCase() + " 0x"
                    + Integer.toHexString(noise & 0xff) + " at " + at;
        }
    }

    /** A record with its edits applied in order. */
    record Mutation(String record, List<Edit> edits) {
        byte[] content() {
            return apply(ORIGINALS.get(record), edits);
        }
    }

    @Test
    void truncatedRecordsImportOrFailClearly() {
        // a draw that repeats an earlier case is skipped, so a few more draws than the 1000 cases wanted
        qt().withFixedSeed(SEED).withExamples(1010).forAll(cuts())
                .checkAssert(cut -> assertImportsOrFailsClearly(cut.content()));
    }

    @Test
    void mutatedRecordsImportOrFailClearly() {
        // a draw that repeats an earlier case is skipped, so a few more draws than the 1000 cases wanted
        qt().withFixedSeed(SEED).withExamples(1010).forAll(mutations())
                .checkAssert(mutation -> assertImportsOrFailsClearly(mutation.content()));
    }

    @Test
    void emptyAndBlankInputsFailClearly() {
        // a draw that repeats an earlier case is skipped, so a few more draws than the 100 cases wanted
        qt().withFixedSeed(SEED).withExamples(110).forAll(blanks()).checkAssert(blank -> {
            RecordFormatException e = failure(blank.getBytes(StandardCharsets.UTF_8));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).isEqualTo("the file is empty");
        });
    }

    private static Gen<Cut> cuts() {
        return integers().between(0, NAMES.size() - 1).flatMap(i -> {
            String name = NAMES.get(i);
            return integers().between(0, ORIGINALS.get(name).length - 1).map(n -> new Cut(name, n));
        });
    }

    private static Gen<Mutation> mutations() {
        return integers().between(0, NAMES.size() - 1).flatMap(i -> {
            String name = NAMES.get(i);
            Gen<Edit> edit = Generate.enumValues(Kind.class).zip(
                    integers().between(0, ORIGINALS.get(name).length - 1),
                    integers().between(0, NOISE.length - 1), (kind, at, noise) -> new Edit(kind, at, NOISE[noise]));
            return lists().of(edit).ofSizeBetween(1, 12).map(edits -> new Mutation(name, edits));
        });
    }

    /** Up to 20 characters of white space, shown as code points since the text itself would be invisible. */
    private static Gen<String> blanks() {
        Gen<Character> space = Generate.pick(List.of(' ', '\t', '\r', '\n', '\u00a0', '\ufeff'));
        return lists().of(space).ofSizeBetween(0, 20)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()))
                .describedAs(s -> s.chars().mapToObj(c -> String.format("U+%04X", c))
                        .collect(Collectors.joining(" ", "\"", "\"")));
    }

    private static byte[] apply(byte[] original, List<Edit> edits) {
        List<Byte> bytes = new ArrayList<>(original.length + edits.size());
        for (byte b : original) {
            bytes.add(b);
        }
        for (Edit e : edits) {
            int at = Math.min(e.at(), Math.max(0, bytes.size() - 1));
            switch (e.kind()) {
                case DELETE -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                case INSERT -> bytes.add(at, e.noise());
                case REPLACE -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, e.noise());
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static void assertImportsOrFailsClearly(byte[] content) {
        RecordFormatException e = failure(content);
        if (e != null) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
            assertThat(e.problem()).isNotBlank();
        }
    }

    /** The clear failure, or null when the content imports; any other exception fails the property. */
    private static RecordFormatException failure(byte[] content) {
        try {
            List<ImportedRecord> records = new RegistryImporter().read(content);
            assertThat(records).isNotEmpty().allSatisfy(r -> {
                assertThat(r.protocol()).isNotNull();
                assertThat(r.report()).isNotNull();
            });
            return null;
        } catch (RecordFormatException e) {
            return e;
        }
    }
}

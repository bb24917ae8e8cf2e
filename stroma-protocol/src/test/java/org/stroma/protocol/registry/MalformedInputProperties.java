package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.stroma.protocol.Fixtures;

/**
 * Truncated, mutated and empty records never escape as an unhandled exception: each either imports (a page cut short
 * after its identifier still says something) or gives the clear one-line {@link RecordFormatException}.
 */
class MalformedInputProperties {
    private static final List<byte[]> ORIGINALS = originals();
    private static final byte[] NOISE = "{}[]\":,<>/|\\\n \t0123456789-.eE+*•#&;aA\u00e9".getBytes(StandardCharsets.UTF_8);

    private static List<byte[]> originals() {
        List<byte[]> list = new ArrayList<>();
        Fixtures.SEEDS.forEach(s -> list.add(Fixtures.seed(s)));
        for (Path p : Fixtures.copiedRecords()) {
            try {
                list.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }

    @Property(tries = 1000)
    void truncatedRecordsImportOrFailClearly(@ForAll("truncated") byte[] content) {
        assertImportsOrFailsClearly(content);
    }

    @Property(tries = 1000)
    void mutatedRecordsImportOrFailClearly(@ForAll("mutated") byte[] content) {
        assertImportsOrFailsClearly(content);
    }

    @Property(tries = 100)
    void emptyAndBlankInputsFailClearly(@ForAll("blank") byte[] content) {
        assertThat(failure(content)).isNotNull().satisfies(e ->
                assertThat(e.getMessage()).isEqualTo("the file is empty"));
    }

    @Provide
    Arbitrary<byte[]> truncated() {
        return Arbitraries.integers().between(0, ORIGINALS.size() - 1).flatMap(i -> {
            byte[] original = ORIGINALS.get(i);
            return Arbitraries.integers().between(0, original.length - 1).map(n -> Arrays.copyOf(original, n));
        });
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Arbitraries.integers().between(0, ORIGINALS.size() - 1).flatMap(i -> {
            byte[] original = ORIGINALS.get(i);
            Arbitrary<Tuple.Tuple3<Integer, Integer, Integer>> edit = Combinators.combine(
                    Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, original.length - 1),
                    Arbitraries.integers().between(0, NOISE.length - 1)).as(Tuple::of);
            return edit.list().ofMinSize(1).ofMaxSize(12).map(edits -> apply(original, edits));
        });
    }

    @Provide
    Arbitrary<byte[]> blank() {
        return Arbitraries.strings().withChars(" \t\r\n\u00a0\ufeff").ofMaxLength(20)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes, inserts or replaces a byte at each edit's position. */
    private static byte[] apply(byte[] original, List<Tuple.Tuple3<Integer, Integer, Integer>> edits) {
        List<Byte> bytes = new ArrayList<>(original.length + edits.size());
        for (byte b : original) {
            bytes.add(b);
        }
        for (Tuple.Tuple3<Integer, Integer, Integer> e : edits) {
            int at = Math.min(e.get2(), Math.max(0, bytes.size() - 1));
            byte noise = NOISE[e.get3()];
            switch (e.get1()) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                case 1 -> bytes.add(at, noise);
                default -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, noise);
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

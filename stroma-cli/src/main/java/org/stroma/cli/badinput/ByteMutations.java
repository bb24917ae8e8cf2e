package org.stroma.cli.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Damage that does not care about the format: a cut, a stray byte, a few edits, lines out of order. */
final class ByteMutations {
    /** Bytes that are never valid UTF-8 where they land: lone continuation bytes, a lead byte cut short, 0xFF. */
    private static final byte[][] NOT_UTF8 = {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
    private static final byte[] NOISE = "{}[]\":,<>/|\\\n \t0123456789-.eE+*•#&;aAn".getBytes(StandardCharsets.UTF_8);

    private ByteMutations() {
    }

    record Result(byte[] content, String change) {
    }

    /**
     * The damage a file takes the same way whatever its format (its bytes, its lines), or null for a kind whose
     * damage follows the format's structure.
     */
    static Result ofKind(MutationClass kind, byte[] original, Random random) {
        return switch (kind) {
            case TRUNCATED -> truncated(original, random);
            case INVALID_UTF8 -> invalidUtf8(original, random);
            case BYTE_NOISE -> noise(original, random);
            case SHUFFLED_LINES -> shuffledLines(original, random);
            default -> null;
        };
    }

    static Result truncated(byte[] original, Random random) {
        int at = original.length == 0 ? 0 : random.nextInt(original.length);
        return new Result(Arrays.copyOf(original, at), "cut after byte " + at);
    }

    static Result invalidUtf8(byte[] original, Random random) {
        byte[] bad = NOT_UTF8[random.nextInt(NOT_UTF8.length)];
        int at = original.length == 0 ? 0 : random.nextInt(original.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + bad.length);
        out.write(original, 0, at);
        out.write(bad, 0, bad.length);
        out.write(original, at, original.length - at);
        return new Result(out.toByteArray(), "byte 0x" + Integer.toHexString(bad[0] & 0xff) + "… at " + at);
    }

    static Result noise(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length + 16);
        for (byte b : original) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            byte b = NOISE[random.nextInt(NOISE.length)];
            switch (random.nextInt(3)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.add(at, b);
                default -> bytes.set(at, b);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return new Result(out, edits + " byte edits");
    }

    /** Lines shuffled (all, or a window of them), one line repeated, or one dropped. */
    static Result shuffledLines(byte[] original, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        String change;
        switch (random.nextInt(4)) {
            case 0 -> {
                Collections.shuffle(lines, random);
                change = "every line shuffled";
            }
            case 1 -> {
                int from = random.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 2 + random.nextInt(10));
                Collections.shuffle(lines.subList(from, to), random);
                change = "lines " + (from + 1) + "-" + to + " shuffled";
            }
            case 2 -> {
                int at = random.nextInt(lines.size());
                lines.add(at, lines.get(at));
                change = "line " + (at + 1) + " repeated";
            }
            default -> {
                int at = random.nextInt(lines.size());
                lines.remove(at);
                change = "line " + (at + 1) + " dropped";
            }
        }
        return new Result(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), change);
    }
}

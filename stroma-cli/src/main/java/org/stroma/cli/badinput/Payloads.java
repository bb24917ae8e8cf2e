package org.stroma.cli.badinput;

import java.util.Random;

/** The hostile pieces the mutators put into an input: huge texts, floods of brackets, deeply nested lists. */
final class Payloads {
    private static final int[] HUGE_LENGTHS = {150_000, 1_000_000, 5_000_000};

    private Payloads() {
    }

    /** A text of a million characters or more (or just over a reader's plausible limit), of words or of one letter. */
    static String huge(Random random) {
        int length = HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)];
        String unit = random.nextBoolean() ? "a" : "cells 10^6/kg (LVEF < 40%), ";
        StringBuilder s = new StringBuilder(length + unit.length());
        while (s.length() < length) {
            s.append(unit);
        }
        s.setLength(length);
        return s.toString();
    }

    /** The text with tens of thousands of brackets: nested, unbalanced or alternating, at its start or inside it. */
    static String brackets(Random random, String text) {
        int count = 20_000 + random.nextInt(80_001);
        StringBuilder b = new StringBuilder(count * 2);
        switch (random.nextInt(4)) {
            case 0 -> b.append("(".repeat(count)).append("x").append(")".repeat(count));
            case 1 -> b.append("(".repeat(count));
            case 2 -> b.append("[(".repeat(count / 2)).append("x 10^6 cells");
            default -> b.append("(a) ".repeat(count / 4));
        }
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return text.substring(0, at) + b + text.substring(at);
    }

    /** Criteria written as a list whose every item is nested one level deeper than the one before. */
    static String deepList(Random random) {
        int depth = 200 + random.nextInt(4801);
        String bullet = random.nextBoolean() ? "* " : "- ";
        StringBuilder s = new StringBuilder("Inclusion Criteria:\n\n");
        for (int i = 0; i < depth; i++) {
            s.append("  ".repeat(Math.min(i, 2_000))).append(bullet).append("age ").append(18 + i % 60)
                    .append(" years or more\n");
        }
        s.append("\nExclusion Criteria:\n\n* pregnancy\n");
        return s.toString();
    }

    /** JSON text nested thousands of levels deep, as lists or as objects. */
    static String deepJson(Random random) {
        int depth = 1_000 + random.nextInt(99_001);
        return random.nextBoolean() ? "[".repeat(depth) + "1" + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** XML elements nested thousands of levels deep. */
    static String deepXml(Random random) {
        int depth = 1_000 + random.nextInt(99_001);
        return "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
    }
}

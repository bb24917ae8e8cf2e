package org.stroma.search;

import java.util.Locale;

/**
 * The one spelling a keyword field is indexed and searched under: lower case, every run of what is not a letter or
 * digit one underscore. A value given as one of the registry's labels is first turned into its name, so "Crossover
 * Assignment" meets CROSSOVER at "crossover", "Not yet recruiting" NOT_YET_RECRUITING at "not_yet_recruiting", and
 * "Phase 2", "PHASE2" and "2" meet at "phase2"; words of a label name it too ("open label": NONE).
 */
final class Keywords {
    private Keywords() {
    }

    static String of(String value) {
        return value.toLowerCase(Locale.ROOT).trim().replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
    }

    /** A value the user typed, read against the registry's labels of {@code vocabulary} (each enum has label()). */
    @SafeVarargs
    static String of(String value, Class<? extends Enum<?>>... vocabulary) {
        String typed = of(value);
        for (Class<? extends Enum<?>> type : vocabulary) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (typed.equals(of(label(constant))) || typed.equals(of(constant.name()))) {
                    return of(constant.name());
                }
            }
        }
        // part of a label: "open label" is "None (Open Label)"
        for (Class<? extends Enum<?>> type : vocabulary) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!typed.isEmpty() && ("_" + of(label(constant)) + "_").contains("_" + typed + "_")) {
                    return of(constant.name());
                }
            }
        }
        // "phase 2", "2"
        return typed.matches("(phase_)?\\d") ? "phase" + typed.charAt(typed.length() - 1) : typed;
    }

    private static String label(Enum<?> constant) {
        try {
            return String.valueOf(constant.getClass().getMethod("label").invoke(constant));
        } catch (ReflectiveOperationException e) {
            return constant.name();
        }
    }
}

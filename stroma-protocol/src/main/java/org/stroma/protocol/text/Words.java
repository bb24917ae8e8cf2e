package org.stroma.protocol.text;

import java.util.Locale;

/** How a constant reads in a sentence: RELEASE_FAILED is "release failed", in any language the machine runs in. */
public final class Words {
    private Words() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

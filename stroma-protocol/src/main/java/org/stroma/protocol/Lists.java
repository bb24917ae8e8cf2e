package org.stroma.protocol;

import java.util.List;

/** Immutable copies of list components, so that a record never shares a caller's mutable list. */
final class Lists {
    private Lists() {
    }

    /** An unmodifiable copy; an absent list reads as empty, never null. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

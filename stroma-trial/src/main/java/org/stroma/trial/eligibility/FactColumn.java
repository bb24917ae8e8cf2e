package org.stroma.trial.eligibility;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of fact of one concept for a whole population, patient after patient: the facts of patient {@code p} are
 * those from {@code start(p)} to {@code end(p)}. Screening a population reads a concept's column from top to bottom,
 * and a patient without the fact costs two array reads.
 */
final class FactColumn<T> {
    private final int[] starts;
    private final List<T> facts;

    private FactColumn(int[] starts, List<T> facts) {
        this.starts = starts;
        this.facts = facts;
    }

    static <T> FactColumn<T> empty(int size) {
        return new FactColumn<>(new int[size + 1], List.of());
    }

    int start(int patient) {
        return starts[patient];
    }

    int end(int patient) {
        return starts[patient + 1];
    }

    boolean isEmpty(int patient) {
        return starts[patient] == starts[patient + 1];
    }

    T get(int index) {
        return facts.get(index);
    }

    /** A column filled patient by patient, in order; patients with nothing to add are passed over. */
    static final class Builder<T> {
        private final int[] starts;
        private final List<T> facts = new ArrayList<>();

        Builder(int size) {
            starts = new int[size + 1];
        }

        /** Adds a patient's facts; patients must come in increasing order. */
        void add(int patient, List<? extends T> patientFacts) {
            facts.addAll(patientFacts);
            starts[patient + 1] = facts.size();
        }

        /** The position the next fact takes. */
        int size() {
            return facts.size();
        }

        FactColumn<T> build() {
            // a patient passed over starts where the one before ended
            for (int p = 1; p < starts.length; p++) {
                starts[p] = Math.max(starts[p], starts[p - 1]);
            }
            return new FactColumn<>(starts, facts);
        }
    }
}

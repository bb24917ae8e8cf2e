package org.stroma.cli.badinput;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs damaged inputs through a reader one by one and classifies each outcome. The reader's typed errors are the
 * refusals it is allowed; everything else it throws — an unchecked exception, a stack overflow — is a failure, kept
 * with the mutant that caused it.
 */
public final class BadInputRun {
    /** Longest message counted as readable: it names a place and a problem, never echoes a huge value. */
    public static final int LONGEST_CLEAR_MESSAGE = 500;

    /** A reader of one input, given its file name and bytes. */
    @FunctionalInterface
    public interface Reader {
        void read(String fileName, byte[] content);
    }

    /** One input's outcome, the message it was refused or failed with, and how long reading it took. */
    public record Trial(Mutant mutant, Outcome outcome, String message, long nanos) {
    }

    private final Reader reader;
    private final List<Class<? extends RuntimeException>> refusals;

    @SafeVarargs
    public BadInputRun(Reader reader, Class<? extends RuntimeException>... refusals) {
        this.reader = reader;
        this.refusals = List.of(refusals);
    }

    public Trial run(Mutant mutant) {
        long start = System.nanoTime();
        Outcome outcome;
        String message = null;
        try {
            reader.read(mutant.fileName(), mutant.content());
            outcome = Outcome.ACCEPTED;
        } catch (StackOverflowError e) {
            outcome = Outcome.STACK_OVERFLOW;
            message = e.toString();
        } catch (OutOfMemoryError e) {
            outcome = Outcome.OUT_OF_MEMORY;
            message = e.toString();
        } catch (RuntimeException e) {
            message = e.getMessage();
            if (refusals.stream().anyMatch(r -> r.isInstance(e))) {
                outcome = clear(message) ? Outcome.REFUSED : Outcome.UNCLEAR_REFUSAL;
            } else {
                outcome = Outcome.INTERNAL_ERROR;
                StackTraceElement[] where = e.getStackTrace();
                message = e + (where.length == 0 ? "" : " at " + where[0]);
            }
        }
        return new Trial(mutant, outcome, message, System.nanoTime() - start);
    }

    /** Runs mutants 0 to count-1, made one at a time so that only one is held in memory. */
    public Figures runAll(IntFunction<Mutant> mutants, int count, Consumer<Trial> each) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Figures figures = new Figures();
        for (int i = 0; i < count; i++) {
            Trial trial = run(mutants.apply(i));
            figures.add(trial);
            each.accept(trial);
        }
        figures.peakHeapBytes = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return figures;
    }

    static boolean clear(String message) {
        return message != null && !message.isBlank() && message.indexOf('\n') < 0 && message.indexOf('\r') < 0
                && message.length() <= LONGEST_CLEAR_MESSAGE;
    }

    /** The counts of a run by class and outcome, the times, and every input that failed. */
    public static final class Figures {
        private final Map<MutationClass, Map<Outcome, Integer>> counts = new EnumMap<>(MutationClass.class);
        private final List<Long> nanos = new ArrayList<>();
        private final List<Trial> failures = new ArrayList<>();
        private Trial slowest;
        private long peakHeapBytes;

        void add(Trial t) {
            counts.computeIfAbsent(t.mutant().kind(), k -> new EnumMap<>(Outcome.class))
                    .merge(t.outcome(), 1, Integer::sum);
            nanos.add(t.nanos());
            if (t.outcome() != Outcome.ACCEPTED && t.outcome() != Outcome.REFUSED) {
                failures.add(t);
            }
            if (slowest == null || t.nanos() > slowest.nanos()) {
                slowest = t;
            }
        }

        public int count(MutationClass kind, Outcome outcome) {
            return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0);
        }

        public int count(Outcome outcome) {
            return counts.values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
        }

        public int inputs() {
            return nanos.size();
        }

        public List<Trial> failures() {
            return List.copyOf(failures);
        }

        public Trial slowest() {
            return slowest;
        }

        /** The time under which the given share of inputs were read (0.99 for the 99th percentile). */
        public long percentileNanos(double share) {
            List<Long> sorted = nanos.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
        }

        public long totalNanos() {
            return nanos.stream().mapToLong(Long::longValue).sum();
        }

        public long peakHeapBytes() {
            return peakHeapBytes;
        }
    }
}

package org.stroma.cli;

import java.util.ArrayList;
import java.util.List;

/** How long the acknowledged requests took, and when they ended, for percentiles over stretches of time. */
final class Latencies {
    private final long origin = System.nanoTime();
    private final List<long[]> done = new ArrayList<>();

    synchronized void add(long startNanos, boolean acknowledged) {
        if (acknowledged) {
            long end = System.nanoTime();
            done.add(new long[] {(end - origin) / 1000, (end - startNanos) / 1000});
        }
    }

    synchronized int count() {
        return done.size();
    }

    /** The p-th percentile in milliseconds (nearest rank) of all requests, 0 when there is none. */
    double percentileMillis(double p) {
        return percentileMillis(p, 0, Long.MAX_VALUE);
    }

    /** The p-th percentile in milliseconds of the requests that ended between two moments (seconds from the start). */
    synchronized double percentileMillis(double p, double fromSecond, double toSecond) {
        List<Long> sorted = new ArrayList<>();
        for (long[] d : done) {
            if (d[0] >= fromSecond * 1e6 && d[0] < toSecond * 1e6) {
                sorted.add(d[1]);
            }
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }

    /** How many requests ended between two moments. */
    synchronized int count(double fromSecond, double toSecond) {
        return (int) done.stream().filter(d -> d[0] >= fromSecond * 1e6 && d[0] < toSecond * 1e6).count();
    }
}

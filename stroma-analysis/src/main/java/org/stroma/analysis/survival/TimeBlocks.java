package org.stroma.analysis.survival;

import java.util.Arrays;

/**
 * Subjects ordered by time, in blocks of equal times, from one sort: the risk set at a block's time is that block and
 * every later one, so sums over risk sets accumulate block by block, from the last time back, in O(n) after the
 * O(n log n) sort. A time that is not a number (at risk at no time) belongs to no block.
 */
final class TimeBlocks {
    private final double[] times;
    private final int[] first;
    private final int[] order;

    TimeBlocks(double[] time) {
        // + 0.0 turns −0 into 0, which == already treats as one time
        double[] sorted = Arrays.stream(time).filter(t -> !Double.isNaN(t)).map(t -> t + 0.0).sorted().toArray();
        int m = 0;
        for (double t : sorted) {
            if (m == 0 || t != sorted[m - 1]) {
                sorted[m++] = t;
            }
        }
        times = Arrays.copyOf(sorted, m);
        first = new int[m + 1];
        int[] blockOf = new int[time.length];
        for (int i = 0; i < time.length; i++) {
            blockOf[i] = Double.isNaN(time[i]) ? -1 : Arrays.binarySearch(times, time[i] + 0.0);
            if (blockOf[i] >= 0) {
                first[blockOf[i] + 1]++;
            }
        }
        for (int b = 0; b < m; b++) {
            first[b + 1] += first[b];
        }
        order = new int[first[m]];
        int[] next = Arrays.copyOf(first, m);
        for (int i = 0; i < time.length; i++) {
            if (blockOf[i] >= 0) {
                order[next[blockOf[i]]++] = i;
            }
        }
    }

    /** The number of distinct times. */
    int blocks() {
        return times.length;
    }

    /** Block b's time; the blocks' times ascend. */
    double time(int b) {
        return times[b];
    }

    /** Block b's subjects are {@code subject(start(b))} … {@code subject(end(b) - 1)}. */
    int start(int b) {
        return first[b];
    }

    int end(int b) {
        return first[b + 1];
    }

    int subject(int k) {
        return order[k];
    }

    /** How many are at risk at block b's time: those in it and in every later block. */
    int atRisk(int b) {
        return order.length - first[b];
    }
}

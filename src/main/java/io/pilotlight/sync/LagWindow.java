package io.pilotlight.sync;

import java.util.Arrays;

/**
 * The most recent propagation delays (a fixed-size ring), and their percentiles. Bounded whatever
 * the rate of changes; the percentiles describe the last {@code capacity} changes.
 */
public final class LagWindow {

    private final long[] samples;
    private int next;
    private int count;

    public LagWindow(int capacity) {
        this.samples = new long[capacity];
    }

    public synchronized void record(long millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** The nearest-rank percentile (0 < p <= 100) of the window, or null when it is empty. */
    public synchronized Long percentile(double p) {
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    public synchronized int count() {
        return count;
    }
}

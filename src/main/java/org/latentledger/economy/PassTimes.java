package org.latentledger.economy;

import java.util.Arrays;
import java.util.Locale;

/**
 * Wall times of the dense and the sparse pass of one input, measured interleaved (dense, sparse,
 * dense, ...) after a warm-up, so that a loaded machine slows both alike; each as its median
 * with its interquartile range (25th-75th percentile: with 21 runs on a shared machine the 10th
 * and 90th catch the machine's hiccups more than the passes). When the two ranges overlap the
 * difference cannot be told from noise on this run, and is reported so.
 *
 * @param dense  the dense pass's times, microseconds, sorted
 * @param sparse the sparse pass's times, microseconds, sorted
 */
public record PassTimes(double[] dense, double[] sparse) {

    /** Rounds before the timed ones, so that both passes run compiled (the bench warms up longer; the ledger times on the UI thread). */
    static final double LOW = 0.25;
    static final double HIGH = 0.75;
    static final int WARM_UP = 40;
    static final long WARM_UP_NANOS = 40_000_000;
    static final long BUDGET_NANOS = 150_000_000;
    static final int MIN_RUNS = 7;

    public PassTimes {
        dense = dense.clone();
        sparse = sparse.clone();
        Arrays.sort(dense);
        Arrays.sort(sparse);
    }

    /**
     * Times both passes of {@code input}, {@code repeats} runs each, interleaved; a slow model (a
     * CNN through DL4J on a loaded machine) stops after {@link #BUDGET_NANOS} with at least
     * {@link #MIN_RUNS}, so the caller (the UI thread, once the slider settles) is not held long.
     */
    public static PassTimes measure(SparseNetwork net, float[] input, SparsityPolicy policy, int repeats) {
        SparsityPolicy all = new SparsityPolicy.Dense();
        // Warm-up: up to WARM_UP rounds within WARM_UP_NANOS (at least one), so that the JIT has
        // compiled both paths; a cold path would be timed as slow as it is cold.
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int w = 0; w < WARM_UP && (w == 0 || System.nanoTime() < warmEnd); w++) {
            net.run(input, all);
            net.run(input, policy);
        }
        double[] d = new double[repeats];
        double[] s = new double[repeats];
        long end = System.nanoTime() + BUDGET_NANOS;
        int n = 0;
        while (n < repeats && (n < Math.min(MIN_RUNS, repeats) || System.nanoTime() < end)) {
            long t0 = System.nanoTime();
            net.run(input, all);
            long t1 = System.nanoTime();
            net.run(input, policy);
            long t2 = System.nanoTime();
            d[n] = (t1 - t0) / 1e3;
            s[n] = (t2 - t1) / 1e3;
            n++;
        }
        return new PassTimes(Arrays.copyOf(d, n), Arrays.copyOf(s, n));
    }

    public int repeats() {
        return dense.length;
    }

    public double denseMedian() {
        return percentile(dense, 0.5);
    }

    public double sparseMedian() {
        return percentile(sparse, 0.5);
    }

    /** The dense median over the sparse median. */
    public double speedUp() {
        return denseMedian() / Math.max(1e-9, sparseMedian());
    }

    /** The dense pass's interquartile range, {25th, 75th percentile}, microseconds. */
    public double[] denseRange() {
        return new double[] {percentile(dense, LOW), percentile(dense, HIGH)};
    }

    /** The sparse pass's interquartile range, {25th, 75th percentile}, microseconds. */
    public double[] sparseRange() {
        return new double[] {percentile(sparse, LOW), percentile(sparse, HIGH)};
    }

    /** "within noise (the ranges overlap; medians 1.1x)", "2.3x faster" or "1.6x slower (0.62x)": the one way the app and the CLI say it. */
    public String verdict() {
        double r = speedUp();
        if (withinNoise()) {
            return "within noise (the ranges overlap; medians " + ratio(r) + ")";
        }
        return r >= 1 ? ratio(r) + " faster" : ratio(1 / r) + " slower (" + ratio(r) + ")";
    }

    /** The two interquartile ranges overlap: this run cannot tell the passes apart. */
    public boolean withinNoise() {
        return percentile(dense, LOW) <= percentile(sparse, HIGH) && percentile(sparse, LOW) <= percentile(dense, HIGH);
    }

    /** "617 µs (590-650)": the median and the interquartile range. */
    public static String describe(double[] sorted) {
        return String.format(Locale.ROOT, "%.0f µs (%.0f-%.0f)", percentile(sorted, 0.5), percentile(sorted, LOW), percentile(sorted, HIGH));
    }

    /**
     * A speed-up with digits enough never to read "0.0x": "2.3x", "0.45x", "0.04x", or "<0.01x".
     */
    public static String ratio(double r) {
        if (r < 0.01) {
            return "<0.01x";
        }
        return String.format(Locale.ROOT, r < 1 ? "%.2fx" : r < 10 ? "%.1fx" : "%.0fx", r);
    }

    /** The p-th quantile of sorted values (linear between neighbours). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}

package org.latentledger.economy;

import java.util.Arrays;
import java.util.Locale;

/**
 * Wall times of the dense and the sparse pass of one input, measured interleaved (dense, sparse,
 * dense, ...) after a few warm-up runs, so that a loaded machine slows both alike; each as its
 * median with the 10th-90th percentile spread. When the two spreads overlap the difference
 * cannot be told from noise on this run, and is reported so (as {@code bench --economy} does).
 *
 * @param dense  the dense pass's times, microseconds, sorted
 * @param sparse the sparse pass's times, microseconds, sorted
 */
public record PassTimes(double[] dense, double[] sparse) {

    /** Rounds before the timed ones, so that both passes run compiled (the bench warms up longer; the ledger times on the UI thread). */
    static final int WARM_UP = 5;

    public PassTimes {
        dense = dense.clone();
        sparse = sparse.clone();
        Arrays.sort(dense);
        Arrays.sort(sparse);
    }

    /** Times both passes of {@code input}, {@code repeats} runs each, interleaved. */
    public static PassTimes measure(SparseNetwork net, float[] input, SparsityPolicy policy, int repeats) {
        SparsityPolicy all = new SparsityPolicy.Dense();
        double[] d = new double[repeats];
        double[] s = new double[repeats];
        for (int i = -WARM_UP; i < repeats; i++) {
            long t0 = System.nanoTime();
            net.run(input, all);
            long t1 = System.nanoTime();
            net.run(input, policy);
            long t2 = System.nanoTime();
            if (i >= 0) {
                d[i] = (t1 - t0) / 1e3;
                s[i] = (t2 - t1) / 1e3;
            }
        }
        return new PassTimes(d, s);
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

    /** The two 10th-90th percentile spreads overlap: this run cannot tell the passes apart. */
    public boolean withinNoise() {
        return percentile(dense, 0.1) <= percentile(sparse, 0.9) && percentile(sparse, 0.1) <= percentile(dense, 0.9);
    }

    /** "617 µs (590-650)": the median and the 10th-90th percentile spread. */
    public static String describe(double[] sorted) {
        return String.format(Locale.ROOT, "%.0f µs (%.0f-%.0f)", percentile(sorted, 0.5), percentile(sorted, 0.1), percentile(sorted, 0.9));
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

package org.latentledger.work;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded choices of indices, so the same seed picks the same points on every machine and JVM
 * (SplittableRandom's sequence is specified). Fisher-Yates (Durstenfeld's in-place form, Knuth
 * TAOCP vol. 2, Algorithm P) in its two directions, which use the random numbers differently and
 * so are not interchangeable where a result is pinned:
 *
 * <ul>
 *   <li>{@link #partialShuffle} fills the front: step i swaps i with a uniform position in
 *       [i, n), so its first k entries are a uniform k-sample after only k draws;</li>
 *   <li>{@link #permutation} fills the back: step i = n-1 .. 1 swaps i with a uniform position
 *       in [0, i] (the order the bundled models' training split and epochs were drawn in).</li>
 * </ul>
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * The first k of a seeded front-to-back Fisher-Yates shuffle of 0..n-1: k distinct indices in
     * the order drawn.
     *
     * @throws IllegalArgumentException unless 0 <= k <= n
     */
    public static int[] partialShuffle(int n, int k, long seed) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + n + " indices");
        }
        int[] order = identity(n);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, k);
    }

    /** The same k indices as {@link #partialShuffle}, ascending (a seeded sample of k of n points). */
    public static int[] sample(int n, int k, long seed) {
        int[] s = partialShuffle(n, k, seed);
        Arrays.sort(s);
        return s;
    }

    /**
     * A permutation of 0..n-1 by back-to-front Fisher-Yates, drawing from {@code random} (which
     * moves on, so successive calls give successive epochs' orders).
     */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}

package org.latentledger.economy;

/**
 * The one top-k selection of the economy: the k largest of a key, and among equal keys the lower
 * indices. Top-k sparsity keeps the k largest |a| of a layer (k-winners-take-all); latent routing
 * computes the k outputs whose predicted pre-activation is largest. Linear time (expected): the
 * k-th largest key is found by quickselect on a copy, then one pass in index order takes what is
 * above it and as many as are still needed of what equals it.
 */
final class KLargest {

    private KLargest() {
    }

    /**
     * The indices of the k largest keys, ascending; ties go to the lower indices. All indices when
     * {@code k >= keys.length}, none when {@code k <= 0}. The keys are not changed. A NaN key is
     * never taken, and with NaN keys fewer than k may come back (finite weights and inputs give none).
     */
    static int[] indices(float[] keys, int k) {
        int n = keys.length;
        k = Math.max(0, Math.min(k, n));
        if (k == 0) {
            return new int[0];
        }
        float cut = kthLargest(keys, k);
        // One pass: the indices above the cut, and apart those equal to it; then the lowest ties fill up to k.
        int[] above = new int[k];
        int[] equal = new int[k];
        int a = 0;
        int e = 0;
        for (int i = 0; i < n; i++) {
            float v = keys[i];
            if (v > cut) {
                if (a < k) { // at most k - 1 lie above the k-th largest (NaN keys aside)
                    above[a++] = i;
                }
            } else if (v == cut && e < k) {
                equal[e++] = i;
            }
        }
        int ties = Math.min(e, k - a);
        int[] chosen = new int[a + ties];
        for (int m = 0, x = 0, y = 0; m < chosen.length; m++) {
            chosen[m] = y >= ties || (x < a && above[x] < equal[y]) ? above[x++] : equal[y++];
        }
        return chosen;
    }

    /**
     * The k-th largest key. When few of many are wanted (k-winners-take-all keeps a tenth or
     * less), a pivot from 32 evenly spaced samples, set below their k-th largest share with a
     * margin, first narrows the keys to those at or above it; when at least k are, the k-th
     * largest is among them, and the quickselect runs on a quarter of the keys or fewer. Else,
     * or for NaN, it runs on them all. Exact either way.
     */
    private static float kthLargest(float[] keys, int k) {
        int n = keys.length;
        if (n >= 256 && 8L * k <= n) {
            int s = 32;
            float[] sample = new float[s];
            for (int j = 0; j < s; j++) {
                sample[j] = keys[(int) ((long) j * n / s)];
            }
            int expected = (int) Math.ceil((double) k * s / n); // samples expected at or above the k-th largest
            float pivot = select(sample, s - 1 - Math.min(s - 1, expected + 3));
            float[] candidates = new float[n];
            int m = 0;
            for (float v : keys) {
                candidates[m] = v;
                m += v >= pivot ? 1 : 0; // branch-free compaction; a NaN is never a candidate
            }
            if (m >= k) {
                return select(java.util.Arrays.copyOf(candidates, m), m - k);
            }
        }
        return select(keys.clone(), n - k);
    }

    /**
     * Keeps the k largest |a| (ties to the lower indices) and zeroes the rest, in a new array;
     * {@code a} itself when {@code k >= a.length}.
     */
    static float[] byMagnitude(float[] a, int k) {
        if (k >= a.length) {
            return a;
        }
        // Zeros have the smallest magnitude, so when more than k values are non-zero the k largest
        // are all among them (the k-th is above zero: no zero ties with it), and the selection
        // runs on the non-zeros alone, in index order, so ties still go to the lower indices.
        // After a ReLU that is about half of a layer. (A zero comes back as +0 whatever its sign.)
        int live = 0;
        for (float v : a) {
            live += v != 0f ? 1 : 0;
        }
        float[] out = new float[a.length];
        if (live <= k) {
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0f) {
                    out[i] = a[i]; // every non-zero survives; the zeros stay zero
                }
            }
            return out;
        }
        float[] mag = new float[live + 1];
        int[] at = new int[live + 1];
        for (int i = 0, m = 0; i < a.length; i++) {
            mag[m] = Math.abs(a[i]);
            at[m] = i;
            m += a[i] != 0f ? 1 : 0; // branch-free compaction: about half are zeros, in no order a predictor learns
        }
        for (int m : indices(java.util.Arrays.copyOf(mag, live), k)) {
            out[at[m]] = a[at[m]];
        }
        return out;
    }

    /** The value that would be at {@code rank} if {@code v} were sorted ascending (Hoare's quickselect; reorders v). */
    static float select(float[] v, int rank) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            float pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return v[rank];
            }
        }
        return v[rank];
    }
}

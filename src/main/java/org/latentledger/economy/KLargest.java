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
        float cut = select(keys.clone(), n - k); // the k-th largest
        int above = 0;
        for (float v : keys) {
            if (v > cut) {
                above++;
            }
        }
        int ties = k - above;
        int[] chosen = new int[k];
        int m = 0;
        for (int i = 0; i < n && m < k; i++) {
            if (keys[i] > cut || (keys[i] == cut && ties-- > 0)) {
                chosen[m++] = i;
            }
        }
        return m == k ? chosen : java.util.Arrays.copyOf(chosen, m);
    }

    /**
     * Keeps the k largest |a| (ties to the lower indices) and zeroes the rest, in a new array;
     * {@code a} itself when {@code k >= a.length}.
     */
    static float[] byMagnitude(float[] a, int k) {
        if (k >= a.length) {
            return a;
        }
        float[] mag = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            mag[i] = Math.abs(a[i]);
        }
        float[] out = new float[a.length];
        for (int i : indices(mag, k)) {
            out[i] = a[i];
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

package org.latentledger.projection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few exact principal decompositions, found again by their input's content.
 *
 * <p>Why: one layer's points are decomposed more than once in a row. A PCA map fits two or three
 * components and the layer's axes fit three right after it; a t-SNE or UMAP map of the same layer
 * reduces it to 50 first; the journey maps every layer again. Each fit is a covariance product
 * and a d x d eigen-decomposition (about 0.3 s at 10,000 x 784 on one core), while an exact
 * decomposition's first c components do not depend on how many were asked for. So a fit keeps up
 * to {@link #KEPT} components, and a later fit of the same points with as many or fewer is a
 * prefix of it. Found by content, not identity: a copy of the same activations (another opening
 * of the same model) is found too, and an array changed in place is not mistaken for its old
 * self. The digest reads every value once (about a twentieth of a fit's time); two different
 * inputs of the same shape would need a 64-bit collision to be confused.
 */
final class PcaMemo {

    /** Components kept per decomposition: the widest fit asked for (the reduction before t-SNE and UMAP). */
    static final int KEPT = Projections.REDUCED;

    private static final int ENTRIES = 4;

    private record Key(int rows, int width, long digest) {
    }

    private static final Map<Key, PcaModel> KEPT_FITS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PcaModel> eldest) {
            return size() > ENTRIES;
        }
    };

    private PcaMemo() {
    }

    /** The key of {@code points}' content. */
    static Object keyOf(float[][] points) {
        int width = points.length == 0 ? 0 : points[0].length;
        return new Key(points.length, width, digest(points));
    }

    /** The kept fit's first {@code count} components (fewer if it has fewer), or null. */
    static PcaModel find(Object key, int count) {
        PcaModel kept;
        synchronized (KEPT_FITS) {
            kept = KEPT_FITS.get((Key) key);
        }
        if (kept == null || (kept.count() < count && kept.count() < kept.mean().length)) {
            return null; // a fit of more components than were kept (and than the data has) is made anew
        }
        int c = Math.min(count, kept.count());
        double[][] components = new double[c][];
        for (int k = 0; k < c; k++) {
            components[k] = kept.components()[k].clone(); // copies: what a caller does with its fit never reaches the kept one
        }
        return new PcaModel(kept.mean().clone(), components, java.util.Arrays.copyOf(kept.explained(), c));
    }

    static void keep(Object key, PcaModel fit) {
        synchronized (KEPT_FITS) {
            KEPT_FITS.put((Key) key, fit);
        }
    }

    /** A 64-bit mix of every value's bits and position (rows in order; four lanes so the loop is not one long chain). */
    static long digest(float[][] points) {
        long h = 0x9E3779B97F4A7C15L;
        for (float[] row : points) {
            long a = 1;
            long b = 2;
            long c = 3;
            long d = 4;
            int j = 0;
            for (; j + 4 <= row.length; j += 4) {
                a = a * 0x100000001B3L + Float.floatToRawIntBits(row[j]);
                b = b * 0x100000001B3L + Float.floatToRawIntBits(row[j + 1]);
                c = c * 0x100000001B3L + Float.floatToRawIntBits(row[j + 2]);
                d = d * 0x100000001B3L + Float.floatToRawIntBits(row[j + 3]);
            }
            for (; j < row.length; j++) {
                a = a * 0x100000001B3L + Float.floatToRawIntBits(row[j]);
            }
            h = mix(h ^ mix(a) ^ Long.rotateLeft(mix(b), 17) ^ Long.rotateLeft(mix(c), 31) ^ Long.rotateLeft(mix(d), 47)) + row.length;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

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
 * self ({@link ContentDigest}; reading every value once is about a twentieth of a fit's time).
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
        return new Key(points.length, width, ContentDigest.of(points));
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
        return prefix(kept, count);
    }

    /** A copy of {@code kept}'s first {@code count} components (all of them if it has fewer). */
    static PcaModel prefix(PcaModel kept, int count) {
        int c = Math.min(count, kept.count());
        double[][] components = new double[c][];
        for (int k = 0; k < c; k++) {
            components[k] = kept.components()[k].clone(); // copies: what a caller does with its fit never reaches the kept one
        }
        return new PcaModel(kept.mean().clone(), components, java.util.Arrays.copyOf(kept.explained(), c));
    }

    static void clear() {
        synchronized (KEPT_FITS) {
            KEPT_FITS.clear();
        }
    }

    static void keep(Object key, PcaModel fit) {
        synchronized (KEPT_FITS) {
            KEPT_FITS.put((Key) key, fit);
        }
    }
}

package org.latentledger.atlas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentledger.projection.ContentDigest;

/**
 * The last few clusterings, found again by their points' content, k and seed.
 *
 * <p>Why: the regions of a layer are worked out again whenever the same activations come back as
 * new arrays: a model opened again (File &gt; Open sample, a lesson's step, a workspace), the same
 * layer mapped by another method, a journey map of a layer the main map showed. k-means is about
 * as long as a PCA map of the layer (a hundred Lloyd steps at most over every point), and the same
 * points, k and seed always give the same clusters, so a clustering is kept and copied out. Found by
 * content, not identity ({@link ContentDigest}), so an array changed in place is clustered anew.
 */
final class KMeansMemo {

    private static final int ENTRIES = 8;

    private record Key(int rows, int width, long digest, int k, long seed) {
    }

    private static final Map<Key, KMeans> KEPT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, KMeans> eldest) {
            return size() > ENTRIES;
        }
    };

    private KMeansMemo() {
    }

    static Object keyOf(float[][] points, int k, long seed) {
        return new Key(points.length, points.length == 0 ? 0 : points[0].length, ContentDigest.of(points), k, seed);
    }

    /** A copy of the clustering kept under {@code key}, or null. */
    static KMeans find(Object key) {
        KMeans kept;
        synchronized (KEPT) {
            kept = KEPT.get((Key) key);
        }
        return kept == null ? null : kept.copy();
    }

    /** Keeps {@code fitted} (the memo's own: callers get copies). */
    static void keep(Object key, KMeans fitted) {
        synchronized (KEPT) {
            KEPT.put((Key) key, fitted);
        }
    }

    static void clear() {
        synchronized (KEPT) {
            KEPT.clear();
        }
    }
}

package org.latentledger.projection;

import org.latentledger.work.Named;

/**
 * Whose implementation computes a t-SNE or UMAP layout: ours (Barnes-Hut t-SNE and UMAP written
 * for this app: seeded, animated, cancellable, the same layout on any number of threads) or
 * Smile's (exact t-SNE, UMAP with ARPACK's spectral initialisation). PCA is always ours.
 */
public enum Engine implements Named {
    OURS, SMILE;

    public static Engine parse(String name) {
        return Named.parse(Engine.class, name, "engine");
    }

    @Override
    public String toString() {
        return switch (this) {
            case OURS -> "Ours";
            case SMILE -> "Smile";
        };
    }
}

package org.latentledger.projection;

import org.latentledger.work.Named;

/**
 * Whose implementation computes a t-SNE or UMAP layout: ours (Barnes-Hut t-SNE and UMAP written
 * for this app: seeded, animated, cancellable, the same layout on any number of threads) or
 * Smile's (exact t-SNE, UMAP with ARPACK's spectral initialisation). PCA is always ours.
 */
public enum Engine implements Named {
    OURS("ours", "Ours"),
    SMILE("smile", "Smile");

    private final String cliName;
    private final String label;

    Engine(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    @Override
    public String label() {
        return label;
    }

    public static Engine parse(String name) {
        return Named.parse(Engine.class, name, "engine");
    }

    @Override
    public String toString() {
        return label;
    }
}

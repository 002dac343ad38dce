package org.latentledger.projection;

import org.latentledger.work.Named;

/** How a layer's activations are laid out in 2D or 3D. */
public enum Method implements Named {
    PCA("pca", "PCA"),
    TSNE("tsne", "t-SNE"),
    UMAP("umap", "UMAP");

    private final String cliName;
    private final String label;

    Method(String cliName, String label) {
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

    /** True for the methods that have no transform for new points and converge step by step. */
    public boolean iterative() {
        return this != PCA;
    }

    public static Method parse(String name) {
        return Named.parse(Method.class, name, "projection method");
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.latentledger.projection;

import org.latentledger.work.Named;

/** How a layer's activations are laid out in 2D or 3D. */
public enum Method implements Named {
    PCA, TSNE, UMAP;

    /** True for the methods that have no transform for new points and converge step by step. */
    public boolean iterative() {
        return this != PCA;
    }

    public static Method parse(String name) {
        return Named.parse(Method.class, name, "projection method");
    }

    @Override
    public String toString() {
        return switch (this) {
            case PCA -> "PCA";
            case TSNE -> "t-SNE";
            case UMAP -> "UMAP";
        };
    }
}

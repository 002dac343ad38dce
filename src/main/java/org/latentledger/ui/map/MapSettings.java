package org.latentledger.ui.map;

import org.latentledger.projection.Method;
import org.latentledger.projection.ProjectionSpec;

/** The map's projection choices; {@link #spec()} turns them into what the core runs. */
public record MapSettings(Method method, int dims, double perplexity, int neighbours, double minDist, long seed) {


    public static final MapSettings DEFAULT = new MapSettings(Method.PCA, 2, 30, 15, 0.1, 42);

    public ProjectionSpec spec() {
        return switch (method) {
            case PCA -> new ProjectionSpec.Pca(dims);
            case TSNE -> new ProjectionSpec.Tsne(dims, perplexity, 1000, 0.5, seed);
            case UMAP -> new ProjectionSpec.Umap(dims, neighbours, minDist, 0, seed);
        };
    }
}

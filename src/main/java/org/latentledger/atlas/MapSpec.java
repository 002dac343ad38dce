package org.latentledger.atlas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.view.ConvView;

/**
 * How a layer's map is made: the projection (method, engine, dimensions, parameters), the seed
 * of everything stochastic in it (layout, regions, the trustworthiness sample) and how a
 * convolutional layer is viewed. The map page's toolbar edits one; every result made from one
 * carries it, so an exported figure says what really made it.
 */
public record MapSpec(Method method, Engine engine, int dims, double perplexity, int neighbours, double minDist, long seed,
                      ConvView convView) {

    public static final MapSpec DEFAULT = new MapSpec(Method.PCA, Engine.OURS, 2, 30, 15, 0.1, 42, ConvView.CHANNEL_MEANS);

    public MapSpec {
        if (method == null || engine == null || convView == null) {
            throw new IllegalArgumentException("a map needs a method, an engine and a conv view");
        }
        if (dims != 2 && dims != 3) {
            throw new IllegalArgumentException("a map is 2D or 3D, not " + dims + "D");
        }
    }

    /** What the projection code runs. */
    public ProjectionSpec projection() {
        return switch (method) {
            case PCA -> new ProjectionSpec.Pca(dims);
            case TSNE -> new ProjectionSpec.Tsne(dims, perplexity, 1000, 0.5, seed);
            case UMAP -> new ProjectionSpec.Umap(dims, neighbours, minDist, 0, seed);
        };
    }

    /** The engine that really runs: PCA is always ours. */
    public Engine effectiveEngine() {
        return method == Method.PCA ? Engine.OURS : engine;
    }

    /** The parameters that matter for the method, for sidecars ({@code dims}, {@code perplexity}, ...). */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dims", dims);
        switch (method) {
            case TSNE -> p.put("perplexity", perplexity);
            case UMAP -> {
                p.put("neighbours", neighbours);
                p.put("min_dist", minDist);
            }
            case PCA -> { }
        }
        return p;
    }

    public MapSpec withMethod(Method m) {
        return new MapSpec(m, engine, dims, perplexity, neighbours, minDist, seed, convView);
    }

    public MapSpec withEngine(Engine e) {
        return new MapSpec(method, e, dims, perplexity, neighbours, minDist, seed, convView);
    }

    public MapSpec withDims(int d) {
        return new MapSpec(method, engine, d, perplexity, neighbours, minDist, seed, convView);
    }

    public MapSpec withSeed(long s) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, s, convView);
    }

    public MapSpec withConvView(ConvView v) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, seed, v);
    }

    public MapSpec withParameters(double perplexity, int neighbours, double minDist) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, seed, convView);
    }
}

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
public record MapSpec(Method method, Engine engine, int dims, double perplexity, int neighbours, double minDist, int iterations,
                      long seed, ConvView convView) {

    /** t-SNE's iterations when none are asked for. */
    public static final int TSNE_ITERATIONS = 1000;

    public static final MapSpec DEFAULT = new MapSpec(Method.PCA, Engine.OURS, 2, 30, 15, 0.1, 0, 42, ConvView.CHANNEL_MEANS);

    /** The spec before iterations could be chosen: the method's own number of them. */
    public MapSpec(Method method, Engine engine, int dims, double perplexity, int neighbours, double minDist, long seed, ConvView convView) {
        this(method, engine, dims, perplexity, neighbours, minDist, 0, seed, convView);
    }

    public MapSpec {
        if (method == null || engine == null || convView == null) {
            throw new IllegalArgumentException("a map needs a method, an engine and a conv view");
        }
        if (dims != 2 && dims != 3) {
            throw new IllegalArgumentException("a map is 2D or 3D, not " + dims + "D");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations are 0 (the method's default) or more, not " + iterations);
        }
    }

    /** What the projection code runs. */
    public ProjectionSpec projection() {
        return switch (method) {
            case PCA -> new ProjectionSpec.Pca(dims);
            case TSNE -> new ProjectionSpec.Tsne(dims, perplexity, iterations > 0 ? iterations : TSNE_ITERATIONS, 0.5, seed);
            case UMAP -> new ProjectionSpec.Umap(dims, neighbours, minDist, iterations, seed);
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
            case TSNE -> {
                p.put("perplexity", perplexity);
                p.put("iterations", iterations > 0 ? iterations : TSNE_ITERATIONS);
            }
            case UMAP -> {
                p.put("neighbours", neighbours);
                p.put("min_dist", minDist);
                if (iterations > 0) {
                    p.put("epochs", iterations);
                }
            }
            case PCA -> { }
        }
        return p;
    }

    public MapSpec withMethod(Method m) {
        return new MapSpec(m, engine, dims, perplexity, neighbours, minDist, iterations, seed, convView);
    }

    public MapSpec withEngine(Engine e) {
        return new MapSpec(method, e, dims, perplexity, neighbours, minDist, iterations, seed, convView);
    }

    public MapSpec withDims(int d) {
        return new MapSpec(method, engine, d, perplexity, neighbours, minDist, iterations, seed, convView);
    }

    public MapSpec withSeed(long s) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, iterations, s, convView);
    }

    public MapSpec withConvView(ConvView v) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, iterations, seed, v);
    }

    /** The iterations of t-SNE or epochs of UMAP, 0 for the method's default. */
    public MapSpec withIterations(int i) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, i, seed, convView);
    }

    public MapSpec withParameters(double perplexity, int neighbours, double minDist) {
        return new MapSpec(method, engine, dims, perplexity, neighbours, minDist, iterations, seed, convView);
    }
}

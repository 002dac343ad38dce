package org.latentledger.atlas;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerActivations;
import org.latentledger.projection.Feasibility;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.projection.Projections;
import org.latentledger.projection.Trustworthiness;
import org.latentledger.view.ConvView;
import org.latentledger.work.Progress;

/**
 * The one way a layer becomes a map, for the map page, the journey's layer maps, the
 * {@code project} command, screenshots, exports and lessons: activations (channel means or full
 * maps of a conv layer) -> layout (from the cache when it has it) -> regions (k-means) and
 * principal axes -> trustworthiness of the layout. Everything stochastic takes the spec's seed.
 * Cancellable between and within steps; progress says which step runs.
 */
public final class LayerMapper {

    /** Points over which trustworthiness is estimated at most. */
    public static final int TRUST_SAMPLE = 1000;

    /** Whether the layout's quality is measured (the map page does; the journey's many small maps do not). */
    public enum Quality { MEASURED, SKIPPED }

    private final ProjectionCache cache;

    /**
     * The regions and axes last worked out for each layer's activations. They come from the points
     * and the seed alone, not from the layout, so a layer mapped again by another method (the map
     * page's method changed, the journey's maps made with t-SNE after PCA) takes them from here
     * instead of repeating the k-means and the PCA: the same figures, sooner (measured warm on two
     * cores: 0.56 s for fashion-mlp's 512-wide layer of 10,000 points, 0.8 s over its four layers).
     * Keyed weakly: a closed model's activations are not kept for this.
     */
    private final Map<LayerActivations, Landmarks> landmarks = Collections.synchronizedMap(new WeakHashMap<>());

    /** Regions and principal axes of one layer's points, and what they were made with. */
    private record Landmarks(ConvView view, long seed, int[] labels, List<String> classNames, Regions regions, List<Axis> axes,
                             double[] spreads) {

        /** Whether these are what {@link Regions#of} and {@link Axes#principal} give for this view, seed and data. */
        boolean madeFor(ConvView v, long s, Dataset data) {
            return view == v && seed == s && labels == data.labels() && classNames.equals(data.classNames());
        }
    }

    /** @param cache layouts already computed, and where t-SNE and UMAP layouts are kept (or null) */
    public LayerMapper(ProjectionCache cache) {
        this.cache = cache;
    }

    /**
     * @param partial receives the layout while an iterative method converges, and the finished
     *                layout before its regions, axes and trustworthiness are worked out; or null
     */
    public LayerAtlas map(LayerActivations acts, Dataset data, String modelHash, MapSpec spec, Quality quality, Progress progress,
                          Consumer<Projection> partial) {
        String layer = acts.layer().name();
        boolean means = acts.isConvolutional() && spec.convView() == ConvView.CHANNEL_MEANS;
        MapSpec used = acts.isConvolutional() ? spec : spec.withConvView(ConvView.CHANNEL_MEANS);
        float[][] points = points(acts, spec.convView(), progress);
        progress.checkCancelled();
        String key = ProjectionCache.key(modelHash, data.hash(), layer, means ? "means" : "full", spec.projection(), spec.effectiveEngine());
        boolean cacheable = spec.method().iterative() && cache != null;
        Projection layout = cacheable ? cache.get(key) : null;
        boolean cached = layout != null;
        if (layout == null) {
            progress.update(-1, String.format(Locale.ROOT, "%s of %s", spec.method().label(), layer));
            layout = layout(points, spec.projection(), spec.effectiveEngine(), progress, partial);
            if (cacheable) {
                cache.put(key, layout);
            }
        }
        progress.checkCancelled();
        if (cache != null && remembers(spec)) {
            cache.put(ProjectionCache.mapKey(modelHash, data.hash(), layer, spec.toString()), layout);
        }
        if (partial != null) {
            // The map can be drawn now: regions, axes and trustworthiness take as long again and follow it.
            partial.accept(layout);
        }
        Landmarks found = landmarks.get(acts);
        if (found == null || !found.madeFor(used.convView(), spec.seed(), data)) {
            progress.update(-1, "Regions and axes of " + layer);
            Regions regions = Regions.of(points, data.labels(), data.classNames(), 0, spec.seed(), progress);
            List<Axis> axes = List.copyOf(Axes.principal(points, 3, progress));
            found = new Landmarks(used.convView(), spec.seed(), data.labels(), data.classNames(), regions, axes, LayerAtlas.spreads(axes, points));
            landmarks.put(acts, found);
        }
        Regions regions = found.regions();
        List<Axis> axes = found.axes();
        double trust = Double.NaN;
        int trustPoints = 0;
        if (quality == Quality.MEASURED) {
            int sample = trustSample(points.length, points[0].length);
            progress.update(-1, "Trustworthiness of the layout (" + sample + " points)");
            trust = Trustworthiness.sampled(points, Projections.rows(layout), 5, sample, spec.seed());
            trustPoints = Math.min(sample, points.length);
        }
        return new LayerAtlas(acts.layer(), points, means, layout, regions, axes, found.spreads(), trust, trustPoints,
                cached, used, modelHash, data.hash());
    }

    /**
     * The layout {@code layer} was last mapped to with {@code spec}, over this model and data (by
     * their SHA-256), by this version of the algorithms; or null. What an opening can draw while
     * its forward pass runs; the pass's own map replaces it. Any thread.
     */
    public Projection remembered(String modelHash, Dataset data, String layer, MapSpec spec) {
        if (cache == null || !remembers(spec)) {
            return null;
        }
        Projection p = cache.get(ProjectionCache.mapKey(modelHash, data.hash(), layer, spec.toString()));
        return p != null && p.size() == data.size() && p.dimensions() == spec.dims() ? p : null;
    }

    /** Layouts by our engine are remembered: Smile's version is not part of the key, so an upgrade of Smile could not be told apart. */
    private static boolean remembers(MapSpec spec) {
        return spec.effectiveEngine() == org.latentledger.projection.Engine.OURS || !spec.method().iterative();
    }

    /**
     * The atlases of every layer (the journey's maps), each with the same spec; conv layers by
     * their channel means. Progress counts the layers.
     */
    public List<LayerAtlas> mapAll(List<LayerActivations> layers, Dataset data, String modelHash, MapSpec spec, Progress progress) {
        MapSpec means = spec.withConvView(ConvView.CHANNEL_MEANS);
        java.util.ArrayList<LayerAtlas> out = new java.util.ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            int done = l;
            int n = layers.size();
            String layer = layers.get(l).layer().name();
            Progress step = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    double f = fraction < 0 ? (double) done / n : (done + fraction) / n;
                    progress.update(f, String.format(Locale.ROOT, "Map %d of %d (%s): %s", done + 1, n, layer, message));
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            out.add(map(layers.get(l), data, modelHash, means, Quality.SKIPPED, step, null));
        }
        return List.copyOf(out);
    }

    /** What a layer is mapped from: its units, or for a conv layer one mean per feature map when so viewed. */
    public static float[][] points(LayerActivations acts, ConvView view) {
        return points(acts, view, Progress.NONE);
    }

    /** As {@link #points(LayerActivations, ConvView)}; a layer recorded later is recorded now reporting to {@code progress}. */
    static float[][] points(LayerActivations acts, ConvView view, Progress progress) {
        return acts.isConvolutional() && view == ConvView.CHANNEL_MEANS ? acts.perChannelMean(progress) : acts.values(progress);
    }

    /**
     * The layout step alone, uncached: what {@code project} times. The engine's feasibility is
     * checked first (a refused Smile run throws with its figures before any work).
     */
    public static Projection layout(float[][] points, org.latentledger.projection.ProjectionSpec spec, org.latentledger.projection.Engine engine,
                                    Progress progress, Consumer<Projection> partial) {
        return Projections.run(points, spec, engine, progress, partial);
    }

    /** Whether the spec's engine can map this layer, checked before a job starts (Smile's exact t-SNE needs 24 n^2 bytes). */
    public static Feasibility feasibility(LayerActivations acts, MapSpec spec) {
        boolean means = acts.isConvolutional() && spec.convView() == ConvView.CHANNEL_MEANS;
        int width = means ? acts.channels() : acts.width();
        return Projections.feasibility(spec.effectiveEngine(), spec.projection(), acts.size(), width);
    }

    /**
     * Points over which trustworthiness is estimated: up to {@link #TRUST_SAMPLE}, fewer (not under
     * 200) on wide layers so the estimate costs at most about 2e10 multiply-adds (seconds, not minutes).
     */
    public static int trustSample(int n, int width) {
        long budget = 20_000_000_000L / Math.max(1L, (long) n * width);
        return (int) Math.max(200, Math.min(TRUST_SAMPLE, budget));
    }
}

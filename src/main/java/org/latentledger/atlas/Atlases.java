package org.latentledger.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerActivations;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.projection.Projections;
import org.latentledger.work.Progress;

/** The atlases of every layer of a model over a data set, for journeys. */
public final class Atlases {

    private Atlases() {
    }

    /**
     * @param cache  layouts already computed (or null); t-SNE and UMAP layouts are stored in it
     * @param seed   seed of the regions' clustering
     */
    public static List<LayerAtlas> build(String modelHash, Dataset data, List<LayerActivations> activations, ProjectionSpec spec,
                                         ProjectionCache cache, long seed, Progress progress) {
        List<LayerAtlas> out = new ArrayList<>();
        int l = 0;
        for (LayerActivations acts : activations) {
            progress.checkCancelled();
            String what = String.format(Locale.ROOT, "Map of layer %s (%d of %d)", acts.layer().name(), ++l, activations.size());
            progress.update(-1, what);
            boolean means = acts.isConvolutional();
            float[][] points = means ? acts.perChannelMean() : acts.values();
            String key = ProjectionCache.key(modelHash, data.hash(), acts.layer().name(), means ? "means" : "full", spec);
            Projection map = cache == null ? null : cache.get(key);
            if (map == null) {
                map = Projections.run(points, spec, Progress.NONE, null);
                if (cache != null) {
                    cache.put(key, map);
                }
            }
            out.add(LayerAtlas.of(acts.layer(), points, means, map, data.labels(), data.classNames(), seed, progress));
        }
        return List.copyOf(out);
    }
}

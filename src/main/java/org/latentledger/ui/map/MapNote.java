package org.latentledger.ui.map;

import java.util.Locale;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.ui.plot.MapInput;

/** The line under the map: what of the layer is shown, how it was laid out, how trustworthy the layout is. */
final class MapNote {

    private MapNote() {
    }

    static String of(MapInput in, LayerAtlas a) {
        var layer = in.activations().layer();
        String shown = !in.activations().isConvolutional() ? "all " + layer.units() + " units"
                : a.channelMeans() ? "per-channel mean of the " + in.activations().channels() + " feature maps of " + layer.outputShape()
                : "the full " + layer.outputShape() + " feature maps (" + layer.units() + " units)";
        String placed = a.spec().method().iterative() ? " t-SNE and UMAP have no transform: new points are placed by their neighbours." : "";
        return String.format(Locale.ROOT, "Layer %s (%s): %s. %s%s. Trustworthiness (5 neighbours, %,d points): %.3f. "
                        + "%d regions by k-means.%s", layer.name(), layer.type(), shown, a.map().method(),
                a.fromCache() ? ", from the cache" : "", a.trustPoints(), a.trust(), a.regions().regions().size(), placed);
    }
}

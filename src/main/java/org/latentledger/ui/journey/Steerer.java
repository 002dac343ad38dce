package org.latentledger.ui.journey;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.Steering;
import org.latentledger.work.Exclusive;

/** Steering the journey's query: the layer, the axis, alpha, and the output once the rest of the network has run from a + alpha u. */
final class Steerer {

    final IntegerProperty layer = new SimpleIntegerProperty(this, "steerLayer", 0);
    final ObjectProperty<Axis> axis = new SimpleObjectProperty<>(this, "steerAxis");
    final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 0);
    final ReadOnlyObjectWrapper<float[]> steered = new ReadOnlyObjectWrapper<>(this, "steered");
    final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "steerNote", "");

    /** The chosen layer's first axis (its first principal component), or none. */
    void chooseFirstAxis(List<LayerAtlas> atlases) {
        int l = layer.get();
        axis.set(l >= 0 && l < atlases.size() && !atlases.get(l).axes().isEmpty() ? atlases.get(l).axes().getFirst() : null);
    }

    /** Steers the query; false when a job holds the network (steer again once it has returned). */
    boolean steer(float[] query, List<LayerAtlas> atlases, Exclusive<LoadedModel> network) {
        Axis u = axis.get();
        int l = layer.get();
        if (u == null || query == null || network == null || l < 0 || l >= atlases.size()) {
            steered.set(null);
            return true;
        }
        LayerAtlas at = atlases.get(l);
        double a = alpha.get();
        return network.tryUse(net -> {
            try {
                steered.set(Steering.steer(net, query, at.layer().index(), u.direction(), a));
                note.set(String.format(Locale.ROOT, "Layer %s: a + %.2f x %s, then the rest of the network.", at.layer().name(), a,
                        u.name()));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                steered.set(null);
                note.set(e.getMessage());
            }
        });
    }

    /** The spread of the chosen axis over the data, to scale the alpha slider. */
    double spread(List<LayerAtlas> atlases) {
        int l = layer.get();
        Axis u = axis.get();
        if (u == null || l < 0 || l >= atlases.size()) {
            return 1;
        }
        int i = atlases.get(l).axes().indexOf(u);
        return i >= 0 ? atlases.get(l).axisSpread()[i] : 1;
    }
}

package org.latentledger.ui.shell;

import java.util.List;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;

/**
 * What is open: a model (or none), a data set (or none), the layers the map can show and their
 * activations over the data. Immutable; a new one replaces it after each open.
 *
 * @param modelSource where the model came from, so "open data" keeps it
 * @param dataSource  where the data came from, so a new model can re-read it in its own input shape
 * @param activations one per layer, empty when there is nothing to map
 * @param mismatch    why the open data cannot go through the open model, or null
 */
record Session(LoadedModel model, Sources.ModelSource modelSource, ModelCard card, Dataset data, Sources.DataSource dataSource,
               List<LayerInfo> layers, List<LayerActivations> activations, String mismatch) {

    static final Session EMPTY = new Session(null, null, null, null, null, List.of(), List.of(), null);

    Session {
        layers = List.copyOf(layers);
        activations = List.copyOf(activations);
    }

    boolean canMap() {
        return !activations.isEmpty();
    }

    /** The layer to show first: the model's default, or the data itself when there is no model. */
    LayerInfo defaultLayer() {
        if (layers.isEmpty()) {
            return null;
        }
        return model == null ? layers.getFirst() : model.defaultMapLayer();
    }

    /**
     * The model's predicted class per point, when its output has one unit per class of the data
     * (a classifier of these labels); else null.
     */
    int[] predictions() {
        if (model == null || data == null || data.classCount() == 0 || model.network().limitation().isPresent()) {
            return null; // a model opened in part has no answers: its last row is not its output
        }
        org.latentledger.model.LayerActivations out = activations.getLast();
        if (out.width() != data.classCount()) {
            return null;
        }
        int[] p = new int[out.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = org.latentledger.model.Evaluation.argmax(out.values()[i]);
        }
        return p;
    }
}

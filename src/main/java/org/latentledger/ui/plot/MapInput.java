package org.latentledger.ui.plot;

import java.util.function.UnaryOperator;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerActivations;

/**
 * What the map of one layer is made from.
 *
 * @param activations the layer's activations over the data
 * @param data        the data set (labels, names, images)
 * @param predicted   the model's predicted class per point (indices into the data's classes), or null
 * @param modelHash   identity of the model for the cache ("none" without a model)
 * @param baseForm    a searched word's base form, where the rows are named by lemmas ("leaves" finds "leaf")
 */
public record MapInput(LayerActivations activations, Dataset data, int[] predicted, String modelHash, UnaryOperator<String> baseForm) {

    public MapInput(LayerActivations activations, Dataset data, int[] predicted, String modelHash) {
        this(activations, data, predicted, modelHash, UnaryOperator.identity());
    }
}

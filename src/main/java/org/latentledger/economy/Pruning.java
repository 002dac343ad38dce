package org.latentledger.economy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Magnitude pruning of a network's hidden dense layers: in each, the weights of largest magnitude are
 * kept (a share of them) and the rest set to exactly zero; the mask is applied again after every
 * training step so that pruned weights stay zero. Biases are not pruned. Ties at the threshold
 * are kept (so a layer may keep a few more than its share).
 */
final class Pruning {

    /** One layer's mask over its weight matrix (a view into the network's parameters). */
    record Mask(INDArray weights, INDArray keep) {
        void apply() {
            weights.muli(keep);
        }
    }

    private Pruning() {
    }

    /**
     * Prunes every hidden dense layer (not convolutions, not the output layer: its few weights
     * cost almost nothing and decide every answer) to keep {@code share} of its weights.
     */
    static List<Mask> prune(MultiLayerNetwork net, double share) {
        List<Mask> masks = new ArrayList<>();
        for (int i = 0; i + 1 < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            INDArray w = layer.getParam("W");
            if (w == null || !(conf instanceof FeedForwardLayer) || conf instanceof ConvolutionLayer) {
                continue;
            }
            float[] magnitudes = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int k = 0; k < magnitudes.length; k++) {
                magnitudes[k] = Math.abs(magnitudes[k]);
            }
            float[] sorted = magnitudes.clone();
            Arrays.sort(sorted);
            int kept = Math.max(1, (int) Math.ceil(share * sorted.length - 1e-9));
            float threshold = sorted[sorted.length - kept];
            float[] keep = new float[magnitudes.length];
            for (int k = 0; k < keep.length; k++) {
                keep[k] = magnitudes[k] >= threshold && magnitudes[k] > 0 ? 1f : 0f;
            }
            Mask m = new Mask(w, Nd4j.create(keep, w.shape(), 'c').castTo(w.dataType()));
            m.apply();
            masks.add(m);
        }
        return masks;
    }
}

package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.work.Progress;

/**
 * Every layer's activations over a data set whose rows are mostly zeros (bags of words), on the
 * sparse executor: natural zeros skip only inputs that are exactly zero, so the activations are
 * the dense pass's up to the order of float additions, for a fraction of its work (a text row of
 * ten words out of 8,000 reads ten rows of the first layer's weights, not 8,000). Only where every
 * layer runs on our own kernel; otherwise the caller records through the library.
 */
public final class SparseForward {

    /** Above this share of non-zero inputs a batched dense pass through the library is cheaper. */
    static final double MAX_DENSITY = 0.05;
    private static final int DENSITY_SAMPLE = 256;

    private SparseForward() {
    }

    /** The activations, or empty when the data is not sparse enough or the model has a layer our kernel does not run. */
    public static Optional<List<LayerActivations>> record(LoadedModel model, float[][] inputs, Progress progress) {
        if (inputs.length == 0 || density(inputs) > MAX_DENSITY) {
            return Optional.empty();
        }
        SparseNetwork net;
        try {
            net = new SparseNetwork(model);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int l = 0; l < net.layerCount(); l++) {
            if (!net.exact(l)) {
                return Optional.empty();
            }
        }
        ActivationRecorder.checkFits(model, inputs);
        List<LayerInfo> table = model.layers();
        float[][][] layers = new float[table.size()][inputs.length][];
        SparsityPolicy exact = new SparsityPolicy.NaturalZeros();
        for (int i = 0; i < inputs.length; i++) {
            if (i % 256 == 0) {
                progress.checkCancelled();
                progress.update((double) i / inputs.length, "Forward pass " + i + " / " + inputs.length + " (sparse rows)");
            }
            List<float[]> acts = net.run(inputs[i], exact).activations();
            for (int l = 0; l < table.size(); l++) {
                layers[l][i] = acts.get(l);
            }
        }
        List<LayerActivations> out = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            out.add(new LayerActivations(table.get(l), layers[l], 0, false));
        }
        return Optional.of(out);
    }

    /** The share of non-zero values in (up to) the first rows. */
    static double density(float[][] inputs) {
        long nonZero = 0;
        long all = 0;
        for (int i = 0; i < Math.min(DENSITY_SAMPLE, inputs.length); i++) {
            for (float v : inputs[i]) {
                nonZero += v != 0 ? 1 : 0;
            }
            all += inputs[i].length;
        }
        return all == 0 ? 1 : (double) nonZero / all;
    }
}

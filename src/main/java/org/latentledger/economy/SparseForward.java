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

    /**
     * The activations, or empty when the library records them faster: our kernel records bags of
     * words (almost all zeros: the rows of the first layer's weights that meet a zero are never
     * read), and convolutional networks whose every layer runs on our code (DL4J's convolution
     * costs about 4 ms a call in overhead; ours is plain arithmetic, on every core). Dense inputs
     * through dense layers stay with the library's batched matrix products.
     */
    public static Optional<List<LayerActivations>> record(LoadedModel model, float[][] inputs, Progress progress) {
        if (inputs.length == 0) {
            return Optional.empty();
        }
        boolean sparseRows = density(inputs) <= MAX_DENSITY;
        SparseNetwork net;
        try {
            net = new SparseNetwork(model);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean convolutional = false;
        for (int l = 0; l < net.layerCount(); l++) {
            if (!net.exact(l)) {
                return Optional.empty();
            }
            convolutional |= net.stage(l) instanceof Stage.Conv;
        }
        if (!sparseRows && !(convolutional && net.parallelSafe())) {
            return Optional.empty();
        }
        ActivationRecorder.checkFits(model, inputs);
        List<LayerInfo> table = model.layers();
        float[][][] layers = new float[table.size()][inputs.length][];
        // Natural zeros skip only exact zeros, so the activations are the dense pass's up to the order of additions.
        SparsityPolicy exact = new SparsityPolicy.NaturalZeros();
        int threads = sparseRows || !net.parallelSafe() ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        String what = sparseRows ? " (sparse rows)" : " (our convolution kernel, " + threads + " threads)";
        Blocks.run(inputs.length, threads, progress, "Forward pass", what, i -> {
            List<float[]> acts = net.run(inputs[i], exact).activations();
            for (int l = 0; l < table.size(); l++) {
                layers[l][i] = acts.get(l);
            }
        });
        List<LayerActivations> out = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            out.add(new LayerActivations(table.get(l), layers[l], channels(net.stage(l)), false));
        }
        return Optional.of(out);
    }

    /** A convolution's or pooling's feature maps (channels first, as our kernel lays them out); 0 for a dense layer. */
    private static int channels(Stage s) {
        return switch (s) {
            case Stage.Conv c -> c.g().outChannels();
            case Stage.MaxPool m -> m.g().outChannels();
            default -> 0;
        };
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

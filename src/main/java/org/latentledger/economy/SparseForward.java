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
 * Every layer's activations over a data set on the sparse executor: natural zeros skip only
 * inputs that are exactly zero, so the activations are the dense pass's up to the order of float
 * additions, for a fraction of its work (a text row of ten words out of 8,000 reads ten rows of
 * the first layer's weights, not 8,000; an image about half of them). Only where every layer runs
 * on our own kernel; otherwise the caller records through the library.
 */
public final class SparseForward {

    private SparseForward() {
    }

    /**
     * The activations when every layer runs on our own kernel, else empty (the caller records
     * through the library). Ours is faster on every bundled model (docs/benchmarks.md, "Open to a
     * map"): natural zeros skip the weight rows that meet a zero (bags of words are almost all
     * zeros, images and ReLU outputs about half), there is no per-call overhead (about 4 ms a call
     * for DL4J's convolution), and the inputs are shared out over every core.
     */
    public static Optional<List<LayerActivations>> record(LoadedModel model, float[][] inputs, Progress progress) {
        return record(model, inputs, progress, l -> true);
    }

    /**
     * As {@link #record(LoadedModel, float[][], Progress)}, but only the layers {@code now} accepts
     * (by their row in the layer table) are recorded by this pass; the others are recorded together,
     * by one more pass, the first time any of them is read ({@link LayerActivations#later}).
     *
     * <p>Why: an opening shows one layer's map and the model's outputs first, while a pass that keeps
     * every layer holds them all in memory (fashion-cnn: about 570 MB over 10,000 images, its first
     * convolution alone 369 MB) and the collector copies what it keeps: its pass took 1.07-1.10 s
     * keeping every layer, 0.89-0.91 s keeping the last two (docs/benchmarks.md, session 13). The
     * journey's maps of every layer, or a map of another layer, read the rest when they are made,
     * off the JavaFX thread; the values are those the whole pass gives, to the bit.
     */
    public static Optional<List<LayerActivations>> record(LoadedModel model, float[][] inputs, Progress progress,
                                                          java.util.function.IntPredicate now) {
        if (inputs.length == 0) {
            return Optional.empty();
        }
        SparseNetwork net = kernelFor(model);
        if (net == null) {
            return Optional.empty();
        }
        ActivationRecorder.checkFits(model, inputs);
        List<LayerInfo> table = model.layers();
        boolean[] keep = new boolean[table.size()];
        boolean allNow = true;
        for (int l = 0; l < keep.length; l++) {
            keep[l] = now.test(l);
            allNow &= keep[l];
        }
        float[][][] layers = pass(net, inputs, keep, progress);
        LaterLayers later = allNow ? null : new LaterLayers(net, inputs, keep);
        List<LayerActivations> out = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            int channels = channels(net.stage(l));
            if (keep[l]) {
                out.add(new LayerActivations(table.get(l), layers[l], channels, false));
            } else {
                int row = l;
                out.add(LayerActivations.later(table.get(l), inputs.length, (int) table.get(l).units(), channels, false,
                        reader -> later.layer(row, reader)));
            }
        }
        return Optional.of(out);
    }

    /** Every input through {@code net}, keeping the layers {@code keep} marks (the others' rows null). */
    static float[][][] pass(SparseNetwork net, float[][] inputs, boolean[] keep, Progress progress) {
        float[][][] layers = new float[keep.length][][];
        for (int l = 0; l < keep.length; l++) {
            layers[l] = keep[l] ? new float[inputs.length][] : null;
        }
        // Natural zeros skip only exact zeros, so the activations are the dense pass's up to the order of additions.
        SparsityPolicy exact = new SparsityPolicy.NaturalZeros();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Blocks.run(inputs.length, threads, progress, "Forward pass", " (our kernel)", i -> {
            List<float[]> acts = net.run(inputs[i], exact).activations();
            for (int l = 0; l < keep.length; l++) {
                if (keep[l]) {
                    layers[l][i] = acts.get(l);
                }
            }
        });
        return layers;
    }

    /** The layers an opening left for later, recorded together by one pass the first time one of them is read. */
    private static final class LaterLayers {
        private final SparseNetwork net;
        private final float[][] inputs;
        private final boolean[] later;
        private float[][][] recorded;

        LaterLayers(SparseNetwork net, float[][] inputs, boolean[] recordedNow) {
            this.net = net;
            this.inputs = inputs;
            this.later = new boolean[recordedNow.length];
            for (int l = 0; l < later.length; l++) {
                later[l] = !recordedNow[l];
            }
        }

        /** A pass stopped by {@code progress} keeps nothing: the next read records them all again. */
        synchronized float[][] layer(int l, Progress progress) {
            if (recorded == null) {
                recorded = pass(net, inputs, later, progress);
            }
            return recorded[l];
        }
    }

    /**
     * The model's outputs (its last layer's activations) for every input: on our kernel, on every
     * core, when every layer runs on it, else through the library. A bag of words of ten words out
     * of 8,000 reads ten rows of the first layer's weights on ours, all 8,000 through the library.
     */
    public static float[][] outputs(LoadedModel model, float[][] inputs) {
        SparseNetwork net = inputs.length == 0 ? null : kernelFor(model);
        if (net == null) {
            return ActivationRecorder.predict(model, inputs);
        }
        ActivationRecorder.checkFits(model, inputs);
        float[][] out = new float[inputs.length][];
        SparsityPolicy exact = new SparsityPolicy.NaturalZeros();
        Blocks.run(inputs.length, Math.max(1, Runtime.getRuntime().availableProcessors()), Progress.NONE, "Outputs", " (our kernel)",
                i -> out[i] = net.run(inputs[i], exact).activations().getLast());
        return out;
    }

    /** Our kernel for the model when all its layers run on it and it may run on several threads at once; else null. */
    private static SparseNetwork kernelFor(LoadedModel model) {
        try {
            SparseNetwork net = new SparseNetwork(model);
            return net.parallelSafe() ? net : null;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A convolution's or pooling's feature maps (channels first, as our kernel lays them out); 0 for a dense layer. */
    private static int channels(Stage s) {
        return switch (s) {
            case Stage.Conv c -> c.g().outChannels();
            case Stage.MaxPool m -> m.g().outChannels();
            default -> 0;
        };
    }
}

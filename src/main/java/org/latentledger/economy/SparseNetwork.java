package org.latentledger.economy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.SequentialNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer-by-layer network that really skips work: dense layers run on our own kernel over only
 * the live input rows of W (and, for latent routing, only the chosen output columns); other
 * layers (convolutions, pooling) run through DL4J on the sparsified input, their effective cost
 * estimated from the input's density. Built from a MultiLayerNetwork; one query at a time.
 */
public final class SparseNetwork {

    private sealed interface Stage permits DenseStage, LibraryStage {
        LayerInfo info();
    }

    /**
     * A dense layer on our kernel. {@code pruned} holds W's rows compressed (only their non-zero
     * weights) when pruning left at most {@link #COMPRESSED_DENSITY} of them, else null; {@code
     * rowNonZeros} counts each row's non-zero weights, so the costs count the multiplies and the
     * weights read that really happen.
     */
    private record DenseStage(LayerInfo info, float[][] w, float[] b, IActivation activation, CompressedRows pruned,
                              int[] rowNonZeros) implements Stage {

        /** Multiplies over the live inputs: the non-zero weights of their rows. */
        long liveWeights(float[] a) {
            long n = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0f) {
                    n += rowNonZeros[i];
                }
            }
            return n;
        }
    }

    /** Below this share of non-zero weights a layer's rows are kept compressed and the kernel visits only those weights. */
    static final double COMPRESSED_DENSITY = 0.5;

    private record LibraryStage(LayerInfo info, Layer layer, InputPreProcessor pre, boolean conv, long weights) implements Stage {
    }

    private final LoadedModel model;
    private final List<Stage> stages = new ArrayList<>();
    private final Map<Integer, float[][][]> routers = new HashMap<>();

    public SparseNetwork(LoadedModel model) {
        if (!(model.network() instanceof SequentialNetwork seq)) {
            throw new UnsupportedOperationException("the ledger runs layer-by-layer networks (MultiLayerNetwork); "
                    + model.name() + " is a " + model.network().structure());
        }
        this.model = model;
        MultiLayerNetwork net = seq.network();
        List<LayerInfo> table = model.layers();
        for (int i = 0; i < table.size(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            boolean denseLayer = conf instanceof FeedForwardLayer && !(conf instanceof ConvolutionLayer)
                    && layer.getParam("W") != null && pre == null;
            if (denseLayer) {
                INDArray w = layer.getParam("W").castTo(DataType.FLOAT);
                INDArray b = layer.getParam("b").castTo(DataType.FLOAT);
                float[][] rows = rows(w);
                CompressedRows compressed = CompressedRows.of(rows);
                stages.add(new DenseStage(table.get(i), rows, b.dup('c').data().asFloat(),
                        ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn(),
                        compressed.density() <= COMPRESSED_DENSITY ? compressed : null, compressed.rowNonZeros()));
            } else {
                long weights = layer.getParam("W") == null ? 0 : layer.getParam("W").length();
                stages.add(new LibraryStage(table.get(i), layer, pre, conf instanceof ConvolutionLayer, weights));
            }
        }
    }

    /** A weight matrix as rows, by one bulk copy of its buffer (INDArray.toFloatMatrix reads element by element). */
    private static float[][] rows(INDArray w) {
        INDArray c = w.dup('c');
        int nIn = (int) c.size(0);
        int nOut = (int) c.size(1);
        float[] flat = c.data().asFloat();
        float[][] out = new float[nIn][nOut];
        for (int r = 0; r < nIn; r++) {
            System.arraycopy(flat, r * nOut, out[r], 0, nOut);
        }
        return out;
    }

    public LoadedModel model() {
        return model;
    }

    public int layerCount() {
        return stages.size();
    }

    /** True where layer l runs on our kernel (its costs are exact); false where DL4J runs it (estimated). */
    public boolean exact(int l) {
        return stages.get(l) instanceof DenseStage;
    }

    /**
     * One inference of one input under the policy. The policy acts on every hidden layer's
     * output; the output layer is always computed in full (over its live inputs).
     */
    public Pass run(float[] input, SparsityPolicy policy) {
        List<float[]> acts = new ArrayList<>();
        List<LayerCost> costs = new ArrayList<>();
        float[] cur = input;
        long[] shape = model.input().batchShape(1);
        int last = stages.size() - 1;
        for (int l = 0; l <= last; l++) {
            Stage stage = stages.get(l);
            int nIn = cur.length;
            float[] out;
            LayerCost cost;
            if (stage instanceof DenseStage d) {
                int nOut = d.b().length;
                float[] z = new float[nOut];
                long dense = (long) nIn * nOut;
                if (policy instanceof SparsityPolicy.Dense) {
                    int active = nonZero(cur);
                    DenseKernel.all(d.w(), d.b(), cur, z);
                    out = activate(d.activation(), z);
                    cost = new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense, dense, dense, dense, nOut, false);
                } else if (policy instanceof SparsityPolicy.LatentRouted r && l < last) {
                    int active = nonZero(cur);
                    int k = r.k(nOut);
                    int rank = Math.min(r.rank(), Math.min(nIn, nOut));
                    int[] chosen = route(l, d, cur, rank, k);
                    long exact = DenseKernel.columns(d.w(), d.b(), cur, chosen, z);
                    out = activateChosen(d.activation(), z, chosen);
                    long predictor = (long) rank * (active + nOut);
                    cost = new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense, predictor + exact, dense, predictor + exact,
                            k, false);
                } else {
                    long eff;
                    int active;
                    if (d.pruned() != null) {
                        CompressedRows.Work work = d.pruned().live(d.b(), cur, z); // counts as it goes: no other scan of the input
                        eff = work.multiplies();
                        active = work.liveInputs();
                    } else {
                        active = DenseKernel.live(d.w(), d.b(), cur, z);
                        eff = d.liveWeights(cur);
                    }
                    out = activate(d.activation(), z);
                    cost = new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense, eff, dense, eff, nOut, false);
                }
                shape = new long[] {1, nOut};
            } else {
                LibraryStage s = (LibraryStage) stage;
                int active = nonZero(cur);
                LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
                INDArray x = Nd4j.create(cur).reshape('c', shape);
                if (s.pre() != null) {
                    x = s.pre().preProcess(x, 1, mgr);
                }
                s.layer().setInputMiniBatchSize(1); // layers remember the batch size of their last use
                INDArray y = s.layer().activate(x, false, mgr).castTo(DataType.FLOAT).dup('c');
                shape = y.shape();
                out = y.data().asFloat(); // y is a fresh c-ordered copy: its buffer is exactly its elements
                long dense = s.info().denseMacs();
                double density = nIn == 0 ? 0 : (double) active / nIn;
                boolean skip = !(policy instanceof SparsityPolicy.Dense);
                long eff = skip ? Math.round(dense * density) : dense;
                long reads = skip ? Math.round(s.weights() * density) : s.weights();
                cost = new LayerCost(s.info().name(), s.conv() ? "conv" : s.info().type(), nIn, out.length, active, dense, eff,
                        s.weights(), reads, out.length, s.conv());
            }
            if (l < last) {
                out = sparsify(out, policy);
            }
            acts.add(out);
            costs.add(cost);
            cur = out;
        }
        return new Pass(policy, acts, costs, cur);
    }

    /** TopK and Threshold act on a hidden layer's output; the other policies leave it as it is. */
    static float[] sparsify(float[] a, SparsityPolicy policy) {
        return switch (policy) {
            case SparsityPolicy.TopK t -> KLargest.byMagnitude(a, t.k(a.length));
            case SparsityPolicy.Threshold t -> {
                float[] out = a.clone();
                for (int i = 0; i < out.length; i++) {
                    if (Math.abs(out[i]) <= t.t()) {
                        out[i] = 0f;
                    }
                }
                yield out;
            }
            default -> a;
        };
    }

    /** The k outputs whose predicted pre-activation (through the rank-r factorisation) is largest. */
    private int[] route(int l, DenseStage d, float[] a, int rank, int k) {
        float[][][] f = routers.computeIfAbsent(l * 10_000 + rank, key -> LowRank.of(d.w(), rank));
        float[][] left = f[0]; // n_in x r
        float[][] right = f[1]; // r x n_out
        float[] h = new float[rank];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0f) {
                DenseKernel.axpy(a[i], left[i], h);
            }
        }
        float[] predicted = d.b().clone();
        for (int q = 0; q < rank; q++) {
            DenseKernel.axpy(h[q], right[q], predicted);
        }
        // The largest predicted pre-activations (what a ReLU would let through), lower index first on ties.
        return KLargest.indices(predicted, k);
    }

    private static float[] activate(IActivation f, float[] z) {
        float[] out = new float[z.length];
        switch (f) {
            case KWinners k -> {
                return k.apply(z);
            }
            case ActivationReLU r -> {
                for (int j = 0; j < z.length; j++) {
                    out[j] = z[j] > 0 ? z[j] : 0f;
                }
            }
            case ActivationIdentity i -> System.arraycopy(z, 0, out, 0, z.length);
            case ActivationSigmoid s -> {
                for (int j = 0; j < z.length; j++) {
                    out[j] = (float) (1 / (1 + Math.exp(-z[j])));
                }
            }
            case ActivationTanH t -> {
                for (int j = 0; j < z.length; j++) {
                    out[j] = (float) Math.tanh(z[j]);
                }
            }
            case ActivationSoftmax s -> {
                float max = Float.NEGATIVE_INFINITY;
                for (float v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int j = 0; j < z.length; j++) {
                    double e = Math.exp(z[j] - max);
                    out[j] = (float) e;
                    sum += e;
                }
                for (int j = 0; j < z.length; j++) {
                    out[j] = (float) (out[j] / sum);
                }
            }
            default -> {
                INDArray arr = Nd4j.create(z).reshape(1, z.length);
                return f.getActivation(arr, false).castTo(DataType.FLOAT).toFloatVector();
            }
        }
        return out;
    }

    /** The activation of the chosen outputs; the others are off (exactly zero). */
    private static float[] activateChosen(IActivation f, float[] z, int[] chosen) {
        if (f instanceof KWinners k) {
            return k.applyAmong(z, chosen); // the winners among what was computed, not among the zeros left out
        }
        float[] all = activate(f, z);
        float[] out = new float[z.length];
        for (int c : chosen) {
            out[c] = all[c];
        }
        return out;
    }

    static int nonZero(float[] a) {
        int n = 0;
        for (float v : a) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }
}

package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentledger.model.GraphNetwork;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.OnnxNetwork;
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
 * A network that really skips work: dense layers run on our own kernel over only the live input
 * rows of W (and, for latent routing, only the chosen output columns); other layers run through
 * their framework (DL4J, or ONNX Runtime for an ONNX graph) on the sparsified input, a plain
 * convolution's work counted exactly from its input's zeros. A DL4J network's plain convolutions
 * (channels first) and max pooling also run on our own code, so a network of such layers and
 * dense ones needs no framework in its passes, and its passes may run side by side. Built from a MultiLayerNetwork, a
 * ComputationGraph or an ONNX graph (whose rows may read any earlier rows: merges, residual adds);
 * one query at a time.
 */
public final class SparseNetwork {

    /** Below this share of non-zero weights a layer's rows are kept compressed and the kernel visits only those weights. */
    static final double COMPRESSED_DENSITY = 0.5;

    private final LoadedModel model;
    private final List<Stage> stages;
    private final Map<Integer, float[][][]> routers = new java.util.concurrent.ConcurrentHashMap<>(); // passes may run side by side

    public SparseNetwork(LoadedModel model) {
        this(model, true);
    }

    /** With {@code ownCode} false, a DL4J network's convolutions and pooling run through DL4J (for tests that compare the two). */
    SparseNetwork(LoadedModel model, boolean ownCode) {
        this.model = model;
        java.util.Optional<String> part = model.network().limitation();
        if (part.isPresent()) {
            throw new UnsupportedOperationException("The ledger compares the model's own answers, and this model was opened in part: " + part.get());
        }
        stages = switch (model.network()) {
            case SequentialNetwork seq -> Dl4jStages.of(seq.network(), model.layers(), model.input().batchShape(1), ownCode);
            case OnnxNetwork onnx -> OnnxStages.of(onnx, model.layers());
            case GraphNetwork graph -> GraphStages.of(graph, model.layers());
        };
    }

    public LoadedModel model() {
        return model;
    }

    /** Layer l as the executor runs it (for tests). */
    Stage stage(int l) {
        return stages.get(l);
    }

    public int layerCount() {
        return stages.size();
    }

    /**
     * True where layer l runs on our own kernel: its weights are copied here, so the pass needs
     * neither the model nor its framework (the other layers run through DL4J or ONNX Runtime).
     */
    public boolean exact(int l) {
        return ownCode(stages.get(l));
    }

    /**
     * True when every layer runs on our own code: a pass then touches no framework object (DL4J
     * layers keep their last input, ONNX sessions their buffers), so passes may run on several
     * threads at once.
     */
    public boolean parallelSafe() {
        return stages.stream().allMatch(SparseNetwork::ownCode);
    }

    private static boolean ownCode(Stage s) {
        return s instanceof Stage.Dense || s instanceof Stage.Conv || s instanceof Stage.MaxPool;
    }

    /** What runs the layers that are not on our kernel: "DL4J" or "ONNX Runtime". */
    public String framework() {
        return model.network() instanceof OnnxNetwork ? "ONNX Runtime" : "DL4J";
    }

    /**
     * One inference of one input under the policy. The policy acts on every hidden layer's
     * output; the output layer is always computed in full (over its live inputs).
     */
    public Pass run(float[] input, SparsityPolicy policy) {
        return run(input, policy, null);
    }

    /**
     * The first layer's output (before the policy), its cost and its shape, when every policy
     * that {@link #sharesHead} computes it the same way from the same input: a sweep computes it
     * once per input for all its settings.
     */
    record Head(float[] out, LayerCost cost, long[] shape) {
    }

    /**
     * True when the first layer does the same work under this policy as under any other that
     * shares: a convolution or pooling under every policy but Dense (whose costs count every
     * connection), a dense layer under those that skip the zeros of its input (not latent
     * routing, whose columns depend on k).
     */
    boolean sharesHead(SparsityPolicy policy) {
        Stage first = stages.getFirst();
        return !(policy instanceof SparsityPolicy.Dense) && first.from()[0] < 0
                && (first instanceof Stage.Conv || first instanceof Stage.MaxPool
                || first instanceof Stage.Dense && !(policy instanceof SparsityPolicy.LatentRouted) && stages.size() > 1);
    }

    /** The first layer under a policy that {@link #sharesHead}. */
    Head head(float[] input, SparsityPolicy policy) {
        if (!sharesHead(policy)) {
            throw new IllegalArgumentException("the first layer's work under " + policy.spec() + " is its own");
        }
        Step s = step(0, input, new ArrayList<>(), new ArrayList<>(), policy);
        return new Head(s.out(), s.cost(), s.shape());
    }

    /** One inference, the first layer taken from {@code head} when it is given (computed under a policy that shares it). */
    Pass run(float[] input, SparsityPolicy policy, Head head) {
        if (head != null && !sharesHead(policy)) {
            throw new IllegalArgumentException("the first layer's work under " + policy.spec() + " is its own");
        }
        List<float[]> acts = new ArrayList<>();
        List<LayerCost> costs = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>(); // batch-1 shapes of the DL4J layers' outputs
        int last = stages.size() - 1;
        float[] out = input;
        for (int l = 0; l <= last; l++) {
            Step step = l == 0 && head != null ? new Step(head.out(), head.cost(), head.shape()) : step(l, input, acts, shapes, policy);
            out = step.out();
            shapes.add(step.shape());
            if (l < last) {
                out = sparsify(out, policy);
            }
            acts.add(out);
            costs.add(step.cost());
        }
        return new Pass(policy, acts, costs, out);
    }

    /** A layer's output before the policy, its cost, and its batch-1 shape (null where no framework reads it). */
    private record Step(float[] out, LayerCost cost, long[] shape) {
    }

    /** Layer l on the activations so far. */
    private Step step(int l, float[] input, List<float[]> acts, List<long[]> shapes, SparsityPolicy policy) {
        long[] inputShape = model.input().batchShape(1);
        int last = stages.size() - 1;
        float[] out;
        long[] shape;
        Stage stage = stages.get(l);
        int src = stage.from()[0];
        float[] cur = src < 0 ? input : acts.get(src);
        int nIn = cur.length;
        LayerCost cost;
        switch (stage) {
            case Stage.Dense d -> {
                Computed c = dense(l, d, cur, policy, l == last);
                out = c.out();
                cost = c.cost();
                shape = new long[] {1, d.b().length};
            }
            case Stage.Conv c -> {
                int active = nonZero(cur);
                ConvKernel.Result r = ConvKernel.convolve(c.g(), c.w(), c.b(), cur);
                out = activate(c.activation(), r.z());
                shape = c.shape();
                long dense = c.info().denseMacs();
                ConvCount.Work w = policy instanceof SparsityPolicy.Dense ? new ConvCount.Work(dense, c.g().weights()) : r.work();
                cost = new LayerCost(c.info().name(), "conv", nIn, out.length, active, dense, w.macs(), c.g().weights(), w.weightsRead(),
                        out.length, false);
            }
            case Stage.MaxPool m -> {
                int active = nonZero(cur);
                out = ConvKernel.maxPool(m.g(), cur);
                shape = m.shape();
                long dense = m.info().denseMacs(); // a maximum multiplies nothing: 0, as in the table
                long eff = policy instanceof SparsityPolicy.Dense || nIn == 0 ? dense : Math.round(dense * ((double) active / nIn));
                cost = new LayerCost(m.info().name(), m.info().type(), nIn, out.length, active, dense, eff, 0, 0, out.length, false);
            }
            case Stage.Library s -> {
                int active = nonZero(cur);
                LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
                INDArray x = Nd4j.create(cur).reshape('c', src < 0 ? inputShape : shapes.get(src));
                if (s.pre() != null) {
                    x = s.pre().preProcess(x, 1, mgr);
                }
                s.layer().setInputMiniBatchSize(1); // layers remember the batch size of their last use
                INDArray y = s.layer().activate(x, false, mgr).castTo(DataType.FLOAT).dup('c');
                shape = y.shape();
                out = y.data().asFloat(); // y is a fresh c-ordered copy: its buffer is exactly its elements
                long dense = s.info().denseMacs();
                boolean skip = !(policy instanceof SparsityPolicy.Dense);
                if (s.conv() != null) {
                    ConvCount.Work w = skip ? ConvCount.of(Dl4jStages.geometry(s.conv(), x.shape(), y.shape()), x.dup('c').data().asFloat())
                            : new ConvCount.Work(dense, s.weights());
                    cost = new LayerCost(s.info().name(), "conv", nIn, out.length, active, dense, w.macs(), s.weights(), w.weightsRead(),
                            out.length, false);
                } else {
                    double density = nIn == 0 ? 0 : (double) active / nIn;
                    long eff = skip ? Math.round(dense * density) : dense;
                    long reads = skip ? Math.round(s.weights() * density) : s.weights();
                    cost = new LayerCost(s.info().name(), s.convolution() ? "conv" : s.info().type(), nIn, out.length, active, dense, eff,
                            s.weights(), reads, out.length, s.convolution());
                }
            }
            case Stage.Vertex v -> {
                INDArray[] ins = new INDArray[v.from().length];
                int active = 0;
                int width = 0;
                for (int k = 0; k < ins.length; k++) {
                    int f = v.from()[k];
                    float[] a = f < 0 ? input : acts.get(f);
                    ins[k] = Nd4j.create(a).reshape('c', f < 0 ? inputShape : shapes.get(f));
                    active += nonZero(a);
                    width += a.length;
                }
                v.vertex().setInputs(ins);
                INDArray y = v.vertex().doForward(false, LayerWorkspaceMgr.noWorkspaces()).castTo(DataType.FLOAT).dup('c');
                shape = y.shape();
                out = y.data().asFloat();
                long dense = v.info().denseMacs(); // merges and element-wise vertices: 0, as in the table
                cost = new LayerCost(v.info().name(), v.info().type(), width, out.length, active, dense, dense, 0, 0, out.length, false);
            }
            case Stage.Onnx o -> {
                List<float[]> ins = new ArrayList<>();
                int active = 0;
                for (int f : o.from()) {
                    float[] a = f < 0 ? input : acts.get(f);
                    ins.add(a);
                    active += nonZero(a);
                }
                int width = ins.stream().mapToInt(a -> a.length).sum();
                out = o.network().runRow(o.row(), ins);
                shape = null;
                long dense = o.info().denseMacs();
                boolean skip = !(policy instanceof SparsityPolicy.Dense);
                ConvCount.Work w = o.conv() == null ? new ConvCount.Work(dense, o.weights())
                        : skip ? ConvCount.of(o.conv(), ins.get(0)) : new ConvCount.Work(dense, o.conv().weights());
                long denseReads = o.conv() == null ? o.weights() : o.conv().weights();
                cost = new LayerCost(o.info().name(), o.conv() != null ? "conv" : o.info().type(), width, out.length, active, dense,
                        w.macs(), denseReads, w.weightsRead(), out.length, false);
            }
        }
        return new Step(out, cost, shape);
    }

    private record Computed(float[] out, LayerCost cost) {
    }

    /** A dense layer on our kernel under the policy: every row, only the routed columns, or only the live rows. */
    private Computed dense(int l, Stage.Dense d, float[] cur, SparsityPolicy policy, boolean last) {
        int nIn = cur.length;
        int nOut = d.b().length;
        float[] z = new float[nOut];
        long dense = (long) nIn * nOut;
        if (policy instanceof SparsityPolicy.Dense) {
            int active = nonZero(cur);
            DenseKernel.all(d.w(), d.b(), cur, z);
            return new Computed(activate(d.activation(), z),
                    new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense, dense, dense, dense, nOut, false));
        }
        if (policy instanceof SparsityPolicy.LatentRouted r && !last) {
            int active = nonZero(cur);
            int k = r.k(nOut);
            int rank = Math.min(r.rank(), Math.min(nIn, nOut));
            int[] chosen = route(l, d, cur, rank, k);
            long exact = DenseKernel.columns(d.w(), d.b(), cur, chosen, z);
            long predictor = (long) rank * (active + nOut);
            return new Computed(activateChosen(d.activation(), z, chosen), new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense,
                    predictor + exact, dense, predictor + exact, k, false));
        }
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
        return new Computed(activate(d.activation(), z), new LayerCost(d.info().name(), "dense", nIn, nOut, active, dense, eff, dense, eff,
                nOut, false));
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
    private int[] route(int l, Stage.Dense d, float[] a, int rank, int k) {
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

    static float[] activate(IActivation f, float[] z) {
        float[] out = new float[z.length];
        switch (f) {
            case KWinners k -> {
                return k.apply(z);
            }
            case ActivationReLU r -> {
                for (int j = 0; j < z.length; j++) {
                    // z > 0 ? z : 0 without a branch (about half of a layer's outputs go each way, which the
                    // branch predictor cannot learn): all ones where the bits are in (0, +inf], else none, so
                    // negatives, both zeros and NaN become +0 as the comparison makes them.
                    int bits = Float.floatToRawIntBits(z[j]);
                    out[j] = Float.intBitsToFloat(bits & ((-bits & (bits - 0x7f800001)) >> 31));
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
            // v != 0 without a branch: the bits without the sign are 0 only for +0 and -0 (NaN counts, as v != 0 says).
            int b = Float.floatToRawIntBits(v) << 1;
            n += (b | -b) >>> 31;
        }
        return n;
    }
}

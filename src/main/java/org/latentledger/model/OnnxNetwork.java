package org.latentledger.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ONNX model (as PyTorch's {@code torch.onnx.export} or tf2onnx write it) run by ONNX Runtime.
 * Every row's tensor is made a graph output, so one run returns the activations of every row;
 * ONNX Runtime infers their shapes, and one probe run on zeros gives them to the layer table.
 * Resuming from a row (steering) runs the rest of the graph as a model of its own, whose input is
 * that row's tensor; where a branch crosses the cut (a residual Add reads an earlier tensor), the
 * whole graph runs with that row's tensor made an input, everything else computed from the query.
 */
public final class OnnxNetwork implements Network {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "latent-ledger");

    private final OnnxGraph graph;
    private final OrtSession session;
    private final List<String> outputs = new ArrayList<>(); // one per row, then the graph's output
    private final InputSpec input;
    private final int fixedBatch; // > 0 when the file fixes the batch size (runs go in chunks of it)
    private final List<LayerInfo> layers = new ArrayList<>();
    private final Map<Integer, OrtSession> rests = new HashMap<>();
    private final Map<Integer, OrtSession> rowSessions = new HashMap<>();
    private final Map<Integer, OrtSession> replaced = new HashMap<>();
    private final List<long[]> shapes;
    /** Null for the whole graph; else why it was opened in part ("it stops before node ..."). */
    private final String stoppedBefore;

    /**
     * Opens the graph; where ONNX Runtime lacks an operator, the part before the first node that
     * needs it (so its map and journey can still be shown), or a refusal naming the node when
     * nothing computes before it.
     */
    static OnnxNetwork open(OnnxGraph graph, String source) throws ModelLoadException {
        String stopped = null;
        while (true) {
            try {
                return new OnnxNetwork(graph, source, stopped);
            } catch (ModelLoadException e) {
                int node = e.getCause() instanceof OrtException ort ? unregisteredNode(graph, ort) : -1;
                OnnxGraph cut = node < 0 ? null : graph.before(node, source);
                if (cut == null) {
                    throw e;
                }
                OnnxGraph.Node n = graph.nodes.get(node);
                String here = "node '" + n.label() + "' (operator " + n.op() + ", which ONNX Runtime does not implement)";
                stopped = "it stops before " + here + ", so the layers after it, its answer, steering and the "
                        + "ledger are not available; export the model without that operator to see them";
                graph = cut; // should the part lack another operator, the next turn stops before that one
            }
        }
    }

    /** The index of the first node whose operator ONNX Runtime said it lacks, or -1. */
    private static int unregisteredNode(OnnxGraph graph, OrtException e) {
        String op = lackingOperator(e);
        for (int i = 0; op != null && i < graph.nodes.size(); i++) {
            if (graph.nodes.get(i).op().equals(op)) {
                return i;
            }
        }
        return -1;
    }

    private static String lackingOperator(Exception e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher r = java.util.regex.Pattern.compile("No Op registered for (\\S+)").matcher(m);
        if (r.find()) {
            return r.group(1);
        }
        java.util.regex.Matcher f = java.util.regex.Pattern.compile("(?:[\\w.]+:)?(\\w+)\\(-?\\d+\\) is not a registered function/op").matcher(m);
        return f.find() ? f.group(1) : null;
    }

    OnnxNetwork(OnnxGraph graph, String source) throws ModelLoadException {
        this(graph, source, null);
    }

    private OnnxNetwork(OnnxGraph graph, String source, String stoppedBefore) throws ModelLoadException {
        this.graph = graph;
        this.stoppedBefore = stoppedBefore;
        long[] d = graph.inputDims;
        if (d.length < 2 || Arrays.stream(d, 1, d.length).anyMatch(x -> x <= 0)) {
            throw new ModelLoadException(source, "an ONNX model whose input has a fixed shape after the batch (e.g. [batch, 784] or "
                    + "[batch, 1, 28, 28])", "input '" + graph.input + "' shaped " + describe(d), null);
        }
        fixedBatch = d[0] > 0 ? (int) d[0] : 0;
        input = d.length == 4 ? InputSpec.image((int) d[2], (int) d[3], (int) d[1], false, false)
                : InputSpec.vector(Arrays.stream(d, 1, d.length).reduce(1, (a, b) -> a * b));
        graph.rows.forEach(r -> outputs.add(r.output()));
        if (!outputs.contains(graph.output)) {
            outputs.add(graph.output);
        }
        try {
            session = ENV.createSession(withOutputs(graph.model, outputs).toByteArray(), options());
        } catch (OrtException e) {
            throw new ModelLoadException(source, "an ONNX model ONNX Runtime can run", refusal(graph, e), e);
        }
        shapes = probeShapes(source);
        long[] previous = Arrays.copyOfRange(d, 1, d.length);
        for (int i = 0; i < graph.rows.size(); i++) {
            OnnxGraph.Row row = graph.rows.get(i);
            long[] out = shapes.get(i);
            long units = Arrays.stream(out).reduce(1, (a, b) -> a * b);
            long[] in = inputShapeOf(row, shapes, previous);
            long params = row.nodes().stream().flatMap(n -> n.inputs().stream()).distinct().map(graph::weight)
                    .filter(java.util.Objects::nonNull).mapToLong(t -> t.values().length).sum();
            layers.add(new LayerInfo(i, row.main().label(), OnnxCost.type(row, i == graph.rows.size() - 1 && stoppedBefore == null), shape(in), shape(out), units,
                    params, row.activation(), OnnxCost.denseMacs(graph, row, in, out)));
            previous = out;
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        return o;
    }

    /** The model with the given tensors as its outputs (their types left for ONNX Runtime to infer). */
    static Onnx.ModelProto withOutputs(Onnx.ModelProto m, List<String> names) {
        Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        Set<String> present = g.getOutputList().stream().map(Onnx.ValueInfoProto::getName).collect(Collectors.toSet());
        for (String n : names) {
            if (!present.contains(n)) {
                g.addOutput(Onnx.ValueInfoProto.newBuilder().setName(n).build());
            }
        }
        return m.toBuilder().setGraph(g).build();
    }

    private List<long[]> probeShapes(String source) throws ModelLoadException {
        try (OnnxTensor zeros = OnnxTensor.createTensor(ENV, FloatBuffer.allocate((int) input.size()), batchDims(1));
             OrtSession.Result r = session.run(Map.of(graph.input, zeros))) {
            List<long[]> shapes = new ArrayList<>();
            for (String name : outputs) {
                long[] s = ((OnnxTensor) r.get(name).orElseThrow()).getInfo().getShape();
                shapes.add(Arrays.copyOfRange(s, 1, s.length));
            }
            return shapes;
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(source, "an ONNX model ONNX Runtime can run", "a graph that failed on a zero input: " + firstLine(e), e);
        }
    }

    /** A row's input shape: the tensor its main node reads (the previous row's output when that is a reshape away). */
    private long[] inputShapeOf(OnnxGraph.Row row, List<long[]> shapes, long[] previous) {
        String in = row.main().inputs().get(0);
        if (in.equals(graph.input)) {
            return Arrays.copyOfRange(graph.inputDims, 1, graph.inputDims.length);
        }
        for (int j = 0; j < graph.rows.size(); j++) {
            if (graph.rows.get(j).output().equals(in)) {
                return shapes.get(j);
            }
        }
        if (row.main().op().equals("Gemm") || row.main().op().equals("MatMul")) {
            OnnxGraph.Tensor w = graph.weight(row.main().inputs().get(1));
            if (w != null && w.dims().length == 2) { // after a Flatten: the width the weights take
                boolean transB = row.main().intAttribute("transB", 0) == 1 && row.main().op().equals("Gemm");
                return new long[] {transB ? w.dims()[1] : w.dims()[0]};
            }
        }
        return previous;
    }

    private long[] batchDims(int n) {
        long[] d = graph.inputDims.clone();
        d[0] = n;
        return d;
    }

    static String shape(long[] s) {
        return s.length == 0 ? "1" : Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    private static String describe(long[] d) {
        return "[" + Arrays.stream(d).mapToObj(x -> x < 0 ? "?" : Long.toString(x)).collect(Collectors.joining(", ")) + "]";
    }

    /** Why ONNX Runtime refused the graph, naming the node and its operator where it says which. */
    static String refusal(OnnxGraph graph, Exception e) {
        String op = lackingOperator(e);
        if (op != null) {
            for (OnnxGraph.Node n : graph.nodes) {
                if (n.op().equals(op)) {
                    return "node '" + n.label() + "' uses the operator " + op + ", which ONNX Runtime does not implement "
                            + "(a custom operator, or one from a newer opset): export without it, or with a standard replacement";
                }
            }
        }
        return "a graph it refused: " + firstLine(e);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceFirst("^Error code - \\S+ - message: ", ""); // ONNX Runtime's own prefix
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public java.util.Optional<String> limitation() {
        return java.util.Optional.ofNullable(stoppedBefore);
    }

    private void requireWhole() {
        if (stoppedBefore != null) {
            throw new UnsupportedOperationException("This ONNX model was opened in part: " + stoppedBefore);
        }
    }

    OnnxGraph graph() {
        return graph;
    }

    @Override
    public String structure() {
        return "ONNX graph";
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public List<LayerInfo> layers() {
        return layers;
    }

    @Override
    public List<INDArray> forward(INDArray batch) {
        List<List<INDArray>> parts = new ArrayList<>();
        for (INDArray chunk : chunks(batch)) {
            parts.add(run(session, graph.input, chunk, outputs.subList(0, layers.size())));
        }
        List<INDArray> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            int layer = l;
            out.add(parts.size() == 1 ? parts.get(0).get(l) : Nd4j.concat(0, parts.stream().map(p -> p.get(layer)).toArray(INDArray[]::new)));
        }
        return out;
    }

    @Override
    public INDArray output(INDArray batch) {
        requireWhole();
        List<INDArray> parts = new ArrayList<>();
        for (INDArray chunk : chunks(batch)) {
            parts.add(run(session, graph.input, chunk, List.of(graph.output)).get(0));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    @Override
    public INDArray forwardFrom(int layer, INDArray activation) {
        requireWhole();
        if (layer == layers.size() - 1) {
            return activation;
        }
        OrtSession rest = rests.computeIfAbsent(layer, this::restFrom);
        return run(rest, graph.rows.get(layer).output(), activation, List.of(graph.output)).get(0);
    }

    @Override
    public INDArray forwardFrom(int layer, INDArray activation, INDArray batch) {
        requireWhole();
        if (layer == layers.size() - 1) {
            return activation;
        }
        if (crossing(layer).isEmpty()) {
            return forwardFrom(layer, activation);
        }
        OrtSession s = replaced.computeIfAbsent(layer, this::withRowReplaced);
        return run(s, Map.of(graph.input, batch, graph.rows.get(layer).output(), activation), List.of(graph.output)).get(0);
    }

    /** The tensors from before row {@code layer} (the row's own excepted) that nodes after it read. */
    private Set<String> crossing(int layer) {
        OnnxGraph.Row row = graph.rows.get(layer);
        Set<String> before = new HashSet<>(Set.of(graph.input));
        int cut = graph.nodes.indexOf(row.nodes().get(row.nodes().size() - 1));
        for (int i = 0; i <= cut; i++) {
            before.addAll(graph.nodes.get(i).outputs());
        }
        Set<String> needed = new LinkedHashSet<>();
        for (int i = cut + 1; i < graph.nodes.size(); i++) {
            for (String in : graph.nodes.get(i).inputs()) {
                if (before.contains(in) && !in.equals(row.output())) {
                    needed.add(in);
                }
            }
        }
        return needed;
    }

    /**
     * The whole graph with row {@code layer}'s tensor made an input: the node that computed it is
     * gone, every other tensor (what crosses the row included) is computed from the query.
     */
    private OrtSession withRowReplaced(int layer) {
        OnnxGraph.Row row = graph.rows.get(layer);
        Onnx.GraphProto.Builder g = graph.model.getGraph().toBuilder().clearNode().clearOutput();
        for (Onnx.NodeProto n : graph.model.getGraph().getNodeList()) {
            if (!n.getOutputList().contains(row.output())) {
                g.addNode(n);
            }
        }
        return sessionFromRow(g, row, "steering from " + row.main().label() + " cannot run the graph with that row replaced: ");
    }

    /** The part of the graph after row {@code layer}, as a model whose only input is that row's tensor. */
    private OrtSession restFrom(int layer) {
        OnnxGraph.Row row = graph.rows.get(layer);
        Set<String> needed = crossing(layer);
        if (!needed.isEmpty()) {
            throw new UnsupportedOperationException("steering from " + row.main().label() + " cannot run the rest of this graph alone: "
                    + "later nodes also read " + needed + " from before it (a branch or residual crosses this layer)");
        }
        int cut = graph.nodes.indexOf(row.nodes().get(row.nodes().size() - 1));
        Onnx.GraphProto.Builder g = graph.model.getGraph().toBuilder().clearNode().clearInput().clearOutput();
        for (int i = cut + 1; i < graph.nodes.size(); i++) {
            g.addNode(graph.model.getGraph().getNode(i));
        }
        return sessionFromRow(g, row, "the rest of the graph after " + row.main().label() + " does not run alone: ");
    }

    /** A session of {@code g} with row's tensor as a float input and the graph's output as its output. */
    private OrtSession sessionFromRow(Onnx.GraphProto.Builder g, OnnxGraph.Row row, String failure) {
        g.addInput(Onnx.ValueInfoProto.newBuilder().setName(row.output()).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber()))));
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName(graph.output));
        try {
            return ENV.createSession(graph.model.toBuilder().setGraph(g).build().toByteArray(), options());
        } catch (OrtException e) {
            throw new UnsupportedOperationException(failure + firstLine(e), e);
        }
    }

    /** A Gemm or MatMul row our own kernel can run: W as rows (row i = the weights leaving input i), the bias, the activation. */
    public record DenseRow(float[][] w, float[] b, String activation) {
    }

    /** Per-sample shape of row {@code row}'s output. */
    public long[] rowShape(int row) {
        return shapes.get(row).clone();
    }

    /** The rows whose outputs row {@code row} reads (-1: the network's input), through reshapes and constants. */
    public int[] rowInputs(int row) {
        return graph.slice(row).inputs().stream().mapToInt(t -> t.equals(graph.input) ? -1 : rowOf(t)).toArray();
    }

    private int rowOf(String tensor) {
        for (int j = 0; j < graph.rows.size(); j++) {
            if (graph.rows.get(j).output().equals(tensor)) {
                return j;
            }
        }
        throw new IllegalStateException("no row outputs " + tensor);
    }

    /**
     * The row as a dense layer when it is one our kernel runs exactly: Gemm (alpha = beta = 1, A
     * not transposed) or MatMul + bias over weights in the file, then identity, ReLU, sigmoid,
     * tanh or softmax; empty for every other row.
     */
    public java.util.Optional<DenseRow> denseRow(int row) {
        return OnnxDense.of(graph, graph.rows.get(row));
    }

    /** The row's convolution geometry, when its main node is a 2D Conv with weights in the file. */
    public java.util.Optional<ConvGeometry> convRow(int row) {
        OnnxGraph.Row r = graph.rows.get(row);
        OnnxGraph.Node n = r.main();
        OnnxGraph.Tensor w = n.op().equals("Conv") && n.inputs().size() > 1 ? graph.weight(n.inputs().get(1)) : null;
        int from = rowInputs(row)[0];
        long[] in = from < 0 ? Arrays.copyOfRange(graph.inputDims, 1, graph.inputDims.length) : shapes.get(from);
        long[] out = shapes.get(row);
        if (w == null || w.dims().length != 4 || in.length != 3 || out.length != 3) {
            return java.util.Optional.empty();
        }
        long[] strides = n.intsAttribute("strides");
        long[] pads = n.intsAttribute("pads");
        long[] dil = n.intsAttribute("dilations");
        return java.util.Optional.of(new ConvGeometry((int) in[0], (int) in[1], (int) in[2], (int) out[0], (int) out[1], (int) out[2],
                (int) w.dims()[2], (int) w.dims()[3], strides.length == 2 ? (int) strides[0] : 1, strides.length == 2 ? (int) strides[1] : 1,
                pads.length == 4 ? (int) pads[0] : 0, pads.length == 4 ? (int) pads[1] : 0, dil.length == 2 ? (int) dil[0] : 1,
                dil.length == 2 ? (int) dil[1] : 1, (int) n.intAttribute("group", 1), false));
    }

    /** Runs one row by ONNX Runtime on the outputs of the rows it reads (batch 1, in {@link #rowInputs} order). */
    public float[] runRow(int row, List<float[]> inputs) {
        OrtSession s = rowSessions.computeIfAbsent(row, r -> {
            try {
                return ENV.createSession(graph.sliceModel(r, this::tensorShape).toByteArray(), options());
            } catch (OrtException e) {
                throw new IllegalStateException("row " + graph.rows.get(r).main().label() + " does not run alone: " + firstLine(e), e);
            }
        });
        List<String> names = graph.slice(row).inputs();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                feed.put(names.get(i), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(inputs.get(i)), batchOf(tensorShape(names.get(i)))));
            }
            try (OrtSession.Result r = s.run(feed)) {
                FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                return v;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + graph.rows.get(row).main().label() + ": " + firstLine(e), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** Per-sample shape of a row's output or of the network's input. */
    private long[] tensorShape(String tensor) {
        return tensor.equals(graph.input) ? Arrays.copyOfRange(graph.inputDims, 1, graph.inputDims.length) : shapes.get(rowOf(tensor));
    }

    private static long[] batchOf(long[] sample) {
        long[] d = new long[sample.length + 1];
        d[0] = 1;
        System.arraycopy(sample, 0, d, 1, sample.length);
        return d;
    }

    private List<INDArray> chunks(INDArray batch) {
        long n = batch.size(0);
        if (fixedBatch <= 0 || n == fixedBatch) {
            return List.of(batch);
        }
        if (n % fixedBatch != 0) {
            throw new IllegalArgumentException("this ONNX model takes batches of exactly " + fixedBatch + ", not " + n);
        }
        List<INDArray> out = new ArrayList<>();
        for (long s = 0; s < n; s += fixedBatch) {
            out.add(batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, s + fixedBatch)));
        }
        return out;
    }

    private static List<INDArray> run(OrtSession s, String inputName, INDArray x, List<String> names) {
        return run(s, Map.of(inputName, x), names);
    }

    private static List<INDArray> run(OrtSession s, Map<String, INDArray> inputs, List<String> names) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Map.Entry<String, INDArray> in : inputs.entrySet()) {
                INDArray c = in.getValue().castTo(DataType.FLOAT).dup('c');
                feed.put(in.getKey(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(c.data().asFloat()), c.shape()));
            }
        } catch (OrtException e) {
            feed.values().forEach(OnnxTensor::close);
            throw new IllegalStateException("ONNX Runtime failed: " + firstLine(e), e);
        }
        try (OrtSession.Result r = s.run(feed, new LinkedHashSet<>(names))) {
            List<INDArray> out = new ArrayList<>(names.size());
            for (String name : names) {
                OnnxValue v = r.get(name).orElseThrow();
                OnnxTensor tensor = (OnnxTensor) v;
                FloatBuffer fb = tensor.getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                out.add(Nd4j.create(values, tensor.getInfo().getShape(), 'c'));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + firstLine(e), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public boolean channelsLast(int layer) {
        return false; // ONNX tensors are NCHW
    }

    @Override
    public long parameterCount() {
        return graph.parameterCount();
    }

    @Override
    public void close() {
        try {
            session.close();
            for (OrtSession s : rests.values()) {
                s.close();
            }
            for (OrtSession s : rowSessions.values()) {
                s.close();
            }
            for (OrtSession s : replaced.values()) {
                s.close();
            }
        } catch (OrtException e) {
            // closing frees native memory; nothing left to do if it fails
        }
    }
}

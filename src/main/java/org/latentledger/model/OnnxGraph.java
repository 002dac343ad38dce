package org.latentledger.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * An ONNX model's graph as the app reads it: the nodes in their (topological) file order, the
 * weights (initializers) as floats, the one data input, and the rows of the layer table. A row
 * is a node that computes on the data, with the activation that directly follows it folded in
 * (Gemm + Relu is one "Dense, relu" row, as DL4J and Keras show a layer), and a MatMul's bias Add
 * likewise; plumbing (Shape, Gather, Unsqueeze, Constant, Identity, Dropout at inference) and
 * pure reshapes (Flatten, Reshape, Squeeze) are not rows. External data (model.onnx beside
 * model.onnx.data) is read and inlined, so the graph runs from bytes.
 */
final class OnnxGraph {

    /** One node: its operator, inputs and outputs (tensor names) and attributes. */
    record Node(String name, String op, List<String> inputs, List<String> outputs, Map<String, Onnx.AttributeProto> attributes) {

        long intAttribute(String key, long otherwise) {
            Onnx.AttributeProto a = attributes.get(key);
            return a == null ? otherwise : a.getI();
        }

        float floatAttribute(String key, float otherwise) {
            Onnx.AttributeProto a = attributes.get(key);
            return a == null ? otherwise : a.getF();
        }

        long[] intsAttribute(String key) {
            Onnx.AttributeProto a = attributes.get(key);
            return a == null ? new long[0] : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }

        String label() {
            return name.isEmpty() ? outputs.get(0) : name;
        }
    }

    /** A weight tensor: its shape and values (row-major). */
    record Tensor(long[] dims, float[] values) {
    }

    /**
     * A row of the layer table: the nodes it stands for (the main one first) and the tensor it
     * outputs (after the folded activation, if any).
     */
    record Row(Node main, List<Node> nodes, String output, String activation) {
    }

    static final Set<String> ACTIVATIONS = Set.of("Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax", "Elu", "Selu", "HardSigmoid",
            "Softplus", "LogSoftmax");
    /** Nodes that pass the data on unchanged in value (a reshape) or are identity at inference. */
    static final Set<String> PASS_THROUGH = Set.of("Flatten", "Reshape", "Squeeze", "Unsqueeze", "Identity", "Dropout", "Cast");
    /** Nodes that compute shapes and indices, not data. */
    static final Set<String> NOT_DATA = Set.of("Shape", "Size", "Constant", "ConstantOfShape", "NonZero", "ArgMax", "ArgMin");

    final Onnx.ModelProto model;
    final String input;
    final long[] inputDims; // -1 where the file leaves a dimension symbolic (the batch)
    final String output;
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Tensor> weights = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();
    /** For each tensor, the nodes that read it. */
    final Map<String, List<Node>> consumers = new HashMap<>();

    private OnnxGraph(Onnx.ModelProto model, String source) throws ModelLoadException {
        this.model = model;
        Onnx.GraphProto g = model.getGraph();
        for (Onnx.TensorProto t : g.getInitializerList()) {
            weights.put(t.getName(), tensor(t, source));
        }
        List<Onnx.ValueInfoProto> dataInputs = g.getInputList().stream().filter(v -> !weights.containsKey(v.getName())).toList();
        if (dataInputs.size() != 1) {
            throw new ModelLoadException(source, "an ONNX model with one input", "an ONNX graph with " + dataInputs.size() + " inputs "
                    + dataInputs.stream().map(Onnx.ValueInfoProto::getName).toList(), null);
        }
        if (g.getOutputCount() < 1) {
            throw new ModelLoadException(source, "an ONNX model with an output", "an ONNX graph without outputs", null);
        }
        input = dataInputs.get(0).getName();
        inputDims = dims(dataInputs.get(0));
        output = g.getOutput(0).getName();
        for (Onnx.NodeProto n : g.getNodeList()) {
            Map<String, Onnx.AttributeProto> attrs = new LinkedHashMap<>();
            n.getAttributeList().forEach(a -> attrs.put(a.getName(), a));
            Node node = new Node(n.getName(), n.getOpType(), List.copyOf(n.getInputList()), List.copyOf(n.getOutputList()), attrs);
            nodes.add(node);
            for (String in : node.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
            }
        }
        buildRows();
    }

    /**
     * The graph up to node number {@code stop}: without that node and every node that reads, directly or not,
     * what it computes, its output the last remaining node's (in the file's order, which ONNX
     * requires to be topological). Null when nothing that computes on the data is left.
     */
    OnnxGraph before(int stop, String source) throws ModelLoadException {
        Set<String> tainted = new HashSet<>();
        Onnx.GraphProto.Builder g = model.getGraph().toBuilder().clearNode().clearOutput();
        String last = null;
        for (int i = 0; i < model.getGraph().getNodeCount(); i++) {
            Onnx.NodeProto n = model.getGraph().getNode(i);
            if (i == stop || n.getInputList().stream().anyMatch(tainted::contains)) {
                tainted.addAll(n.getOutputList());
                continue;
            }
            g.addNode(n);
            if (!NOT_DATA.contains(n.getOpType()) && n.getOutputCount() > 0) {
                last = n.getOutput(0);
            }
        }
        if (last == null) {
            return null;
        }
        // the weights only the cut-away nodes read go too, so the part's parameters are its own
        Set<String> read = new HashSet<>();
        g.getNodeList().forEach(n -> read.addAll(n.getInputList()));
        List<Onnx.TensorProto> kept = g.getInitializerList().stream().filter(t -> read.contains(t.getName())).toList();
        List<Onnx.ValueInfoProto> inputs = g.getInputList().stream()
                .filter(v -> read.contains(v.getName()) || !weights.containsKey(v.getName())).toList();
        g.clearInitializer().addAllInitializer(kept).clearInput().addAllInput(inputs);
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName(last));
        OnnxGraph cut = new OnnxGraph(model.toBuilder().setGraph(g).build(), source);
        return cut.rows.isEmpty() ? null : cut;
    }

    /** Parses an ONNX file; {@code dir} is where its external data lies (null: none allowed). */
    static OnnxGraph parse(byte[] bytes, Path dir, String source) throws ModelLoadException {
        Onnx.ModelProto m;
        try {
            m = Onnx.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException(source, "an ONNX model", "a file that is not a complete ONNX protobuf (damaged or truncated)", e);
        }
        if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
            throw new ModelLoadException(source, "an ONNX model", "an ONNX file without a graph", null);
        }
        return new OnnxGraph(inlineExternalData(m, dir, source), source);
    }

    /** True when the bytes start like an ONNX model (field 1, ir_version, a varint) and parse as one with a graph. */
    static boolean looksLikeOnnx(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 0x08) {
            return false;
        }
        try {
            Onnx.ModelProto m = Onnx.ModelProto.parseFrom(bytes);
            return m.hasGraph() && m.getGraph().getNodeCount() > 0;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private static Onnx.ModelProto inlineExternalData(Onnx.ModelProto m, Path dir, String source) throws ModelLoadException {
        boolean external = m.getGraph().getInitializerList().stream()
                .anyMatch(t -> t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL);
        if (!external) {
            return m;
        }
        Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            Onnx.TensorProto t = g.getInitializer(i);
            if (t.getDataLocation() != Onnx.TensorProto.DataLocation.EXTERNAL) {
                continue;
            }
            Map<String, String> info = new HashMap<>();
            t.getExternalDataList().forEach(e -> info.put(e.getKey(), e.getValue()));
            String location = info.get("location");
            if (location == null || dir == null) {
                throw new ModelLoadException(source, "an ONNX model with its external data file beside it",
                        "weights '" + t.getName() + "' stored outside the model" + (location == null ? "" : " in " + location)
                                + (dir == null ? ", and no folder to look in" : ""), null);
            }
            Path file = dir.resolve(location).normalize();
            byte[] data = files.get(location);
            if (data == null) {
                try {
                    data = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new ModelLoadException(source, "the external data file " + file + " beside the model",
                            "no readable file there (" + e.getClass().getSimpleName() + ")", e);
                }
                files.put(location, data);
            }
            long offset = Long.parseLong(info.getOrDefault("offset", "0"));
            long length = info.containsKey("length") ? Long.parseLong(info.get("length")) : data.length - offset;
            if (offset < 0 || length < 0 || offset + length > data.length) {
                throw new ModelLoadException(source, "weights '" + t.getName() + "' at bytes " + offset + ".." + (offset + length) + " of "
                        + file, "a data file of " + data.length + " bytes (truncated?)", null);
            }
            g.setInitializer(i, t.toBuilder().clearExternalData().setDataLocation(Onnx.TensorProto.DataLocation.DEFAULT)
                    .setRawData(ByteString.copyFrom(data, (int) offset, (int) length)).build());
        }
        return m.toBuilder().setGraph(g).build();
    }

    private static long[] dims(Onnx.ValueInfoProto v) {
        Onnx.TensorShapeProto shape = v.getType().getTensorType().getShape();
        long[] d = new long[shape.getDimCount()];
        for (int i = 0; i < d.length; i++) {
            Onnx.TensorShapeProto.Dimension dim = shape.getDim(i);
            d[i] = dim.hasDimValue() && dim.getDimValue() > 0 ? dim.getDimValue() : -1;
        }
        return d;
    }

    /** A float (or double, or integer) initializer as floats; other types are named in the message. */
    static Tensor tensor(Onnx.TensorProto t, String source) throws ModelLoadException {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE) {
            throw new ModelLoadException(source, "weights of at most 2^31 values", "'" + t.getName() + "' with " + count, null);
        }
        int n = (int) count;
        float[] v = new float[n];
        int type = t.getDataType();
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        int width = switch (type) {
            case 1, 6 -> 4; // FLOAT, INT32
            case 7, 11 -> 8; // INT64, DOUBLE
            default -> 0;
        };
        if (width == 0) {
            return new Tensor(dims, new float[0]); // not a number type we read (strings, float16): never a weight we use
        }
        if (hasRaw && raw.remaining() < (long) n * width) {
            throw new ModelLoadException(source, "weights '" + t.getName() + "' of " + n + " values", raw.remaining()
                    + " bytes of them (truncated)", null);
        }
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case 1 -> hasRaw ? raw.getFloat() : t.getFloatData(i);
                case 6 -> hasRaw ? raw.getInt() : t.getInt32Data(i);
                case 7 -> hasRaw ? raw.getLong() : t.getInt64Data(i);
                default -> (float) (hasRaw ? raw.getDouble() : t.getDoubleData(i));
            };
        }
        return new Tensor(dims, v);
    }

    /** The rows: data nodes in file order, each activation folded into the node before it when only it reads that node. */
    private void buildRows() {
        Set<String> data = new HashSet<>(Set.of(input));
        Map<String, Row> byOutput = new HashMap<>();
        for (Node n : nodes) {
            boolean onData = n.inputs().stream().anyMatch(data::contains);
            if (!onData || NOT_DATA.contains(n.op())) {
                continue;
            }
            n.outputs().forEach(data::add);
            if (PASS_THROUGH.contains(n.op())) {
                continue;
            }
            String in = n.inputs().get(0);
            Row before = byOutput.get(in);
            boolean onlyReader = consumers.getOrDefault(in, List.of()).size() == 1 && !in.equals(output);
            if (before != null && onlyReader && rows.get(rows.size() - 1) == before && foldable(before, n)) {
                List<Node> group = new ArrayList<>(before.nodes());
                group.add(n);
                String activation = ACTIVATIONS.contains(n.op()) ? n.op().toLowerCase(java.util.Locale.ROOT) : before.activation();
                Row merged = new Row(before.main(), group, n.outputs().get(0), activation);
                rows.set(rows.size() - 1, merged);
                byOutput.remove(in);
                byOutput.put(merged.output(), merged);
                continue;
            }
            Row row = new Row(n, List.of(n), n.outputs().get(0), ACTIVATIONS.contains(n.op()) ? n.op().toLowerCase(java.util.Locale.ROOT) : "-");
            rows.add(row);
            byOutput.put(row.output(), row);
        }
    }

    /** An activation after a computing node, or the bias Add after a MatMul. */
    private boolean foldable(Row before, Node next) {
        boolean computes = !ACTIVATIONS.contains(before.main().op()) && before.activation().equals("-");
        if (ACTIVATIONS.contains(next.op())) {
            return computes;
        }
        return next.op().equals("Add") && before.main().op().equals("MatMul") && before.nodes().size() == 1
                && next.inputs().stream().anyMatch(weights::containsKey);
    }

    /** What one row needs to run alone: its nodes (with the reshapes and constants before it), and the row tensors it reads. */
    record Slice(List<Node> nodes, List<String> inputs) {
    }

    /**
     * The nodes that compute row {@code r}'s tensor from the network input and the tensors of the
     * rows before it, found backwards from its output: the walk stops at those tensors (the
     * slice's inputs) and at weights.
     */
    Slice slice(int r) {
        Set<String> available = new HashSet<>(Set.of(input));
        for (int j = 0; j < r; j++) {
            available.add(rows.get(j).output());
        }
        Map<String, Node> producer = new HashMap<>();
        for (Node n : nodes) {
            n.outputs().forEach(o -> producer.put(o, n));
        }
        Set<Node> needed = new HashSet<>();
        Set<String> inputs = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(rows.get(r).output()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String t = todo.pop();
            if (t.isEmpty() || !seen.add(t) || weights.containsKey(t)) {
                continue;
            }
            if (available.contains(t)) {
                inputs.add(t);
                continue;
            }
            Node p = producer.get(t);
            if (p != null && needed.add(p)) {
                p.inputs().forEach(todo::push);
            }
        }
        List<Node> ordered = nodes.stream().filter(needed::contains).toList();
        List<String> in = new ArrayList<>();
        for (Node n : ordered) { // inputs in the order the nodes read them: the main input first
            for (String t : n.inputs()) {
                if (inputs.contains(t) && !in.contains(t)) {
                    in.add(t);
                }
            }
        }
        return new Slice(ordered, in);
    }

    /** Row {@code r}'s slice as a model of its own (inputs typed with their per-sample shapes and a batch of 1). */
    Onnx.ModelProto sliceModel(int r, java.util.function.Function<String, long[]> shapes) {
        Slice s = slice(r);
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("row " + r);
        Set<String> used = new HashSet<>();
        for (Node n : s.nodes()) {
            used.addAll(n.inputs());
            g.addNode(model.getGraph().getNodeList().get(nodes.indexOf(n)));
        }
        for (Onnx.TensorProto t : model.getGraph().getInitializerList()) {
            if (used.contains(t.getName())) {
                g.addInitializer(t);
            }
        }
        for (String in : s.inputs()) {
            Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(1));
            for (long d : shapes.apply(in)) {
                shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            }
            g.addInput(Onnx.ValueInfoProto.newBuilder().setName(in).setType(Onnx.TypeProto.newBuilder()
                    .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber()).setShape(shape))));
        }
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName(rows.get(r).output()));
        return model.toBuilder().setGraph(g).build();
    }

    /** The weight tensor named, or null when it is computed (not an initializer). */
    Tensor weight(String name) {
        return weights.get(name);
    }

    long parameterCount() {
        return weights.values().stream().mapToLong(t -> t.values().length).sum();
    }
}

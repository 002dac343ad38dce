package org.latentledger.model;

import java.util.List;
import onnx.Onnx;

/** Small ONNX graphs built by hand (protobuf), with weights a test can count and compute by hand. */
public final class OnnxTestModels {

    private OnnxTestModels() {
    }

    static Onnx.TensorProto tensor(String name, long[] dims, float... v) {
        Onnx.TensorProto.Builder b = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            b.addDims(d);
        }
        for (float x : v) {
            b.addFloatData(x);
        }
        return b.build();
    }

    static Onnx.ValueInfoProto value(String name, long... dims) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch").build()
                    : Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d).build());
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }

    static Onnx.AttributeProto ints(String name, long... v) {
        Onnx.AttributeProto.Builder b = Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    static Onnx.AttributeProto integer(String name, long v) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT).setI(v).build();
    }

    static Onnx.NodeProto node(String name, String op, List<String> in, String out, Onnx.AttributeProto... attrs) {
        Onnx.NodeProto.Builder b = Onnx.NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(in).addOutput(out);
        for (Onnx.AttributeProto a : attrs) {
            b.addAttribute(a);
        }
        return b.build();
    }

    static byte[] model(Onnx.GraphProto.Builder g) {
        return Onnx.ModelProto.newBuilder().setIrVersion(7).setProducerName("hand").setGraph(g)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(13)).build().toByteArray();
    }

    /**
     * 4 inputs -> Gemm (W1 3x4, transB) -> Relu -> MatMul (W2 3x2) + bias -> Softmax. Hand sums:
     * h = relu(W1 x + b1), y = softmax(h W2 + b2).
     */
    static byte[] mlp() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("mlp");
        g.addInitializer(tensor("W1", new long[] {3, 4}, 1, 0, -1, 2, 0, 1, 1, -1, 2, -2, 0, 1));
        g.addInitializer(tensor("b1", new long[] {3}, 0.5f, -0.5f, 0));
        g.addInitializer(tensor("W2", new long[] {3, 2}, 1, -1, 0.5f, 0, -1, 2));
        g.addInitializer(tensor("b2", new long[] {2}, 0.1f, -0.1f));
        g.addNode(node("fc1", "Gemm", List.of("input", "W1", "b1"), "z1", integer("transB", 1)));
        g.addNode(node("relu1", "Relu", List.of("z1"), "h1"));
        g.addNode(node("fc2", "MatMul", List.of("h1", "W2"), "m2"));
        g.addNode(node("bias2", "Add", List.of("m2", "b2"), "z2"));
        g.addNode(node("soft", "Softmax", List.of("z2"), "output", integer("axis", 1)));
        g.addInput(value("input", -1, 4));
        g.addOutput(value("output", -1, 2));
        return model(g);
    }

    /** 1x5x5 image -> Conv (2 filters 1x3x3, pads 1) -> Relu -> MaxPool 2x2 -> Flatten -> Gemm 8 -> 3. */
    public static byte[] cnn() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("cnn");
        float[] k = new float[18];
        for (int i = 0; i < k.length; i++) {
            k[i] = (i % 5) - 2;
        }
        g.addInitializer(tensor("K", new long[] {2, 1, 3, 3}, k));
        g.addInitializer(tensor("kb", new long[] {2}, 0.1f, -0.2f));
        float[] w = new float[3 * 8];
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i * 7) % 11 - 5) / 5f;
        }
        g.addInitializer(tensor("W", new long[] {3, 8}, w));
        g.addInitializer(tensor("b", new long[] {3}, 0, 0, 0));
        g.addNode(node("conv", "Conv", List.of("input", "K", "kb"), "c", ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)));
        g.addNode(node("relu", "Relu", List.of("c"), "r"));
        g.addNode(node("pool", "MaxPool", List.of("r"), "p", ints("kernel_shape", 2, 2), ints("strides", 2, 2)));
        g.addNode(node("flat", "Flatten", List.of("p"), "f", integer("axis", 1)));
        g.addNode(node("fc", "Gemm", List.of("f", "W", "b"), "output", integer("transB", 1)));
        g.addInput(value("input", -1, 1, 5, 5));
        g.addOutput(value("output", -1, 3));
        return model(g);
    }

    /** 3 -> Gemm 3 -> Relu = h; Add(h, input) (residual) -> Gemm 2. */
    static byte[] residual() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("residual");
        g.addInitializer(tensor("W", new long[] {3, 3}, 1, 0, 0, 0, 2, 0, 0, 0, -1));
        g.addInitializer(tensor("b", new long[] {3}, 0, 0, 0));
        g.addInitializer(tensor("V", new long[] {2, 3}, 1, 1, 1, 1, -1, 0));
        g.addInitializer(tensor("c", new long[] {2}, 0, 0));
        g.addNode(node("fc", "Gemm", List.of("input", "W", "b"), "z", integer("transB", 1)));
        g.addNode(node("relu", "Relu", List.of("z"), "h"));
        g.addNode(node("skip", "Add", List.of("h", "input"), "s"));
        g.addNode(node("out", "Gemm", List.of("s", "V", "c"), "output", integer("transB", 1)));
        g.addInput(value("input", -1, 3));
        g.addOutput(value("output", -1, 2));
        return model(g);
    }

    /**
     * Two branches joined: 2 inputs -> Gemm A -> LeakyRelu(0.1) and Gemm B -> Tanh, Concat, Gemm C
     * (1x4, all ones) -> Sigmoid. For x = (1, 2): A x = (1, -2), leaky (1, -0.2); B x = (1.5, -1),
     * tanh (0.905148, -0.761594); y = sigmoid(0.943554).
     */
    public static byte[] branches() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("branches");
        g.addInitializer(tensor("A", new long[] {2, 2}, 1, 0, 0, -1));
        g.addInitializer(tensor("a", new long[] {2}, 0, 0));
        g.addInitializer(tensor("B", new long[] {2, 2}, 0.5f, 0.5f, 1, -1));
        g.addInitializer(tensor("bb", new long[] {2}, 0, 0));
        g.addInitializer(tensor("C", new long[] {1, 4}, 1, 1, 1, 1));
        g.addInitializer(tensor("c", new long[] {1}, 0));
        g.addNode(node("left", "Gemm", List.of("input", "A", "a"), "za", integer("transB", 1)));
        g.addNode(Onnx.NodeProto.newBuilder().setName("leaky").setOpType("LeakyRelu").addInput("za").addOutput("l")
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("alpha").setType(Onnx.AttributeProto.AttributeType.FLOAT).setF(0.1f))
                .build());
        g.addNode(node("right", "Gemm", List.of("input", "B", "bb"), "zb", integer("transB", 1)));
        g.addNode(node("tanh", "Tanh", List.of("zb"), "t"));
        g.addNode(node("join", "Concat", List.of("l", "t"), "j", integer("axis", 1)));
        g.addNode(node("head", "Gemm", List.of("j", "C", "c"), "z", integer("transB", 1)));
        g.addNode(node("squash", "Sigmoid", List.of("z"), "output"));
        g.addInput(value("input", -1, 2));
        g.addOutput(value("output", -1, 1));
        return model(g);
    }
}

package org.latentledger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import onnx.Onnx;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a layer-by-layer DL4J network as an ONNX graph (opset 13): the same network in the
 * format PyTorch exports, so that the two can be compared (the same outputs, the same ledger
 * counts) and timed against each other. Dense and output layers become Gemm, plain convolutions
 * (no padding, or explicit padding in Truncate mode) Conv, max and average subsampling MaxPool
 * and AveragePool, with the activation after each; the flattening between them Flatten (DL4J
 * flattens channels first, as ONNX does). Anything else is refused by name.
 */
public final class OnnxWriter {

    private OnnxWriter() {
    }

    public static byte[] write(LoadedModel model) {
        if (!(model.network() instanceof SequentialNetwork seq)) {
            throw new IllegalArgumentException("only layer-by-layer networks are written as ONNX; " + model.name() + " is a "
                    + model.network().structure());
        }
        MultiLayerNetwork net = seq.network();
        InputSpec in = model.input();
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName(model.name());
        String cur = "input";
        long[] dims = in.isImage() ? new long[] {-1, in.channels(), in.height(), in.width()} : new long[] {-1, in.size()};
        if (in.isImage() && in.channelsLast()) {
            throw new IllegalArgumentException("a channels-last (Keras) network is not written as ONNX");
        }
        boolean image = in.isImage();
        List<LayerInfo> table = model.layers();
        for (int i = 0; i < table.size(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            String name = table.get(i).name();
            if (conf instanceof ConvolutionLayer c && conf.getClass() == ConvolutionLayer.class) {
                if (c.getConvolutionMode() == ConvolutionMode.Same) {
                    throw new IllegalArgumentException(name + ": a convolution in Same mode is not written as ONNX");
                }
                int[] p = c.getPadding();
                g.addInitializer(tensor(name + ".weight", net.getLayer(i).getParam("W")));
                g.addInitializer(tensor(name + ".bias", net.getLayer(i).getParam("b").reshape(-1)));
                g.addNode(node(name, "Conv", List.of(cur, name + ".weight", name + ".bias"), name + "_out",
                        ints("kernel_shape", c.getKernelSize()), ints("strides", c.getStride()), ints("pads", p[0], p[1], p[0], p[1]),
                        ints("dilations", c.getDilation())));
                cur = activation(g, name, name + "_out", c.getActivationFn());
            } else if (conf instanceof SubsamplingLayer s) {
                String op = switch (s.getPoolingType()) {
                    case MAX -> "MaxPool";
                    case AVG -> "AveragePool";
                    default -> throw new IllegalArgumentException(name + ": " + s.getPoolingType() + " pooling is not written as ONNX");
                };
                int[] p = s.getPadding();
                g.addNode(node(name, op, List.of(cur), name + "_out", ints("kernel_shape", s.getKernelSize()),
                        ints("strides", s.getStride()), ints("pads", p[0], p[1], p[0], p[1])));
                cur = name + "_out";
            } else if ((conf instanceof DenseLayer || conf instanceof OutputLayer) && conf instanceof FeedForwardLayer f) {
                if (image) {
                    g.addNode(node(name + "_flatten", "Flatten", List.of(cur), name + "_flat", integer("axis", 1)));
                    cur = name + "_flat";
                    image = false;
                }
                g.addInitializer(tensor(name + ".weight", net.getLayer(i).getParam("W")));
                g.addInitializer(tensor(name + ".bias", net.getLayer(i).getParam("b").reshape(-1)));
                g.addNode(node(name, "Gemm", List.of(cur, name + ".weight", name + ".bias"), name + "_out"));
                cur = activation(g, name, name + "_out", ((org.deeplearning4j.nn.conf.layers.BaseLayer) f).getActivationFn());
            } else {
                throw new IllegalArgumentException(name + ": a " + conf.getClass().getSimpleName() + " is not written as ONNX");
            }
        }
        // The last tensor is the graph's output: rename it by an Identity so that its name says so.
        g.addNode(node("graph_output", "Identity", List.of(cur), "output"));
        g.addInput(value("input", dims));
        g.addOutput(value("output", -1, table.get(table.size() - 1).units()));
        return Onnx.ModelProto.newBuilder().setIrVersion(7).setProducerName("latent-ledger").setGraph(g)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(13)).build().toByteArray();
    }

    private static String activation(Onnx.GraphProto.Builder g, String name, String in, IActivation f) {
        String op = switch (f) {
            case ActivationReLU r -> "Relu";
            case ActivationSigmoid s -> "Sigmoid";
            case ActivationTanH t -> "Tanh";
            case ActivationSoftmax s -> "Softmax";
            case ActivationIdentity i -> null;
            default -> throw new IllegalArgumentException(name + ": the activation " + f + " is not written as ONNX");
        };
        if (op == null) {
            return in;
        }
        String out = name + "_" + op.toLowerCase(Locale.ROOT);
        g.addNode(op.equals("Softmax") ? node(name + "_" + op, op, List.of(in), out, integer("axis", 1)) : node(name + "_" + op, op, List.of(in), out));
        return out;
    }

    private static Onnx.TensorProto tensor(String name, INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        Onnx.TensorProto.Builder b = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber());
        for (long d : c.shape()) {
            b.addDims(d);
        }
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate((int) c.length() * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : c.data().asFloat()) {
            raw.putFloat(v);
        }
        return b.setRawData(org.nd4j.shade.protobuf.ByteString.copyFrom(raw.array())).build();
    }

    private static Onnx.ValueInfoProto value(String name, long... dims) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch").build()
                    : Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d).build());
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }

    private static Onnx.AttributeProto ints(String name, int... v) {
        Onnx.AttributeProto.Builder b = Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INTS);
        for (int x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    private static Onnx.AttributeProto integer(String name, long v) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static Onnx.NodeProto node(String name, String op, List<String> in, String out, Onnx.AttributeProto... attrs) {
        Onnx.NodeProto.Builder b = Onnx.NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(new ArrayList<>(in)).addOutput(out);
        for (Onnx.AttributeProto a : attrs) {
            b.addAttribute(a);
        }
        return b.build();
    }
}

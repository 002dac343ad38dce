package org.latentledger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Builds the layer table of a network: shapes from DL4J's own shape inference, dense MACs from
 * the definitions in DESIGN.md (dense: n_in * n_out; convolution: H_out * W_out * C_out * k_h *
 * k_w * C_in; pooling, merges and element-wise vertices: none).
 */
public final class LayerTable {

    private LayerTable() {
    }

    /**
     * The input type of a MultiLayerNetwork, read from its first layer and preprocessor, or for a
     * network whose first layer reads images directly, worked back from where it flattens them.
     */
    public static InputType inputType(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Layer first = conf.getConf(0).getLayer();
        if (conf.getInputPreProcess(0) == null && ImageInputInference.readsImages(first)) {
            return ImageInputInference.of(conf);
        }
        return inputType(conf.getInputPreProcess(0), first);
    }

    /** The input type of a one-input ComputationGraph, read from the first layer fed by the input. */
    public static InputType inputType(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        String in = conf.getNetworkInputs().getFirst();
        for (String v : conf.getTopologicalOrderStr()) {
            List<String> inputs = conf.getVertexInputs().get(v);
            if (inputs != null && inputs.contains(in) && conf.getVertices().get(v) instanceof LayerVertex lv) {
                return inputType(lv.getPreProcessor(), lv.getLayerConf().getLayer());
            }
        }
        throw new IllegalArgumentException("cannot infer the input shape: no layer reads the graph's input directly");
    }

    private static InputType inputType(InputPreProcessor pre, Layer first) {
        if (pre instanceof FeedForwardToCnnPreProcessor cnn) {
            return InputType.convolutionalFlat(cnn.getInputHeight(), cnn.getInputWidth(), cnn.getNumChannels());
        }
        if (first instanceof FeedForwardLayer ff && !(first instanceof ConvolutionLayer) && ff.getNIn() > 0) {
            return InputType.feedForward(ff.getNIn());
        }
        throw new IllegalArgumentException("cannot infer the input shape of a network whose first layer is "
                + first.getClass().getSimpleName() + " without an input preprocessor (image height and width are unknown)");
    }

    /** What one input looks like, in the vocabulary of the core. */
    static InputSpec spec(InputType type) {
        return switch (type) {
            case InputType.InputTypeConvolutionalFlat f ->
                    InputSpec.image((int) f.getHeight(), (int) f.getWidth(), (int) f.getDepth(), false, true);
            case InputType.InputTypeConvolutional c ->
                    InputSpec.image((int) c.getHeight(), (int) c.getWidth(), (int) c.getChannels(), c.getFormat() == CNN2DFormat.NHWC, false);
            case InputType.InputTypeFeedForward f -> InputSpec.vector(f.getSize());
            default -> throw new IllegalArgumentException("input of type " + type.getType() + " is not supported (vectors and 2D images only)");
        };
    }

    static List<LayerInfo> of(MultiLayerNetwork net, InputType input, List<InputType> outputs) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<LayerInfo> rows = new ArrayList<>();
        InputType in = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            InputType layerIn = conf.getInputPreProcess(i) == null ? in : conf.getInputPreProcess(i).getOutputType(in);
            rows.add(describe(i, name(layer.getLayerName(), i), layer, layerIn, outputs.get(i), net.getLayer(i).numParams()));
            in = outputs.get(i);
        }
        return List.copyOf(rows);
    }

    static List<LayerInfo> of(ComputationGraph graph, List<String> vertices, Map<String, InputType> types) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<LayerInfo> rows = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            String v = vertices.get(i);
            GraphVertex vertex = conf.getVertices().get(v);
            List<String> inputs = conf.getVertexInputs().get(v);
            InputType in = inputs == null || inputs.isEmpty() ? null : types.get(inputs.getFirst());
            InputType out = types.get(v);
            if (vertex instanceof LayerVertex lv) {
                InputType layerIn = lv.getPreProcessor() == null || in == null ? in : lv.getPreProcessor().getOutputType(in);
                rows.add(describe(i, v, lv.getLayerConf().getLayer(), layerIn, out, graph.getLayer(v).numParams()));
            } else {
                String inShape = inputs == null ? "-" : String.join(" + ", inputs.stream().map(n -> shape(types.get(n))).toList());
                String type = vertex.getClass().getSimpleName().replace("Vertex", "");
                rows.add(new LayerInfo(i, v, type, inShape, shape(out), out.arrayElementsPerExample(), 0, "-", 0));
            }
        }
        return List.copyOf(rows);
    }

    private static LayerInfo describe(int index, String name, Layer layer, InputType in, InputType out, long params) {
        return new LayerInfo(index, name, type(layer), in == null ? "-" : shape(in), shape(out), out.arrayElementsPerExample(),
                params, activation(layer), denseMacs(layer, in, out));
    }

    /**
     * Multiply-accumulates of one dense pass. A plain convolution: every output value meets C_in x
     * kH x kW weights; a depthwise one only its own input channel's kH x kW; a separable one that
     * and then a 1x1 convolution over the C_in x multiplier depthwise channels; a transposed one
     * spreads every input value over kH x kW x C_out outputs; 1D and 3D alike in their dimensions.
     */
    static long denseMacs(Layer layer, InputType in, InputType out) {
        if (layer instanceof ConvolutionLayer conv) {
            int[] k = conv.getKernelSize();
            long nIn = conv.getNIn();
            if (layer instanceof Convolution3D && out instanceof InputType.InputTypeConvolutional3D o) {
                return o.getDepth() * o.getHeight() * o.getWidth() * o.getChannels() * k[0] * k[1] * k[2] * nIn;
            }
            if (layer instanceof Convolution1DLayer && out instanceof InputType.InputTypeRecurrent r) {
                return Math.max(0, r.getTimeSeriesLength()) * r.getSize() * k[0] * nIn;
            }
            if (!(out instanceof InputType.InputTypeConvolutional o)) {
                return 0;
            }
            long positions = o.getHeight() * o.getWidth();
            if (layer instanceof DepthwiseConvolution2D) {
                return positions * o.getChannels() * k[0] * k[1];
            }
            if (layer instanceof SeparableConvolution2D sep) {
                long depthwise = nIn * sep.getDepthMultiplier();
                return positions * (depthwise * k[0] * k[1] + o.getChannels() * depthwise);
            }
            if (layer instanceof Deconvolution2D && in instanceof InputType.InputTypeConvolutional i) {
                return i.getHeight() * i.getWidth() * i.getChannels() * k[0] * k[1] * o.getChannels();
            }
            return positions * o.getChannels() * k[0] * k[1] * nIn;
        }
        // batch normalisation at inference is a per-unit scale and shift: 0 MACs, as in an ONNX graph
        if (layer instanceof FeedForwardLayer ff && !(layer instanceof DropoutLayer) && !(layer instanceof BatchNormalization)) {
            return ff.getNIn() * ff.getNOut();
        }
        return 0;
    }

    /** The name the file gives the layer (DL4J's own "layer3" for one left unnamed), so --layer takes what inspect shows. */
    private static String name(String n, int index) {
        return n == null || n.isBlank() ? "layer" + index : n;
    }

    private static String type(Layer layer) {
        if (layer instanceof OutputLayer) {
            return "Output";
        }
        if (layer instanceof DenseLayer) {
            return "Dense";
        }
        if (layer instanceof ConvolutionLayer) {
            return switch (layer) {
                case DepthwiseConvolution2D d -> "DepthwiseConv2D";
                case SeparableConvolution2D d -> "SeparableConv2D";
                case Deconvolution2D d -> "Deconv2D";
                case Convolution1DLayer d -> "Conv1D";
                case Convolution3D d -> "Conv3D";
                default -> "Conv2D";
            };
        }
        if (layer instanceof SubsamplingLayer s) {
            return s.getPoolingType() == null ? "Pool" : capitalise(s.getPoolingType().name()) + "Pool";
        }
        return layer.getClass().getSimpleName().replace("Layer", "");
    }

    private static String activation(Layer layer) {
        // DropoutLayer and BatchNormalization inherit an activation field (sigmoid unless set) that their
        // forward passes never apply (Keras3ImportTest matches NumPy without one).
        if (layer instanceof DropoutLayer || layer instanceof BatchNormalization) {
            return "-";
        }
        if (layer instanceof ActivationLayer a && a.getActivationFn() != null) {
            return a.getActivationFn().toString();
        }
        if (layer instanceof BaseLayer base && base.getActivationFn() != null) {
            return base.getActivationFn().toString();
        }
        return "-";
    }

    static String shape(InputType type) {
        return switch (type) {
            case null -> "-";
            case InputType.InputTypeConvolutional c -> c.getFormat() == CNN2DFormat.NHWC
                    ? c.getHeight() + "x" + c.getWidth() + "x" + c.getChannels()
                    : c.getChannels() + "x" + c.getHeight() + "x" + c.getWidth();
            case InputType.InputTypeConvolutionalFlat f -> f.getDepth() + "x" + f.getHeight() + "x" + f.getWidth();
            default -> Long.toString(type.arrayElementsPerExample());
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.charAt(0) + s.substring(1).toLowerCase();
    }
}

package org.latentledger.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Builds the layer table of a MultiLayerNetwork: shapes from DL4J's own shape inference, dense
 * MACs from the definitions in DESIGN.md (dense: n_in * n_out; convolution:
 * H_out * W_out * C_out * k_h * k_w * C_in; pooling: none).
 */
public final class LayerTable {

    private LayerTable() {
    }

    /** The input type of the network, inferred from its first layer and preprocessor. */
    public static InputType inputType(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        InputPreProcessor pre = conf.getInputPreProcess(0);
        if (pre instanceof FeedForwardToCnnPreProcessor cnn) {
            return InputType.convolutionalFlat(cnn.getInputHeight(), cnn.getInputWidth(), cnn.getNumChannels());
        }
        Layer first = conf.getConf(0).getLayer();
        if (first instanceof FeedForwardLayer ff && !(first instanceof ConvolutionLayer)) {
            return InputType.feedForward(ff.getNIn());
        }
        throw new IllegalArgumentException("cannot infer the input shape of a network whose first layer is "
                + first.getClass().getSimpleName() + " without an input preprocessor");
    }

    public static List<LayerInfo> of(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        InputType input = inputType(net);
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        List<LayerInfo> rows = new ArrayList<>();
        InputType in = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            InputType out = outputs.get(i);
            InputType layerIn = conf.getInputPreProcess(i) == null ? in : conf.getInputPreProcess(i).getOutputType(in);
            rows.add(new LayerInfo(i, name(layer, i), type(layer), shape(layerIn), shape(out),
                    out.arrayElementsPerExample(), net.getLayer(i).numParams(), activation(layer),
                    denseMacs(layer, layerIn, out)));
            in = out;
        }
        return List.copyOf(rows);
    }

    static long denseMacs(Layer layer, InputType in, InputType out) {
        if (layer instanceof ConvolutionLayer conv && out instanceof InputType.InputTypeConvolutional o) {
            int[] k = conv.getKernelSize();
            return o.getHeight() * o.getWidth() * o.getChannels() * k[0] * k[1] * conv.getNIn();
        }
        if (layer instanceof FeedForwardLayer ff && !(layer instanceof ConvolutionLayer)) {
            return ff.getNIn() * ff.getNOut();
        }
        return 0;
    }

    private static String name(Layer layer, int index) {
        String n = layer.getLayerName();
        return n == null || n.isBlank() || n.matches("layer\\d+") ? "layer " + index : n;
    }

    private static String type(Layer layer) {
        if (layer instanceof OutputLayer) {
            return "Output";
        }
        if (layer instanceof DenseLayer) {
            return "Dense";
        }
        if (layer instanceof ConvolutionLayer) {
            return "Conv2D";
        }
        if (layer instanceof SubsamplingLayer s) {
            return s.getPoolingType() == null ? "Pool" : capitalise(s.getPoolingType().name()) + "Pool";
        }
        return layer.getClass().getSimpleName().replace("Layer", "");
    }

    private static String activation(Layer layer) {
        if (layer instanceof BaseLayer base && base.getActivationFn() != null) {
            return base.getActivationFn().toString();
        }
        return "-";
    }

    static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return c.getChannels() + "x" + c.getHeight() + "x" + c.getWidth();
        }
        if (type instanceof InputType.InputTypeConvolutionalFlat f) {
            return f.getDepth() + "x" + f.getHeight() + "x" + f.getWidth();
        }
        return Long.toString(type.arrayElementsPerExample());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.charAt(0) + s.substring(1).toLowerCase();
    }
}

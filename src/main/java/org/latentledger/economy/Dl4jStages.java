package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ConvolutionUtils;
import org.latentledger.model.ConvGeometry;
import org.latentledger.model.LayerInfo;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The stages of a DL4J MultiLayerNetwork: each layer reads the one before it. */
final class Dl4jStages {

    private Dl4jStages() {
    }

    static List<Stage> of(MultiLayerNetwork net, List<LayerInfo> table) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            boolean denseLayer = conf instanceof FeedForwardLayer && !(conf instanceof ConvolutionLayer)
                    && layer.getParam("W") != null && pre == null;
            int[] from = {i - 1};
            if (denseLayer) {
                stages.add(Stage.Dense.of(table.get(i), from, rows(layer.getParam("W").castTo(DataType.FLOAT)),
                        layer.getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat(),
                        ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn()));
            } else {
                long weights = layer.getParam("W") == null ? 0 : layer.getParam("W").length();
                ConvolutionLayer plain = countable(conf);
                stages.add(new Stage.Library(table.get(i), from, layer, pre, plain, conf instanceof ConvolutionLayer, weights));
            }
        }
        return stages;
    }

    /** A weight matrix as rows, by one bulk copy of its buffer (INDArray.toFloatMatrix reads element by element). */
    static float[][] rows(INDArray w) {
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

    /**
     * The convolutions counted exactly: plain and depthwise (a grouped convolution, one group per
     * input channel). Separable, transposed, 1D and 3D ones are estimated (dense x input density).
     */
    static ConvolutionLayer countable(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == ConvolutionLayer.class || conf.getClass() == DepthwiseConvolution2D.class ? (ConvolutionLayer) conf : null;
    }

    /** The geometry of a plain or depthwise convolution from its configuration and the shapes of its input and output (batch 1). */
    static ConvGeometry geometry(ConvolutionLayer c, long[] x, long[] y) {
        boolean last = c.getCnn2dDataFormat() == CNN2DFormat.NHWC;
        int ch = last ? 3 : 1;
        int hi = last ? 1 : 2;
        int wi = last ? 2 : 3;
        int[] in = {(int) x[hi], (int) x[wi]};
        int[] out = {(int) y[hi], (int) y[wi]};
        int[] pad = c.getConvolutionMode() == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(out, in, c.getKernelSize(), c.getStride(), c.getDilation())
                : c.getPadding();
        return new ConvGeometry((int) x[ch], in[0], in[1], (int) y[ch], out[0], out[1], c.getKernelSize()[0], c.getKernelSize()[1],
                c.getStride()[0], c.getStride()[1], pad[0], pad[1], c.getDilation()[0], c.getDilation()[1],
                c instanceof DepthwiseConvolution2D ? (int) x[ch] : 1, last);
    }
}

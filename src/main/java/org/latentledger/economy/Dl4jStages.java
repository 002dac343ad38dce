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
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.latentledger.model.ConvGeometry;
import org.latentledger.model.LayerInfo;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The stages of a DL4J MultiLayerNetwork: each layer reads the one before it. */
final class Dl4jStages {

    private Dl4jStages() {
    }

    /**
     * The stages; with {@code ownCode} false every layer but a dense one without a preprocessor
     * runs through DL4J, as before our convolutions (kept so tests can compare the two).
     */
    static List<Stage> of(MultiLayerNetwork net, List<LayerInfo> table, long[] inputShape, boolean ownCode) {
        List<Stage> stages = new ArrayList<>();
        long[][] shapes = shapes(net, table.size(), inputShape);
        for (int i = 0; i < table.size(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            long[] before = i == 0 ? inputShape : shapes[2 * i - 1];
            boolean reshapeOnly = pre == null || ownCode && keepsOrder(pre, before);
            boolean denseLayer = conf instanceof FeedForwardLayer && !(conf instanceof ConvolutionLayer)
                    && layer.getParam("W") != null && reshapeOnly;
            int[] from = {i - 1};
            if (denseLayer) {
                stages.add(Stage.Dense.of(table.get(i), from, rows(layer.getParam("W").castTo(DataType.FLOAT)),
                        layer.getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat(),
                        ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn()));
            } else if (ownCode && reshapeOnly && ownConvolution(conf)) {
                stages.add(conv(table.get(i), from, layer, (ConvolutionLayer) conf, shapes[2 * i], shapes[2 * i + 1]));
            } else if (ownCode && reshapeOnly && ownPooling(conf)) {
                stages.add(new Stage.MaxPool(table.get(i), from, window((SubsamplingLayer) conf, shapes[2 * i], shapes[2 * i + 1]),
                        shapes[2 * i + 1]));
            } else {
                long weights = layer.getParam("W") == null ? 0 : layer.getParam("W").length();
                ConvolutionLayer plain = countable(conf);
                stages.add(new Stage.Library(table.get(i), from, layer, pre, plain, conf instanceof ConvolutionLayer, weights));
            }
        }
        return stages;
    }

    /**
     * The batch-1 shapes of each layer's input (after its preprocessor) and output, from one pass
     * of zeros: {@code [2i]} is layer i's input, {@code [2i + 1]} its output.
     */
    private static long[][] shapes(MultiLayerNetwork net, int layers, long[] inputShape) {
        long[][] out = new long[2 * layers][];
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = Nd4j.zeros(DataType.FLOAT, inputShape);
        for (int i = 0; i < layers; i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                x = pre.preProcess(x, 1, mgr);
            }
            out[2 * i] = x.shape();
            Layer layer = net.getLayer(i);
            layer.setInputMiniBatchSize(1);
            x = layer.activate(x, false, mgr).castTo(DataType.FLOAT);
            out[2 * i + 1] = x.shape();
        }
        return out;
    }

    /**
     * True when a preprocessor only reshapes (flatten, or unflatten to channels first): the
     * values come out in the order they went in, so our stages can read the flat row as it is.
     * Checked on the values 0, 1, 2, ... rather than trusted from the class.
     */
    static boolean keepsOrder(InputPreProcessor pre, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n > 1 << 24) {
            return false; // beyond 2^24 a float no longer counts every integer
        }
        INDArray x = Nd4j.arange(n).castTo(DataType.FLOAT).reshape('c', shape);
        float[] y = pre.preProcess(x, 1, LayerWorkspaceMgr.noWorkspaces()).castTo(DataType.FLOAT).dup('c').data().asFloat();
        if (y.length != n) {
            return false;
        }
        for (int k = 0; k < y.length; k++) {
            if (y[k] != k) {
                return false;
            }
        }
        return true;
    }

    /** Plain convolutions, channels first, that our kernel runs (depthwise and channels-last ones stay in DL4J). */
    private static boolean ownConvolution(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == ConvolutionLayer.class && ((ConvolutionLayer) conf).getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    private static boolean ownPooling(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == SubsamplingLayer.class && ((SubsamplingLayer) conf).getPoolingType() == PoolingType.MAX
                && ((SubsamplingLayer) conf).getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    /** A convolution's weights copied as rows of output channels, one per (input channel, kernel offset). */
    private static Stage.Conv conv(LayerInfo info, int[] from, Layer layer, ConvolutionLayer c, long[] in, long[] out) {
        ConvGeometry g = geometry(c, in, out);
        float[] flat = layer.getParam("W").castTo(DataType.FLOAT).dup('c').data().asFloat(); // [C_out, C_in, kH, kW]
        int taps = g.inChannels() * g.kernelH() * g.kernelW();
        float[][] w = new float[taps][g.outChannels()];
        for (int o = 0; o < g.outChannels(); o++) {
            for (int t = 0; t < taps; t++) {
                w[t][o] = flat[o * taps + t];
            }
        }
        INDArray b = c.hasBias() ? layer.getParam("b") : null;
        float[] bias = b == null ? new float[g.outChannels()] : b.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return new Stage.Conv(info, from, g, w, bias, c.getActivationFn(), out);
    }

    /** A pooling window as a geometry: one group per channel, the padding as for a convolution. */
    private static ConvGeometry window(SubsamplingLayer p, long[] x, long[] y) {
        int[] in = {(int) x[2], (int) x[3]};
        int[] out = {(int) y[2], (int) y[3]};
        int[] pad = p.getConvolutionMode() == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(out, in, p.getKernelSize(), p.getStride(), p.getDilation())
                : p.getPadding();
        int ch = (int) x[1];
        return new ConvGeometry(ch, in[0], in[1], ch, out[0], out[1], p.getKernelSize()[0], p.getKernelSize()[1], p.getStride()[0],
                p.getStride()[1], pad[0], pad[1], p.getDilation()[0], p.getDilation()[1], ch, false);
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

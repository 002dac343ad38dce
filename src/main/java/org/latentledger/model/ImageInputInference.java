package org.latentledger.model;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

/**
 * The image a MultiLayerNetwork takes when its first layer works on images and has no input
 * preprocessor, as with {@code setInputType(InputType.convolutional(28, 28, 1))}.
 *
 * <p>DL4J uses the input type while building (to set each nIn and add preprocessors) but does not
 * save it, and a convolution reading the input directly needs no preprocessor. The image size
 * survives only where the network flattens: the {@link CnnToFeedForwardPreProcessor} before the
 * first dense layer records height, width and channels there. So we work back from it through
 * every convolution, pooling, padding and cropping layer, take the first convolution's nIn as the
 * channels, and check the result forwards with DL4J's own shape inference.
 *
 * <p>Going back is not always unique: a 2x2 pooling of stride 2 turns 26 and 27 rows alike into
 * 13. We take the size each layer fits exactly (nothing cut off, no extra padding), which is how
 * such networks are drawn up; data of another size is refused by the data check, naming both.
 */
final class ImageInputInference {

    private ImageInputInference() {
    }

    /** Whether {@code first} reads 2D images, so that a network starting with it needs this inference. */
    static boolean readsImages(Layer first) {
        // Not batch normalisation: it also starts dense networks, where its nIn gives the width.
        return spatial(first) != null;
    }

    /**
     * @throws IllegalArgumentException saying why the size cannot be recovered
     */
    static InputType of(MultiLayerConfiguration conf) {
        int flatten = -1;
        for (int i = 0; i < conf.getConfs().size() && flatten < 0; i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            Layer layer = conf.getConf(i).getLayer();
            if (pre instanceof CnnToFeedForwardPreProcessor) {
                flatten = i;
            } else if (pre != null || !(spatial(layer) != null || keepsSize(layer))) {
                throw refused(conf, "layer " + i + " (" + layer.getClass().getSimpleName() + ") comes before any record of the image size, and "
                        + "its input size cannot be worked back from its output");
            }
        }
        if (flatten < 0) {
            throw refused(conf, "no layer flattens the image, so its size is recorded nowhere in the file");
        }
        CnnToFeedForwardPreProcessor at = (CnnToFeedForwardPreProcessor) conf.getInputPreProcess(flatten);
        long h = at.getInputHeight();
        long w = at.getInputWidth();
        long channels = at.getNumChannels();
        for (int i = flatten - 1; i >= 0; i--) {
            Layer layer = conf.getConf(i).getLayer();
            Spatial s = spatial(layer);
            if (s != null) {
                h = s.inputSize(h, 0);
                w = s.inputSize(w, 1);
            }
            if (layer instanceof ConvolutionLayer conv) {
                channels = conv.getNIn(); // the earliest convolution's nIn is what the image brings
            }
        }
        InputType candidate = InputType.convolutional(h, w, channels, format(conf.getConf(0).getLayer(), at.getFormat()));
        check(conf, candidate, flatten, at);
        return candidate;
    }

    /** DL4J's shape inference, run forwards from the candidate, must arrive at what the preprocessor recorded. */
    private static void check(MultiLayerConfiguration conf, InputType candidate, int flatten, CnnToFeedForwardPreProcessor at) {
        String found;
        try {
            List<InputType> types = conf.getLayerActivationTypes(candidate);
            if (types.get(flatten - 1) instanceof InputType.InputTypeConvolutional c && c.getHeight() == at.getInputHeight()
                    && c.getWidth() == at.getInputWidth() && c.getChannels() == at.getNumChannels()) {
                return;
            }
            found = "gives " + LayerTable.shape(types.get(flatten - 1));
        } catch (RuntimeException e) {
            found = "is refused by DL4J (" + e.getMessage() + ")";
        }
        throw refused(conf, "an input of " + LayerTable.shape(candidate) + " " + found + " before layer " + flatten + ", which expects "
                + at.getNumChannels() + "x" + at.getInputHeight() + "x" + at.getInputWidth());
    }

    private static IllegalArgumentException refused(MultiLayerConfiguration conf, String why) {
        return new IllegalArgumentException("cannot infer the input shape of a network whose first layer is "
                + conf.getConf(0).getLayer().getClass().getSimpleName() + " (DL4J does not save setInputType): " + why);
    }

    private static CNN2DFormat format(Layer first, CNN2DFormat fallback) {
        CNN2DFormat f = switch (first) {
            case ConvolutionLayer c -> c.getCnn2dDataFormat();
            case SubsamplingLayer s -> s.getCnn2dDataFormat();
            case ZeroPaddingLayer z -> z.getDataFormat();
            case Cropping2D c -> c.getDataFormat();
            case BatchNormalization b -> b.getCnn2DFormat();
            default -> null;
        };
        return f != null ? f : fallback != null ? fallback : CNN2DFormat.NCHW;
    }

    /** Layers that pass an image on at the same height, width and channels. */
    private static boolean keepsSize(Layer layer) {
        return layer instanceof BatchNormalization || layer instanceof ActivationLayer || layer instanceof DropoutLayer
                || layer instanceof LocalResponseNormalization;
    }

    /** The 2D layers that change an image's height and width, or null for any other layer. */
    private static Spatial spatial(Layer layer) {
        return switch (layer) {
            // 1D, 3D and transposed convolutions follow other formulas; we do not work back through them.
            case Convolution1DLayer _, Convolution3D _, Deconvolution2D _, Deconvolution3D _, Subsampling1DLayer _ -> null;
            case ConvolutionLayer c -> new Window(c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(), c.getConvolutionMode());
            case SubsamplingLayer s -> new Window(s.getKernelSize(), s.getStride(), s.getPadding(), s.getDilation(), s.getConvolutionMode());
            case ZeroPaddingLayer z -> new Margins(z.getPadding(), -1);
            case Cropping2D c -> new Margins(c.getCropping(), 1);
            default -> null;
        };
    }

    /** A layer's height (axis 0) or width (axis 1) in, given that out. */
    private sealed interface Spatial permits Window, Margins {
        long inputSize(long out, int axis);
    }

    /** A sliding window (convolution or pooling), as DL4J's ConvolutionUtils sizes it. */
    private record Window(int[] kernel, int[] stride, int[] padding, int[] dilation, ConvolutionMode mode) implements Spatial {
        @Override
        public long inputSize(long out, int axis) {
            long s = stride[axis];
            if (mode == ConvolutionMode.Same) {
                return out * s; // out = ceil(in / s): the one in that s divides
            }
            // Truncate and Strict: out = (in + 2p - k_eff) / s + 1, exact when nothing is cut off.
            long d = dilation == null ? 1 : dilation[axis];
            long effective = kernel[axis] + (kernel[axis] - 1) * (d - 1);
            long p = padding == null ? 0 : padding[axis];
            return (out - 1) * s + effective - 2 * p;
        }
    }

    /** Zero padding (sign -1: the input is smaller) or cropping (sign 1: larger), as top, bottom, left, right. */
    private record Margins(int[] margins, int sign) implements Spatial {
        @Override
        public long inputSize(long out, int axis) {
            return out + sign * (long) (margins[2 * axis] + margins[2 * axis + 1]);
        }
    }
}

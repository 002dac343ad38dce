package org.latentledger.economy;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.latentledger.model.ConvGeometry;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.OnnxNetwork;
import org.nd4j.linalg.activations.IActivation;

/**
 * One row of a network as the sparse executor runs it. {@code from} names the rows whose
 * outputs it reads (-1: the network's input): the previous row in a layer-by-layer network,
 * any earlier rows in a graph (a merge reads two).
 */
sealed interface Stage permits Stage.Dense, Stage.Conv, Stage.MaxPool, Stage.Library, Stage.Onnx, Stage.Vertex {

    LayerInfo info();

    int[] from();

    /**
     * A dense layer on our kernel. {@code pruned} holds W's rows compressed (only their non-zero
     * weights) when pruning left at most {@link SparseNetwork#COMPRESSED_DENSITY} of them, else
     * null; {@code rowNonZeros} counts each row's non-zero weights, so the costs count the
     * multiplies and the weights read that really happen.
     */
    record Dense(LayerInfo info, int[] from, float[][] w, float[] b, IActivation activation, CompressedRows pruned, int[] rowNonZeros)
            implements Stage {

        /** Multiplies over the live inputs: the non-zero weights of their rows. */
        long liveWeights(float[] a) {
            long n = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0f) {
                    n += rowNonZeros[i];
                }
            }
            return n;
        }

        static Dense of(LayerInfo info, int[] from, float[][] rows, float[] b, IActivation activation) {
            CompressedRows compressed = CompressedRows.of(rows);
            return new Dense(info, from, rows, b, activation, compressed.density() <= SparseNetwork.COMPRESSED_DENSITY ? compressed : null,
                    compressed.rowNonZeros());
        }
    }

    /**
     * A plain 2D convolution (channels first, one group) on our own kernel ({@link ConvKernel}):
     * {@code w} holds one row of output-channel weights per kernel tap (input channel, kernel
     * row, kernel column); {@code shape} is the output's batch-1 shape. Its work is counted
     * exactly from its input's zeros, as DL4J's convolutions are.
     */
    record Conv(LayerInfo info, int[] from, ConvGeometry g, float[][] w, float[] b, IActivation activation, long[] shape)
            implements Stage {
    }

    /**
     * 2D max pooling (channels first) on our own code; {@code g} is its window (groups =
     * channels), {@code shape} its output's batch-1 shape.
     */
    record MaxPool(LayerInfo info, int[] from, ConvGeometry g, long[] shape) implements Stage {
    }

    /**
     * A DL4J layer run by DL4J (convolution, pooling, ...). {@code conv} is a plain 2D
     * convolution's configuration, whose work is counted exactly from its input; null otherwise
     * ({@code convolution} still says whether it convolves: a depthwise or separable one is estimated).
     */
    record Library(LayerInfo info, int[] from, Layer layer, InputPreProcessor pre, ConvolutionLayer conv, boolean convolution, long weights)
            implements Stage {
    }

    /** A DL4J graph vertex that is not a layer (a merge, an element-wise add, a subset), run by DL4J on the rows it reads. */
    record Vertex(LayerInfo info, int[] from, org.deeplearning4j.nn.graph.vertex.GraphVertex vertex) implements Stage {
    }

    /** An ONNX row run by ONNX Runtime on the rows it reads; {@code conv} as for {@link Library}. */
    record Onnx(LayerInfo info, int[] from, OnnxNetwork network, int row, ConvGeometry conv, long weights) implements Stage {
    }
}

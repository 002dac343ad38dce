package org.latentledger.model;

import java.util.List;
import java.util.Optional;

/** Reads a Gemm or MatMul(+Add) row's weights into the form our dense kernel runs: rows of W, one per input. */
final class OnnxDense {

    private static final List<String> KERNEL_ACTIVATIONS = List.of("-", "relu", "sigmoid", "tanh", "softmax");

    private OnnxDense() {
    }

    static Optional<OnnxNetwork.DenseRow> of(OnnxGraph g, OnnxGraph.Row row) {
        OnnxGraph.Node n = row.main();
        if (!KERNEL_ACTIVATIONS.contains(row.activation()) || n.inputs().size() < 2) {
            return Optional.empty();
        }
        OnnxGraph.Tensor w = g.weight(n.inputs().get(1));
        if (w == null || w.dims().length != 2) {
            return Optional.empty();
        }
        boolean transposed; // W stored as [out, in]
        OnnxGraph.Tensor bias = null;
        if (n.op().equals("Gemm")) {
            if (n.intAttribute("transA", 0) != 0 || n.floatAttribute("alpha", 1f) != 1f || n.floatAttribute("beta", 1f) != 1f) {
                return Optional.empty();
            }
            transposed = n.intAttribute("transB", 0) == 1;
            bias = n.inputs().size() > 2 ? g.weight(n.inputs().get(2)) : null;
            if (n.inputs().size() > 2 && bias == null) {
                return Optional.empty(); // a computed C: not a bias
            }
        } else if (n.op().equals("MatMul")) {
            transposed = false;
            for (OnnxGraph.Node m : row.nodes()) {
                if (m.op().equals("Add")) {
                    bias = m.inputs().stream().map(g::weight).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                }
            }
        } else {
            return Optional.empty();
        }
        int nIn = (int) (transposed ? w.dims()[1] : w.dims()[0]);
        int nOut = (int) (transposed ? w.dims()[0] : w.dims()[1]);
        float[] b = new float[nOut];
        if (bias != null) {
            if (bias.values().length == nOut) {
                b = bias.values().clone();
            } else if (bias.values().length == 1) {
                java.util.Arrays.fill(b, bias.values()[0]);
            } else {
                return Optional.empty();
            }
        }
        float[][] rows = new float[nIn][nOut];
        float[] v = w.values();
        for (int i = 0; i < nIn; i++) {
            for (int j = 0; j < nOut; j++) {
                rows[i][j] = transposed ? v[j * nIn + i] : v[i * nOut + j];
            }
        }
        return Optional.of(new OnnxNetwork.DenseRow(rows, b, row.activation()));
    }
}

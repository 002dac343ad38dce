package org.latentledger.model;

/**
 * What an ONNX row is called in the layer table and what one dense inference of it costs in
 * multiply-accumulates, exactly: a Gemm or MatMul n_in x n_out, a convolution one per output value
 * per weight of its (grouped) kernel; pooling, batch normalisation, merges (Add, Concat) and
 * activations 0, as in DL4J's table.
 */
final class OnnxCost {

    private OnnxCost() {
    }

    static String type(OnnxGraph.Row row, boolean last) {
        return switch (row.main().op()) {
            case "Gemm", "MatMul" -> last ? "Output" : "Dense";
            case "Conv" -> "Conv2D";
            case "MaxPool" -> "MaxPool";
            case "AveragePool" -> "AvgPool";
            case "GlobalAveragePool" -> "GlobalAvgPool";
            case "GlobalMaxPool" -> "GlobalMaxPool";
            case "BatchNormalization" -> "BatchNorm";
            default -> row.main().op();
        };
    }

    /** MACs of one input through the row's main node; {@code in} and {@code out} are per-sample shapes. */
    static long denseMacs(OnnxGraph graph, OnnxGraph.Row row, long[] in, long[] out) {
        OnnxGraph.Node n = row.main();
        return switch (n.op()) {
            case "Gemm", "MatMul" -> {
                long k = in.length == 0 ? 1 : in[in.length - 1]; // the contracted width
                yield k * product(out);
            }
            case "Conv" -> {
                OnnxGraph.Tensor w = graph.weight(n.inputs().get(1));
                if (w == null) {
                    yield 0;
                }
                long perOutput = 1;
                for (int i = 1; i < w.dims().length; i++) {
                    perOutput *= w.dims()[i]; // C_in / group x kH x kW
                }
                yield product(out) * perOutput;
            }
            default -> 0;
        };
    }

    static long product(long[] s) {
        long p = 1;
        for (long x : s) {
            p *= x;
        }
        return p;
    }
}

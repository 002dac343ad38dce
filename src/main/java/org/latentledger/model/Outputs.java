package org.latentledger.model;

/**
 * A classifier's output as probabilities. Most bundled and Keras models end in a softmax; an
 * ONNX export often ends in raw scores (logits), which are shown as their softmax, and said so.
 */
public final class Outputs {

    private Outputs() {
    }

    /** Non-negative values summing to 1 (within float rounding); null counts as one. */
    public static boolean isDistribution(float[] v) {
        if (v == null) {
            return true;
        }
        double sum = 0;
        for (float x : v) {
            if (x < 0 || Float.isNaN(x)) {
                return false;
            }
            sum += x;
        }
        return Math.abs(sum - 1) < 1e-3;
    }

    /** The values themselves when they are a distribution, else their softmax. */
    public static float[] probabilities(float[] v) {
        return isDistribution(v) ? v : softmax(v);
    }

    public static float[] softmax(float[] v) {
        if (v == null) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) Math.exp(v[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (out[i] / sum);
        }
        return out;
    }
}

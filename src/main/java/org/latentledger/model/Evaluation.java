package org.latentledger.model;

/** Test metrics of the sample models, computed from plain arrays so tests can recount them. */
public final class Evaluation {

    private Evaluation() {
    }

    /** Index of the largest value (first one on ties). */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Share of rows whose arg-max output equals the label. */
    public static double accuracy(float[][] outputs, int[] labels) {
        int correct = 0;
        for (int i = 0; i < outputs.length; i++) {
            if (argmax(outputs[i]) == labels[i]) {
                correct++;
            }
        }
        return outputs.length == 0 ? 0 : (double) correct / outputs.length;
    }

    /** Mean over rows and columns of the squared difference between output and target. */
    public static double meanSquaredError(float[][] outputs, float[][] targets) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < outputs.length; i++) {
            for (int j = 0; j < outputs[i].length; j++) {
                double d = outputs[i][j] - targets[i][j];
                sum += d * d;
            }
            count += outputs[i].length;
        }
        return count == 0 ? 0 : sum / count;
    }
}

package org.latentledger.economy;

import java.util.Locale;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * k-winners-take-all as a layer's activation (Ahmad and Scheinkman 2019): of a layer's n
 * pre-activations, the k = ceil(fraction x n) largest pass unchanged and every other unit is
 * exactly zero, in training and in inference alike, so the layer computes few units by design.
 * Ties at the k-th value go to the lower unit index. The gradient flows through the winners
 * only (the mask is held fixed, as in the papers' straight-through training).
 *
 * <p>Saved in the model's configuration by class name (DL4J's JSON), so a model trained with it
 * reopens wherever this class is on the classpath, in the app and in DL4J.
 */
public final class KWinners extends BaseActivationFunction {

    private double fraction;

    /** For DL4J's JSON. */
    public KWinners() {
        this(0.1);
    }

    public KWinners(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the share of winners must be in (0, 1], not " + fraction);
        }
        this.fraction = fraction;
    }

    public double fraction() {
        return fraction;
    }

    /** Winners among n units: ceil(fraction x n), at least one (an exact product such as 0.3 x 10 is not rounded up). */
    public static int winners(int n, double fraction) {
        return Math.max(1, Math.min(n, (int) Math.ceil(fraction * n - 1e-9)));
    }

    /** The winners of one row: the k largest values, the rest zero. */
    public float[] apply(float[] z) {
        float[] out = new float[z.length];
        for (int j : KLargest.indices(z, winners(z.length, fraction))) {
            out[j] = z[j];
        }
        return out;
    }

    /**
     * The winners among the given units only (the ones a router chose to compute): at most k of
     * them pass, every other unit is zero.
     */
    public float[] applyAmong(float[] z, int[] units) {
        float[] out = new float[z.length];
        for (int j : winnersAmong(z, units)) {
            out[j] = z[j];
        }
        return out;
    }

    /** The indices of the winners among {@code units} (ascending): the k largest values, ties to the lower index. */
    private int[] winnersAmong(float[] z, int[] units) {
        int k = Math.min(units.length, winners(z.length, fraction));
        if (units.length == z.length) {
            return KLargest.indices(z, k);
        }
        float[] keys = new float[units.length];
        for (int r = 0; r < units.length; r++) {
            keys[r] = z[units[r]];
        }
        int[] chosen = KLargest.indices(keys, k);
        int[] out = new int[chosen.length];
        for (int r = 0; r < chosen.length; r++) {
            out[r] = units[chosen[r]];
        }
        return out;
    }

    private static int[] everyUnit(int n) {
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        return all;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        float[][] rows = rows(in);
        int n = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(apply(rows[i]), 0, out, i * n, n);
        }
        // DL4J expects the activation in place (the input array is the layer's own buffer).
        in.assign(Nd4j.create(out, in.shape(), 'c').castTo(in.dataType()));
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        float[][] rows = rows(in);
        int n = rows.length == 0 ? 0 : rows[0].length;
        float[] mask = new float[rows.length * n];
        int[] all = everyUnit(n);
        for (int i = 0; i < rows.length; i++) {
            // Winners, not non-zeros: a winner whose value is exactly zero still passes its gradient.
            for (int j : winnersAmong(rows[i], all)) {
                mask[i * n + j] = 1f;
            }
        }
        INDArray dLdz = epsilon.mul(Nd4j.create(mask, in.shape(), 'c').castTo(epsilon.dataType()));
        return new Pair<>(dLdz, null);
    }

    private static float[][] rows(INDArray in) {
        INDArray c = in.castTo(DataType.FLOAT).dup('c');
        int batch = (int) c.size(0);
        int n = (int) (c.length() / Math.max(1, batch));
        float[] flat = c.data().asFloat();
        float[][] rows = new float[batch][n];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(flat, i * n, rows[i], 0, n);
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KWinners k && k.fraction == fraction;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(fraction);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "kwta(%s%%)", new java.math.BigDecimal(100 * fraction).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString());
    }
}

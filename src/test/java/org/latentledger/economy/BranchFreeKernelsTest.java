package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.latentledger.model.ConvGeometry;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/** The branch-free ReLU, count of non-zeros and max pooling against the comparisons they replace, special values included. */
class BranchFreeKernelsTest {

    private static final float[] SPECIAL = {0f, -0f, Float.NaN, -Float.NaN, Float.intBitsToFloat(0xffc00001), Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, 0.5f, -2.5e-30f};

    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void reluAndTheCountOfNonZerosAreTheComparisonsToTheBit() {
        float[] z = values(20_000, 1);
        float[] out = SparseNetwork.activate(new ActivationReLU(), z);
        int nonZero = 0;
        for (int j = 0; j < z.length; j++) {
            float expected = z[j] > 0 ? z[j] : 0f;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[j]), "relu(" + z[j] + ")");
            nonZero += z[j] != 0f ? 1 : 0;
        }
        assertEquals(nonZero, SparseNetwork.nonZero(z));
    }

    @Test
    void maxPoolingIsTheComparingOneButForTheSignOfAZeroMaximum() {
        int[][] shapes = {{2, 2, 2, 1}, {3, 3, 2, 1}, {2, 2, 1, 1}, {3, 3, 3, 1}, {2, 2, 2, 2}, {2, 3, 1, 2}};
        for (int[] k : shapes) {
            int h = 13;
            int oh = (h - ((k[0] - 1) * k[3] + 1)) / k[2] + 1;
            int ow = (h - ((k[1] - 1) * k[3] + 1)) / k[2] + 1;
            ConvGeometry g = new ConvGeometry(3, h, h, 3, oh, ow, k[0], k[1], k[2], k[2], 0, 0, k[3], k[3], 1, false);
            float[] x = values(3 * h * h, k[0] * 31L + k[2]);
            float[] fast = ConvKernel.maxPool(g, x);
            float[] compared = ConvKernel.maxPoolPadded(g, x);
            assertEquals(compared.length, fast.length);
            for (int i = 0; i < fast.length; i++) {
                boolean same = Float.floatToRawIntBits(fast[i]) == Float.floatToRawIntBits(compared[i]);
                assertTrue(same || fast[i] == 0f && compared[i] == 0f, java.util.Arrays.toString(k) + " output " + i + ": " + fast[i] + " vs " + compared[i]);
                assertTrue(!Float.isNaN(fast[i]), "NaN is passed over");
            }
        }
        ConvGeometry one = new ConvGeometry(1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 0, 0, 1, 1, 1, false);
        assertEquals(Float.NEGATIVE_INFINITY, ConvKernel.maxPool(one, new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN})[0], "all NaN");
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(ConvKernel.maxPool(one, new float[] {-0f, 0f, -1f, Float.NaN})[0]));
        assertEquals(-0.5f, ConvKernel.maxPool(one, new float[] {-3f, -0.5f, Float.NEGATIVE_INFINITY, -1f})[0]);
    }
}

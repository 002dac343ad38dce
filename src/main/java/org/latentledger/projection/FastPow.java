package org.latentledger.projection;

/**
 * {@code x^b} for UMAP's SGD, about twice as fast as {@link Math#pow} (7 ns against 16 ns of CPU
 * per call on our machine) with a relative error below 6e-6: a layout step does not need
 * {@code pow}'s last bits, and one call per sample was most of the epoch time at 70,000 points.
 * It is 2^(b log2 x), with log2 of the mantissa and 2^fraction as fitted polynomials (least
 * squares, degrees 6 and 5); pure arithmetic, so results are the same on every run.
 */
final class FastPow {

    private FastPow() {
    }

    /** For x > 0; subnormal x (never a squared layout distance in practice) goes to {@link Math#pow}. */
    static double pow(double x, double b) {
        if (x < Double.MIN_NORMAL) {
            return Math.pow(x, b);
        }
        long bits = Double.doubleToRawLongBits(x);
        double exponent = (int) (bits >>> 52) - 1023;
        double t = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L) - 1; // mantissa - 1, in [0, 1)
        double log2 = exponent + 5.0603279527727476e-06 + t * (1.44239558894399 + t * (-0.7169875678731816
                + t * (0.45385820529133025 + t * (-0.27235582704061934 + t * (0.11790686115216037 + t * -0.024825984443334594)))));
        double z = b * log2;
        double whole = Math.floor(z);
        if (whole < -1022 || whole > 1023) {
            return Math.pow(x, b);
        }
        double f = z - whole;
        double p = 0.9999997696337071 + f * (0.693156776698862 + f * (0.24013169187190317 + f * (0.05587655686914371
                + f * (0.008940582529139917 + f * 0.0018943794234861173))));
        return p * Double.longBitsToDouble(((long) whole + 1023) << 52);
    }
}

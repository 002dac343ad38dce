package org.latentledger.projection;

/**
 * The two coefficients of UMAP's SGD as functions of the squared layout distance d2, read from
 * tables instead of computed with a power and a division for every sample:
 *
 * <pre>
 *   attraction  -2ab d2^(b-1) / (1 + a d2^b)
 *   repulsion    2b / ((0.001 + d2) (1 + a d2^b))
 * </pre>
 *
 * <p>A table is indexed by the bits of d2: its exponent and the top {@link #MANTISSA_BITS} bits
 * of its mantissa, so each octave of d2 has 2^MANTISSA_BITS segments of equal width, and within a
 * segment the value is interpolated linearly from the exact values at its two ends (relative
 * error below 3e-4 measured over the range, see the test). Outside
 * [2^{@link #LOWEST_EXPONENT}, 2^{@link #HIGHEST_EXPONENT}) the exact formula is used. A layout step
 * does not need the coefficient's last digits (it is clipped at 4 and its size decays to zero);
 * a power and a division per sample were most of the SGD's time at 70,000 points. Pure
 * arithmetic on fixed tables, so results are the same on every run. Measured in decision 0017.
 */
final class UmapKernel {

    static final int MANTISSA_BITS = 6;
    static final int LOWEST_EXPONENT = -32;
    static final int HIGHEST_EXPONENT = 16;
    private static final int SHIFT = 52 - MANTISSA_BITS;
    private static final long FIRST = (long) (LOWEST_EXPONENT + 1023) << MANTISSA_BITS;
    private static final long END = (long) (HIGHEST_EXPONENT + 1023) << MANTISSA_BITS;
    private static final long SEGMENT_MASK = -1L << SHIFT;

    private final double a;
    private final double b;
    /** Per segment: the value at its start and the slope to its end, interleaved. */
    private final double[] attract;
    private final double[] repel;

    UmapKernel(double a, double b) {
        this.a = a;
        this.b = b;
        int segments = (int) (END - FIRST);
        attract = new double[2 * segments];
        repel = new double[2 * segments];
        for (int s = 0; s < segments; s++) {
            double lo = Double.longBitsToDouble((FIRST + s) << SHIFT);
            double hi = Double.longBitsToDouble((FIRST + s + 1) << SHIFT);
            attract[2 * s] = exactAttraction(lo);
            attract[2 * s + 1] = (exactAttraction(hi) - attract[2 * s]) / (hi - lo);
            repel[2 * s] = exactRepulsion(lo);
            repel[2 * s + 1] = (exactRepulsion(hi) - repel[2 * s]) / (hi - lo);
        }
    }

    /** The attraction's coefficient at squared distance d2 > 0 (negative: it pulls together). */
    double attraction(double d2) {
        int at = segment(d2);
        return at < 0 ? exactAttraction(d2) : interpolated(attract, at, d2);
    }

    /** The repulsion's coefficient at squared distance d2 > 0. */
    double repulsion(double d2) {
        int at = segment(d2);
        return at < 0 ? exactRepulsion(d2) : interpolated(repel, at, d2);
    }

    /** Where d2's segment starts in a table, or -1 outside the tables. */
    private static int segment(double d2) {
        long s = (Double.doubleToRawLongBits(d2) >>> SHIFT) - FIRST;
        return s < 0 || s >= END - FIRST ? -1 : 2 * (int) s;
    }

    private static double interpolated(double[] table, int at, double d2) {
        double start = Double.longBitsToDouble(Double.doubleToRawLongBits(d2) & SEGMENT_MASK);
        return table[at] + table[at + 1] * (d2 - start);
    }

    double exactAttraction(double d2) {
        double pb = Math.pow(d2, b);
        return -2 * a * b * (pb / d2) / (a * pb + 1);
    }

    double exactRepulsion(double d2) {
        return 2 * b / ((0.001 + d2) * (a * Math.pow(d2, b) + 1));
    }
}

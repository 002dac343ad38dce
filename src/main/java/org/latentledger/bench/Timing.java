package org.latentledger.bench;

import java.util.Arrays;

/** Small statistics every benchmark reports the same way. */
public final class Timing {

    private Timing() {
    }

    /** The median (the mean of the middle two for an even count). */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

package org.latentledger.projection;

/**
 * A 64-bit digest of a matrix's values, for memos that find a result again by what it was
 * computed from rather than by which array held it (a copy of the same activations is found; an
 * array changed in place is not mistaken for its old self). Not cryptographic: two different
 * inputs of the same shape would need a 64-bit collision to be confused. It reads every value once,
 * a small fraction of what the results it keys cost.
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** Every value's bits and position, rows in order (four lanes so the loop is not one long chain). */
    public static long of(float[][] rows) {
        long h = 0x9E3779B97F4A7C15L;
        for (float[] row : rows) {
            long a = 1;
            long b = 2;
            long c = 3;
            long d = 4;
            int j = 0;
            for (; j + 4 <= row.length; j += 4) {
                a = a * 0x100000001B3L + Float.floatToRawIntBits(row[j]);
                b = b * 0x100000001B3L + Float.floatToRawIntBits(row[j + 1]);
                c = c * 0x100000001B3L + Float.floatToRawIntBits(row[j + 2]);
                d = d * 0x100000001B3L + Float.floatToRawIntBits(row[j + 3]);
            }
            for (; j < row.length; j++) {
                a = a * 0x100000001B3L + Float.floatToRawIntBits(row[j]);
            }
            h = mix(h ^ mix(a) ^ Long.rotateLeft(mix(b), 17) ^ Long.rotateLeft(mix(c), 31) ^ Long.rotateLeft(mix(d), 47)) + row.length;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

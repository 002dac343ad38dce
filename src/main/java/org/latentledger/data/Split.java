package org.latentledger.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.latentledger.work.Sampling;

/**
 * A seeded train/test split of row indices: the same (size, test count, seed) gives the same
 * split on every machine and JVM, so model cards can be checked against their zips.
 */
public record Split(int[] train, int[] test, long seed) {

    public static Split of(int size, int testCount, long seed) {
        if (testCount < 0 || testCount > size) {
            throw new IllegalArgumentException("test count " + testCount + " outside 0.." + size);
        }
        int[] order = Sampling.permutation(size, new SplittableRandom(seed));
        int[] train = Arrays.copyOfRange(order, 0, size - testCount);
        int[] test = Arrays.copyOfRange(order, size - testCount, size);
        Arrays.sort(train);
        Arrays.sort(test);
        return new Split(train, test, seed);
    }
}

package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The top-k selection against hand-made answers and against a recount by sorting. */
class KLargestTest {

    /** The reference: sort the indices by key, largest first, then by index; take k; ascending. */
    static int[] bySorting(float[] keys, int k) {
        return IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparingInt(i -> i))
                .limit(Math.max(0, k)).mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void handMadeIndicesWithTheTieRule() {
        assertArrayEquals(new int[] {1, 3}, KLargest.indices(new float[] {1, 5, 2, 4}, 2));
        assertArrayEquals(new int[] {0, 1}, KLargest.indices(new float[] {3, 3, 3, 1}, 2), "ties: the lower indices");
        assertArrayEquals(new int[] {0, 2, 3}, KLargest.indices(new float[] {9, 1, 7, 7, 7, 0}, 3), "two of three tied 7s: the first two");
        assertArrayEquals(new int[] {2}, KLargest.indices(new float[] {-3, -2, -1}, 1), "negative keys: the largest is -1");
        assertArrayEquals(new int[] {0, 1, 2}, KLargest.indices(new float[] {0, 0, 0}, 5), "k above n: all");
        assertArrayEquals(new int[0], KLargest.indices(new float[] {4, 2}, 0));
        assertArrayEquals(new int[0], KLargest.indices(new float[0], 3));
    }

    @Test
    void keysAreNotChanged() {
        float[] keys = {5, 1, 4, 2, 3};
        KLargest.indices(keys, 2);
        assertArrayEquals(new float[] {5, 1, 4, 2, 3}, keys);
    }

    @Test
    void byMagnitudeKeepsExactlyTheLargestAbsoluteValues() {
        assertArrayEquals(new float[] {0, -5, 0, 4}, KLargest.byMagnitude(new float[] {1, -5, 2, 4}, 2));
        assertArrayEquals(new float[] {3, 3, 0, 0}, KLargest.byMagnitude(new float[] {3, 3, 3, 1}, 2), "ties: the lower indices");
        assertArrayEquals(new float[] {-2, 0, 2, 0}, KLargest.byMagnitude(new float[] {-2, 1, 2, -2}, 2), "|-2| ties with 2");
        assertArrayEquals(new float[] {0, 0, 0}, KLargest.byMagnitude(new float[] {1, 2, 3}, 0));
        float[] all = {1, 2};
        assertSame(all, KLargest.byMagnitude(all, 2), "k = n keeps the layer as it is");
    }

    @Test
    void agreesWithASortOnManyTies() {
        SplittableRandom r = new SplittableRandom(4);
        int keptSomething = 0;
        for (int trial = 0; trial < 500; trial++) {
            float[] v = new float[1 + r.nextInt(60)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextInt(7) - 3); // few distinct values: ties everywhere
            }
            int k = r.nextInt(v.length + 2);
            assertArrayEquals(bySorting(v, k), KLargest.indices(v, k), Arrays.toString(v) + " k=" + k);

            float[] mag = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                mag[i] = Math.abs(v[i]);
            }
            float[] expected = new float[v.length];
            for (int i : bySorting(mag, k)) {
                expected[i] = v[i];
            }
            float[] kept = KLargest.byMagnitude(v, k);
            assertArrayEquals(expected, kept, Arrays.toString(v) + " k=" + k);
            keptSomething += (int) IntStream.range(0, kept.length).filter(i -> kept[i] != 0).count();
        }
        assertTrue(keptSomething > 1000, "the trials kept real units: " + keptSomething);
    }

    @Test
    void fewOfManyAgreeWithASortWhetherTheSampledPivotHoldsOrNot() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 256 + r.nextInt(1000);
            float[] v = new float[n];
            boolean ties = r.nextBoolean();
            for (int i = 0; i < n; i++) {
                v[i] = ties ? (float) r.nextInt(9) : (float) r.nextGaussian();
            }
            int k = 1 + r.nextInt(n / 8);
            assertArrayEquals(bySorting(v, k), KLargest.indices(v, k), "n=" + n + " k=" + k + " ties=" + ties);
        }
        // Adversarial: every sampled key is large and the rest tiny, so the pivot lets too few through and the full selection runs.
        float[] trap = new float[512];
        for (int j = 0; j < 32; j++) {
            trap[j * 16] = 100;
        }
        trap[5] = 50;
        int[] expected = bySorting(trap, 64);
        assertArrayEquals(expected, KLargest.indices(trap, 64));
        assertTrue(Arrays.stream(KLargest.indices(trap, 64)).anyMatch(i -> i == 5), "the 50 outside the sample is a winner");
    }

    @Test
    void selectFindsTheOrderStatistic() {
        SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 200; trial++) {
            float[] v = new float[1 + r.nextInt(50)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextInt(10);
            }
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            int rank = r.nextInt(v.length);
            assertEquals(sorted[rank], KLargest.select(v.clone(), rank));
        }
    }
}

package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputsTest {

    @Test
    void probabilitiesPassAndScoresBecomeTheirSoftmax() {
        float[] p = {0.2f, 0.8f};
        assertTrue(Outputs.isDistribution(p));
        assertSame(p, Outputs.probabilities(p));
        float[] scores = {1, -1, 0};
        assertFalse(Outputs.isDistribution(scores));
        float[] s = Outputs.probabilities(scores);
        double e = Math.E + 1 / Math.E + 1;
        assertArrayEquals(new float[] {(float) (Math.E / e), (float) (1 / Math.E / e), (float) (1 / e)}, s, 1e-6f);
        assertFalse(Outputs.isDistribution(new float[] {0.2f, 0.2f}), "non-negative but not summing to 1");
        assertEquals(1, Outputs.softmax(new float[] {1000, 1000})[0] * 2, 1e-6, "no overflow");
    }
}

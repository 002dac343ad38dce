package org.latentledger.atlas;

import java.util.Comparator;
import java.util.stream.IntStream;

/** The nearest points to one point in a layer's own activation space (not on the map). */
public final class Neighbours {

    public enum Metric {
        EUCLIDEAN("Euclidean"), COSINE("cosine");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One neighbour and its distance (Euclidean, or 1 - cosine similarity). */
    public record Neighbour(int index, double distance) {
    }

    private Neighbours() {
    }

    public static Neighbour[] of(float[][] activations, int point, int k, Metric metric) {
        float[] a = activations[point];
        double na = norm(a);
        return IntStream.range(0, activations.length).filter(j -> j != point)
                .mapToObj(j -> new Neighbour(j, distance(a, na, activations[j], metric)))
                .sorted(Comparator.comparingDouble(Neighbour::distance).thenComparingInt(Neighbour::index))
                .limit(k).toArray(Neighbour[]::new);
    }

    static double distance(float[] a, double na, float[] b, Metric metric) {
        if (metric == Metric.EUCLIDEAN) {
            return Math.sqrt(KMeans.squared(a, b));
        }
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
        }
        double nb = norm(b);
        return na == 0 || nb == 0 ? 1 : 1 - dot / (na * nb);
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}

package org.latentledger.projection;

import java.util.Locale;

/**
 * What layout to compute: the method, its parameters, the number of dimensions and the seed.
 * Equal specs on equal inputs give equal layouts (and share a cache entry).
 */
public sealed interface ProjectionSpec {

    int dimensions();

    long seed();

    /** Short name: "pca", "tsne", "umap". */
    String method();

    /** The method and its parameters, for titles, provenance and cache keys. */
    String describe();

    record Pca(int dimensions) implements ProjectionSpec {
        public Pca {
            checkDimensions(dimensions);
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public String method() {
            return "pca";
        }

        @Override
        public String describe() {
            return "PCA " + dimensions + "D";
        }
    }

    /**
     * Barnes-Hut t-SNE (van der Maaten 2014).
     *
     * @param perplexity effective number of neighbours (5-50); must be below (n - 1) / 3
     * @param iterations gradient steps, 250 of them with early exaggeration (>= 300)
     * @param theta      Barnes-Hut accuracy (0 = exact, 0.5 = standard)
     */
    record Tsne(int dimensions, double perplexity, int iterations, double theta, long seed) implements ProjectionSpec {
        public Tsne {
            checkDimensions(dimensions);
            if (perplexity < 1 || iterations < 300 || theta < 0) {
                throw new IllegalArgumentException("t-SNE needs perplexity >= 1, at least 300 iterations and theta >= 0");
            }
        }

        public static Tsne defaults(int dimensions, long seed) {
            return new Tsne(dimensions, 30, 1000, 0.5, seed);
        }

        @Override
        public String method() {
            return "tsne";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "t-SNE %dD (perplexity %s, %d iterations, theta %s, seed %d)", dimensions,
                    num(perplexity), iterations, num(theta), seed);
        }
    }

    /**
     * UMAP (McInnes, Healy and Melville 2018).
     *
     * @param neighbours size of the local neighbourhood (2-100)
     * @param minDist    how tightly points may pack (0-1)
     * @param epochs     optimisation epochs, 0 for the reference default (500 up to 10,000 points, else 200)
     */
    record Umap(int dimensions, int neighbours, double minDist, int epochs, long seed) implements ProjectionSpec {
        public Umap {
            checkDimensions(dimensions);
            if (neighbours < 2 || minDist < 0 || epochs < 0) {
                throw new IllegalArgumentException("UMAP needs at least 2 neighbours, min-dist >= 0 and epochs >= 0");
            }
        }

        public static Umap defaults(int dimensions, long seed) {
            return new Umap(dimensions, 15, 0.1, 0, seed);
        }

        @Override
        public String method() {
            return "umap";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "UMAP %dD (%d neighbours, min-dist %s, %s, seed %d)", dimensions, neighbours,
                    num(minDist), epochs == 0 ? "default epochs" : epochs + " epochs", seed);
        }
    }

    private static void checkDimensions(int d) {
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException("layouts are 2D or 3D, not " + d + "D");
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

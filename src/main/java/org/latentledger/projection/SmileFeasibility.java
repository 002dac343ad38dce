package org.latentledger.projection;

import java.util.Locale;

/**
 * Whether Smile can compute a layout here, decided from the sizes before anything starts.
 *
 * <p>Memory: Smile's exact t-SNE keeps three dense n x n matrices of doubles (distances, P and Q),
 * {@value #TSNE_BYTES_PER_PAIR} n^2 bytes (2.4 GB at 10,000 points); it is refused when that is
 * more than {@value #MEMORY_SHARE} of the heap this JVM may use, leaving the rest for the data,
 * the activations and the window. Time: the estimates are fits to runs measured on the project's
 * 2-core machine (Debian 12, JDK 25, 2026-12-02, loaded by other builds), so they say "about", and
 * scale with the machine. Parameters Smile does not accept, or would silently replace, are refused
 * rather than bent.
 */
final class SmileFeasibility {

    static final long TSNE_BYTES_PER_PAIR = 24;
    static final double MEMORY_SHARE = 0.6;
    /**
     * Smile's exact t-SNE, seconds per n^2 per iteration on 2 cores (the gradient and Q are dense);
     * the affinities cost about {@link #TSNE_AFFINITY_ITERATIONS} iterations' worth more.
     */
    static final double TSNE_SECONDS_PER_PAIR_ITERATION = 6e-9;
    static final double TSNE_AFFINITY_ITERATIONS = 60;
    /** Smile's UMAP up to 10,000 points: exact neighbours (n^2 distances of 50 dimensions) dominate above a few thousand. */
    static final double UMAP_SECONDS_PER_PAIR = 1e-7;
    static final double UMAP_SECONDS_PER_POINT = 1e-3;
    /** Above this estimate, a run is worth a warning. */
    static final double LONG_SECONDS = 30;

    private SmileFeasibility() {
    }

    static Feasibility of(ProjectionSpec spec, int points, int width, long maxMemory) {
        return switch (spec) {
            case ProjectionSpec.Pca pca -> Feasibility.ok();
            case ProjectionSpec.Tsne tsne -> tsne(tsne, points, maxMemory);
            case ProjectionSpec.Umap umap -> umap(umap, points);
        };
    }

    static Feasibility tsne(ProjectionSpec.Tsne spec, int n, long maxMemory) {
        if (spec.perplexity() < 2) {
            return Feasibility.refuse(String.format(Locale.ROOT, "Smile's t-SNE needs a perplexity of at least 2, not %s: "
                    + "use engine 'ours' or a larger perplexity", spec.perplexity()));
        }
        if (spec.perplexity() >= n - 1) {
            return Feasibility.refuse(String.format(Locale.ROOT, "perplexity %s is too large for %,d points (it must be below %,d)",
                    spec.perplexity(), n, n - 1));
        }
        double need = tsneBytes(n);
        double may = MEMORY_SHARE * maxMemory;
        if (maxMemory != Long.MAX_VALUE && need > may) {
            return Feasibility.refuse(String.format(Locale.ROOT, "Smile's exact t-SNE needs about %s for %,d points; this app may use %s "
                    + "(%.0f%% of its %s heap): use engine 'ours', or fewer points", size(need), n, size(may), 100 * MEMORY_SHARE,
                    size(maxMemory)));
        }
        double seconds = tsneSeconds(n, spec.iterations());
        if (seconds > LONG_SECONDS) {
            return Feasibility.warn(String.format(Locale.ROOT, "Smile's exact t-SNE of %,d points will take about %s here (estimated as "
                    + "n^2 x (%d iterations + %.0f for the affinities) x %.0e s, measured on 2 cores), needs about %s, shows no layout "
                    + "until it ends, and stops on cancel only after its affinities; ours takes seconds", n, duration(seconds),
                    spec.iterations(), TSNE_AFFINITY_ITERATIONS, TSNE_SECONDS_PER_PAIR_ITERATION, size(need)));
        }
        return Feasibility.ok();
    }

    static Feasibility umap(ProjectionSpec.Umap spec, int n) {
        if (spec.minDist() <= 0 || spec.minDist() > 1) {
            return Feasibility.refuse(String.format(Locale.ROOT, "Smile's UMAP needs a min-dist above 0 and at most its spread (1), "
                    + "not %s: use engine 'ours' or another min-dist", spec.minDist()));
        }
        if (spec.epochs() > 0 && spec.epochs() < 10) {
            return Feasibility.refuse(String.format(Locale.ROOT, "Smile's UMAP replaces fewer than 10 epochs by its default (500, or 200 "
                    + "above 10,000 points), so %d epochs cannot be honoured: ask for 0 (the default) or at least 10", spec.epochs()));
        }
        if (spec.neighbours() >= n) {
            return Feasibility.refuse(String.format(Locale.ROOT, "Smile's UMAP needs more points than neighbours (%d); the data has %,d: "
                    + "use engine 'ours' or fewer neighbours", spec.neighbours(), n));
        }
        String running = SmileRun.abandonedRunning() > 0 ? " An abandoned Smile run is still finishing; this one waits for it." : "";
        return Feasibility.warn(String.format(Locale.ROOT, "Smile's UMAP reports no progress and cannot be cancelled: a cancelled run is "
                + "abandoned and finishes in the background. About %s for %,d points here (estimated, measured on 2 cores).%s",
                duration(umapSeconds(n)), n, running));
    }

    static double tsneBytes(int n) {
        return (double) TSNE_BYTES_PER_PAIR * n * n;
    }

    static double tsneSeconds(int n, int iterations) {
        return (double) n * n * (iterations + TSNE_AFFINITY_ITERATIONS) * TSNE_SECONDS_PER_PAIR_ITERATION;
    }

    static double umapSeconds(int n) {
        return (double) Math.min(n, 10_000) * n * UMAP_SECONDS_PER_PAIR + n * UMAP_SECONDS_PER_POINT;
    }

    static String size(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9) : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}

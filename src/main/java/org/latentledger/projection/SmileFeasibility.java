package org.latentledger.projection;

import java.util.Locale;

/**
 * Whether Smile can compute a layout here, decided from the sizes before anything starts.
 *
 * <p>Memory: Smile's exact t-SNE keeps three dense n x n matrices of doubles (distances, P and Q),
 * {@value #TSNE_BYTES_PER_PAIR} n^2 bytes (2.4 GB at 10,000 points); it is refused when that is
 * more than {@value #MEMORY_SHARE} of the heap this JVM may use, leaving the rest for the data,
 * the activations and the window. Time: the estimates are CPU seconds, fitted to runs on the
 * project's 2-core machine (Debian 12, JDK 25, 2026-12-02, docs/benchmarks.md "Engines: ours and
 * Smile side by side"): CPU time is what a loaded machine keeps steady, and wall time on idle
 * cores is about CPU time over the cores. They assume the 50 dimensions wide data is reduced to.
 * Parameters Smile does not accept, or would silently replace, are refused rather than bent.
 */
final class SmileFeasibility {

    static final long TSNE_BYTES_PER_PAIR = 24;
    static final double MEMORY_SHARE = 0.6;
    /**
     * Smile's exact t-SNE: CPU seconds per n^2 per iteration (Q and the gradient are dense); the
     * affinities (all n^2 distances, a bisection per row) cost about
     * {@link #TSNE_AFFINITY_ITERATIONS} iterations' worth more. Measured: 21.2 CPU s for digits
     * (1,797 points, 1000 iterations), 148.9 CPU s for 5,000 Fashion-MNIST images.
     */
    static final double TSNE_CPU_SECONDS_PER_PAIR_ITERATION = 6e-9;
    static final double TSNE_AFFINITY_ITERATIONS = 60;
    /**
     * Smile's UMAP up to 10,000 points: its exact neighbour search (n^2 distances) and the rest
     * (spectral start, 500 epochs of SGD) per point. Measured: 2.7 CPU s for digits, 12.6 CPU s for
     * 5,000 Fashion-MNIST images.
     */
    static final double UMAP_CPU_SECONDS_PER_PAIR = 2e-7;
    static final double UMAP_CPU_SECONDS_PER_POINT = 1e-3;
    /** Above this much CPU time, a t-SNE run is worth a warning. */
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
            return Feasibility.warn(String.format(Locale.ROOT, "Smile's exact t-SNE of %,d points needs about %s of CPU time (%s on %d idle "
                    + "cores; estimated as n^2 x (%d iterations + %.0f for the affinities) x %.0e CPU s, measured on 2 cores) and about %s "
                    + "of memory. It shows no layout until it ends, and a cancelled run goes on in the background until its affinities "
                    + "are done; ours takes seconds.", n, duration(seconds), duration(seconds / cores()), cores(), spec.iterations(),
                    TSNE_AFFINITY_ITERATIONS, TSNE_CPU_SECONDS_PER_PAIR_ITERATION, size(need)));
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
                + "abandoned and finishes in the background. About %s of CPU time for %,d points (estimated as n^2 x %.0e + n x %.0e "
                + "CPU s, measured on 2 cores).%s", duration(umapSeconds(n)), n, UMAP_CPU_SECONDS_PER_PAIR, UMAP_CPU_SECONDS_PER_POINT, running));
    }

    static double tsneBytes(int n) {
        return (double) TSNE_BYTES_PER_PAIR * n * n;
    }

    static double tsneSeconds(int n, int iterations) {
        return (double) n * n * (iterations + TSNE_AFFINITY_ITERATIONS) * TSNE_CPU_SECONDS_PER_PAIR_ITERATION;
    }

    static double umapSeconds(int n) {
        return (double) Math.min(n, 10_000) * n * UMAP_CPU_SECONDS_PER_PAIR + n * UMAP_CPU_SECONDS_PER_POINT;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
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

package org.latentledger.economy;

import java.util.List;
import org.latentledger.data.Dataset;
import org.latentledger.work.Progress;

/**
 * A frontier as it was swept: the policy kind and its settings, the seeded sample of the data it
 * ran over, and the result. Made where it is computed, so an export of it says truly what was
 * swept.
 *
 * @param kind    the policy swept
 * @param steps   settings of its parameter
 * @param rank    the latent router's rank (routed only; 0 otherwise)
 * @param points  inputs swept
 * @param of      inputs in the data set
 * @param seed    seed of the sample (all points when {@code points == of})
 */
public record FrontierRun(PolicyKind kind, int steps, int rank, int points, int of, long seed, Frontier.Result result) {

    /** Seed of the sample of the data a frontier sweeps when the whole set would take too long. */
    public static final long SAMPLE_SEED = 42;

    /** "over all 1,797 points" or "over a seeded sample of 800 of 10,000 points". */
    public String sampleNote() {
        return points == of ? String.format(java.util.Locale.ROOT, "over all %,d points", points)
                : String.format(java.util.Locale.ROOT, "over a seeded sample of %,d of %,d points", points, of);
    }

    /**
     * Sweeps the kind over the data, or over a seeded sample of it sized so the sweep takes about
     * {@code budgetSeconds} (at least 200 points), timed from one pass.
     */
    public static FrontierRun sweep(SparseNetwork net, Dataset d, PolicyKind kind, int steps, double thresholdRange, int rank,
                                    double budgetSeconds, EnergyModel energy, Progress progress) {
        if (!kind.sweepable()) {
            throw new IllegalArgumentException("a frontier sweeps a parameter; " + kind.cliName() + " has none (sweep topk, threshold or routed)");
        }
        List<SparsityPolicy> settings = Frontier.settings(kind.cliName(), steps, thresholdRange, rank);
        long t0 = System.nanoTime();
        net.run(d.features()[0], settings.getFirst());
        double perPass = Math.max(1e-6, (System.nanoTime() - t0) / 1e9);
        int points = (int) Math.min(d.size(), Math.max(200, budgetSeconds / (perPass * (settings.size() + 1))));
        return sweepOn(net, d, kind, steps, thresholdRange, rank, points, energy, progress);
    }

    /**
     * Sweeps the kind over a seeded sample of {@code points} of the data (all of it when that is
     * its size): the same points for every model swept with the same count, so two frontiers compare.
     */
    public static FrontierRun sweepOn(SparseNetwork net, Dataset d, PolicyKind kind, int steps, double thresholdRange, int rank,
                                      int points, EnergyModel energy, Progress progress) {
        List<SparsityPolicy> settings = Frontier.settings(kind.cliName(), steps, thresholdRange, rank);
        int[] idx = org.latentledger.work.Sampling.sample(d.size(), points, SAMPLE_SEED);
        float[][] x = new float[points][];
        int[] y = new int[points];
        for (int i = 0; i < points; i++) {
            x[i] = d.features()[idx[i]];
            y[i] = d.labels()[idx[i]];
        }
        Frontier.Result r = Frontier.sweep(net, x, y, settings, 0.99, energy, progress);
        return new FrontierRun(kind, steps, kind == PolicyKind.ROUTED ? rank : 0, points, d.size(), SAMPLE_SEED, r);
    }
}

package org.latentledger.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.model.SampleTrainer;

/**
 * {@code bench --economy}: the real time of one inference (batch 1) of each bundled economical
 * model at its knee, on the sparse executor, against its original's dense pass on the same
 * queries, in the same run, interleaved so that a loaded machine slows both alike.
 */
public final class EconomyBench {

    /** Rounds over the queries before the measured one, so that both passes run compiled (C2). */
    private static final int WARM_ROUNDS = 10;

    private EconomyBench() {
    }

    public static void run(int queries, PrintStream out) throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        out.println("| economical model | its knee | original dense, median (p10-p90) | economical at the knee, median (p10-p90) | speed-up |");
        out.println("|---|---|---|---|---|");
        for (SampleModel eco : List.of(SampleModel.values())) {
            if (eco.economizes().isEmpty()) {
                continue;
            }
            ModelCard card = ModelCard.fromJson(new String(root.read(eco.cardPath()), StandardCharsets.UTF_8));
            if (card.economy() == null || card.economy().kneeAfter() == null) {
                continue;
            }
            SampleModel base = eco.economizes().get();
            try (LoadedModel original = ModelLoader.load(root, base.zipPath()); LoadedModel economical = ModelLoader.load(root, eco.zipPath())) {
                Dataset data = base.data().load(root);
                int[] test = SampleTrainer.split(base, data).test();
                SparseNetwork dense = new SparseNetwork(original);
                SparseNetwork sparse = new SparseNetwork(economical);
                SparsityPolicy knee = SparsityPolicy.parse(card.economy().kneeAfter().setting());
                SparsityPolicy all = new SparsityPolicy.Dense();
                int n = Math.min(queries, test.length);
                double[] d = new double[n];
                double[] s = new double[n];
                for (int round = 0; round < WARM_ROUNDS + 1; round++) { // the last round is the one measured
                    for (int i = 0; i < n; i++) {
                        float[] q = data.features()[test[i]];
                        long t0 = System.nanoTime();
                        dense.run(q, all);
                        long t1 = System.nanoTime();
                        sparse.run(q, knee);
                        long t2 = System.nanoTime();
                        d[i] = (t1 - t0) / 1e3;
                        s[i] = (t2 - t1) / 1e3;
                    }
                }
                double dm = Timing.median(d.clone());
                double sm = Timing.median(s.clone());
                // The spreads overlap: the two cannot be told apart on this run.
                boolean noise = pct(d, 0.1) <= pct(s, 0.9) && pct(s, 0.1) <= pct(d, 0.9);
                out.printf(Locale.ROOT, "| %s | %s (%.1f%% of the MACs) | %.0f µs (%.0f-%.0f) | %.0f µs (%.0f-%.0f) | %.1fx%s |%n", eco.fileName(),
                        knee.spec(), 100 * card.economy().kneeAfter().macFraction(), dm, pct(d, 0.1), pct(d, 0.9), sm, pct(s, 0.1),
                        pct(s, 0.9), dm / sm, noise ? " (within noise)" : "");
            }
        }
        out.printf(Locale.ROOT, "%n%d queries of each test split, batch 1, one thread, after %d warm-up rounds over them.%n", queries, WARM_ROUNDS);
    }

    private static double pct(double[] v, double p) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[(int) Math.min(c.length - 1, Math.round(p * (c.length - 1)))];
    }
}

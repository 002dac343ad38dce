package org.latentledger.economy;

import java.util.Arrays;

/**
 * The economy of one inference: the dense pass and the sparse pass of the same input, side by
 * side, with their fidelity and measured wall times.
 *
 * @param denseMicros  median wall time of the dense pass (our kernel over every row), microseconds
 * @param sparseMicros median wall time of the sparse pass, microseconds
 */
public record Ledger(Pass dense, Pass sparse, Fidelity fidelity, double denseMicros, double sparseMicros) {

    /** Runs both passes, then times each over {@code repeats} runs (median). */
    public static Ledger of(SparseNetwork net, float[] input, SparsityPolicy policy, int repeats) {
        Pass dense = net.run(input, new SparsityPolicy.Dense());
        Pass sparse = net.run(input, policy);
        double d = 0;
        double s = 0;
        if (repeats > 0) {
            d = medianMicros(() -> net.run(input, new SparsityPolicy.Dense()), repeats);
            s = medianMicros(() -> net.run(input, policy), repeats);
        }
        return new Ledger(dense, sparse, Fidelity.of(dense.output(), sparse.output()), d, s);
    }

    static double medianMicros(Runnable r, int repeats) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e3;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    public double macFraction() {
        return (double) sparse.effectiveMacs() / dense.denseMacs();
    }

    public double energyFraction(EnergyModel e) {
        return sparse.energyPj(e) / dense.denseEnergyPj(e);
    }
}

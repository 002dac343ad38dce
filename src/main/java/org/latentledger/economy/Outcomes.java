package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.latentledger.model.Evaluation;
import org.latentledger.work.Progress;

/**
 * What every input of a frontier costs and answers: its dense pass and its pass under each
 * setting, kept per input so that the frontier sums them in input order. Inputs are worked in
 * blocks, side by side on a few threads when the network allows it; the caller's thread reports
 * progress and checks for cancelling between blocks, so a {@link Progress} is only ever touched
 * from the thread that passed it.
 *
 * @param macs   [setting][input] MACs done
 * @param energy [setting][input] picojoules
 * @param top    [setting][input] the answer (arg max)
 */
record Outcomes(long[] denseMacs, double[] denseEnergy, int[] denseTop, long[][] macs, double[][] energy, int[][] top) {

    /** Inputs per block: small enough that progress moves and cancelling is quick, large enough that handing out blocks costs nothing. */
    static final int BLOCK = 32;

    static Outcomes of(SparseNetwork net, float[][] inputs, List<SparsityPolicy> settings, EnergyModel e, Progress progress, int threads) {
        int n = inputs.length;
        int m = settings.size();
        Outcomes o = new Outcomes(new long[n], new double[n], new int[n], new long[m][n], new double[m][n], new int[m][n]);
        int blocks = (n + BLOCK - 1) / BLOCK;
        if (threads <= 1) {
            for (int b = 0; b < blocks; b++) {
                progress.checkCancelled();
                o.work(net, inputs, settings, e, b);
                report(progress, b + 1, blocks, n);
            }
            return o;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "frontier");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (int b = 0; b < blocks; b++) {
                int block = b;
                done.add(pool.submit(() -> o.work(net, inputs, settings, e, block)));
            }
            try {
                for (int b = 0; b < blocks; b++) {
                    if (progress.isCancelled()) {
                        pool.shutdownNow();
                        progress.checkCancelled();
                    }
                    done.get(b).get();
                    report(progress, b + 1, blocks, n);
                }
            } catch (InterruptedException ex) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new org.latentledger.work.CancelledException();
            } catch (ExecutionException ex) {
                pool.shutdownNow();
                throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
            }
        }
        return o;
    }

    /**
     * One block of inputs: each input's dense pass, then its pass under every setting, the first
     * layer computed once for those that share it.
     */
    private void work(SparseNetwork net, float[][] inputs, List<SparsityPolicy> settings, EnergyModel e, int block) {
        int end = Math.min(inputs.length, (block + 1) * BLOCK);
        SparsityPolicy dense = new SparsityPolicy.Dense();
        for (int i = block * BLOCK; i < end; i++) {
            Pass d = net.run(inputs[i], dense);
            denseMacs[i] = d.denseMacs();
            denseEnergy[i] = d.denseEnergyPj(e);
            denseTop[i] = Evaluation.argmax(d.output());
            SparseNetwork.Head head = null; // the first layer, the same under every setting that shares it
            for (int s = 0; s < settings.size(); s++) {
                SparsityPolicy policy = settings.get(s);
                if (head == null && net.sharesHead(policy)) {
                    head = net.head(inputs[i], policy);
                }
                Pass p = net.run(inputs[i], policy, net.sharesHead(policy) ? head : null);
                macs[s][i] = p.effectiveMacs();
                energy[s][i] = p.energyPj(e);
                top[s][i] = Evaluation.argmax(p.output());
            }
        }
    }

    private static void report(Progress progress, int block, int blocks, int n) {
        if (block % 8 == 0 || block == blocks) {
            progress.update((double) block / blocks,
                    String.format(Locale.ROOT, "Frontier: %,d of %,d points", Math.min(n, block * BLOCK), n));
        }
    }
}

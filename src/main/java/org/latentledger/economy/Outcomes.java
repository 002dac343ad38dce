package org.latentledger.economy;

import java.util.List;
import org.latentledger.model.Evaluation;
import org.latentledger.work.Progress;

/**
 * What every input of a frontier costs and answers: its dense pass and its pass under each
 * setting, kept per input so that the frontier sums them in input order. Inputs are worked in
 * blocks ({@link Blocks}), side by side on a few threads when the network allows it.
 *
 * @param macs   [setting][input] MACs done
 * @param energy [setting][input] picojoules
 * @param top    [setting][input] the answer (arg max)
 */
record Outcomes(long[] denseMacs, double[] denseEnergy, int[] denseTop, long[][] macs, double[][] energy, int[][] top) {

    static Outcomes of(SparseNetwork net, float[][] inputs, List<SparsityPolicy> settings, EnergyModel e, Progress progress, int threads) {
        int n = inputs.length;
        int m = settings.size();
        Outcomes o = new Outcomes(new long[n], new double[n], new int[n], new long[m][n], new double[m][n], new int[m][n]);
        SparsityPolicy dense = new SparsityPolicy.Dense();
        Blocks.run(n, threads, progress, "Frontier", "", i -> o.work(net, inputs[i], i, settings, e, dense));
        return o;
    }

    /**
     * One input: its dense pass, then its pass under every setting, the first layer computed once
     * for those that share it.
     */
    private void work(SparseNetwork net, float[] input, int i, List<SparsityPolicy> settings, EnergyModel e, SparsityPolicy dense) {
        Pass d = net.run(input, dense);
        denseMacs[i] = d.denseMacs();
        denseEnergy[i] = d.denseEnergyPj(e);
        denseTop[i] = Evaluation.argmax(d.output());
        SparseNetwork.Head head = null; // the first layer, the same under every setting that shares it
        for (int s = 0; s < settings.size(); s++) {
            SparsityPolicy policy = settings.get(s);
            if (head == null && net.sharesHead(policy)) {
                head = net.head(input, policy);
            }
            Pass p = net.run(input, policy, net.sharesHead(policy) ? head : null);
            macs[s][i] = p.effectiveMacs();
            energy[s][i] = p.energyPj(e);
            top[s][i] = Evaluation.argmax(p.output());
        }
    }
}

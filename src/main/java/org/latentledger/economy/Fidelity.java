package org.latentledger.economy;

import org.latentledger.model.Evaluation;

/**
 * How far a sparse pass's answer is from the dense one.
 *
 * @param sameTop1 both pick the same class
 * @param cosine   cosine similarity of the two output vectors
 * @param kl       KL(dense || sparse) of the outputs taken as distributions (normalised, 1e-12 floor)
 */
public record Fidelity(boolean sameTop1, double cosine, double kl) {

    public static Fidelity of(float[] dense, float[] sparse) {
        int a = Evaluation.argmax(dense);
        int b = Evaluation.argmax(sparse);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < dense.length; i++) {
            dot += (double) dense[i] * sparse[i];
            na += (double) dense[i] * dense[i];
            nb += (double) sparse[i] * sparse[i];
        }
        double cos = na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / Math.sqrt(na * nb);
        return new Fidelity(a == b, cos, kl(dense, sparse));
    }

    static double kl(float[] p, float[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += Math.max(0, p[i]);
            sq += Math.max(0, q[i]);
        }
        if (sp == 0) {
            return 0;
        }
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = Math.max(0, p[i]) / sp;
            double qi = sq == 0 ? 1.0 / q.length : Math.max(0, q[i]) / sq;
            if (pi > 0) {
                kl += pi * Math.log(pi / Math.max(qi, 1e-12));
            }
        }
        return kl;
    }
}

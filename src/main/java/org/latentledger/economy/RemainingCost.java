package org.latentledger.economy;

import java.util.Locale;

/**
 * Where a sparse pass's remaining cost sits: the layer with the most effective MACs, its share of
 * the pass's, and why it costs what it does (how many of its inputs are live, how many outputs it
 * computes), so the ledger can say what would have to change to compute less.
 */
public final class RemainingCost {

    private RemainingCost() {
    }

    /** "Most of what is left is hidden1: 30,386 of 35,931 MACs (85%): 267 of its 784 inputs are live, ...". */
    public static String where(Pass p) {
        LayerCost top = null;
        for (LayerCost c : p.costs()) {
            if (top == null || c.effectiveMacs() > top.effectiveMacs()) {
                top = c;
            }
        }
        long total = p.effectiveMacs();
        if (top == null || total == 0) {
            return "";
        }
        double share = (double) top.effectiveMacs() / total;
        long perLive = top.activeIn() == 0 ? 0 : top.effectiveMacs() / top.activeIn();
        String why;
        if (top.estimate()) {
            why = String.format(Locale.ROOT, "estimated from its input's density (%d of %d inputs live)", top.activeIn(), top.nIn());
        } else if (top.activationsWritten() < top.nOut()) {
            // Latent routing: part of the cost is the router's prediction, the rest the outputs it chose.
            why = String.format(Locale.ROOT, "%,d of its %,d inputs are live and %,d of its %,d outputs computed, with the router's "
                    + "prediction", top.activeIn(), top.nIn(), top.activationsWritten(), top.nOut());
        } else {
            why = String.format(Locale.ROOT, "%,d of its %,d inputs are live, each meeting %s", top.activeIn(), top.nIn(),
                    perLive >= top.nOut() ? "all " + top.nOut() + " outputs" : "about " + perLive + " weights of " + top.nOut());
        }
        return String.format(Locale.ROOT, "Most of what is left is %s: %,d of %,d MACs (%.0f%%); %s.", top.name(), top.effectiveMacs(),
                total, 100 * share, why);
    }
}

package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentledger.work.Progress;

/**
 * Sweeps a policy's parameter over a data set: for each setting, how often the sparse answer
 * agrees with the dense one, its accuracy against the labels, and the shares of the dense MACs
 * and energy it costs. The knee is the cheapest setting (fewest MACs) whose agreement reaches the
 * threshold.
 */
public final class Frontier {

    /** One setting of the sweep, over all points. */
    public record Point(SparsityPolicy policy, double parameter, double agreement, double accuracy, double macFraction,
                        double energyFraction) {
    }

    /**
     * The sweep and its knee (null when no setting reaches the threshold); {@code labelled} says
     * whether any input had a label, so that accuracies mean something (a typed sentence has none).
     */
    public record Result(List<Point> points, Point knee, double threshold, double denseAccuracy, boolean labelled) {
    }

    private Frontier() {
    }

    /** The settings of a sweep: k from 1% to 100% of each layer, thresholds up to the largest activation, or routed k. */
    public static List<SparsityPolicy> settings(String kind, int steps, double maxThreshold, int rank) {
        List<SparsityPolicy> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            // 1% .. 100%, log spaced, on the 0.1% grid that views show (one number, one rounding)
            double f = steps == 1 ? 1 : Math.round(10 * Math.pow(100, (double) s / (steps - 1))) / 1000.0;
            switch (kind) {
                case "topk" -> out.add(new SparsityPolicy.TopK(0, Math.min(1, f)));
                case "routed" -> out.add(new SparsityPolicy.LatentRouted(rank, 0, Math.min(1, f)));
                case "threshold" -> out.add(new SparsityPolicy.Threshold(maxThreshold * s / Math.max(1, steps - 1)));
                default -> throw new IllegalArgumentException("a frontier sweeps topk, threshold or routed, not " + kind);
            }
        }
        return out;
    }

    /**
     * The sweep over every input. Each input's dense pass and its passes under every setting are
     * one piece of work ({@link Outcomes}), run on {@link #threads} threads when the network runs
     * on our own code; the sums are then taken in input order, so the figures do not depend on
     * how many threads ran.
     */
    public static Result sweep(SparseNetwork net, float[][] inputs, int[] labels, List<SparsityPolicy> settings, double threshold,
                               EnergyModel energy, Progress progress) {
        return sweep(net, inputs, labels, settings, threshold, energy, progress, net.parallelSafe() ? threads() : 1);
    }

    /** Threads a sweep uses: one per core. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    static Result sweep(SparseNetwork net, float[][] inputs, int[] labels, List<SparsityPolicy> settings, double threshold,
                        EnergyModel energy, Progress progress, int threads) {
        int n = inputs.length;
        Outcomes o = Outcomes.of(net, inputs, settings, energy, progress, threads);
        long denseMacs = 0;
        double denseEnergy = 0;
        int denseCorrect = 0;
        boolean labelled = false;
        for (int i = 0; i < n; i++) {
            labelled |= labels[i] >= 0;
            denseMacs += o.denseMacs()[i];
            denseEnergy += o.denseEnergy()[i];
            denseCorrect += labels[i] >= 0 && o.denseTop()[i] == labels[i] ? 1 : 0;
        }
        List<Point> points = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            long macs = 0;
            double joules = 0;
            int agree = 0;
            int correct = 0;
            for (int i = 0; i < n; i++) {
                macs += o.macs()[s][i];
                joules += o.energy()[s][i];
                int top = o.top()[s][i];
                agree += top == o.denseTop()[i] ? 1 : 0;
                correct += labels[i] >= 0 && top == labels[i] ? 1 : 0;
            }
            SparsityPolicy policy = settings.get(s);
            points.add(new Point(policy, parameter(policy), (double) agree / n, (double) correct / n, (double) macs / denseMacs,
                    joules / denseEnergy));
        }
        Point knee = null;
        for (Point p : points) {
            if (p.agreement() >= threshold && (knee == null || p.macFraction() < knee.macFraction())) {
                knee = p;
            }
        }
        return new Result(List.copyOf(points), knee, threshold, (double) denseCorrect / n, labelled);
    }

    /** The swept number of a policy: k's fraction, the threshold, or routed k's fraction. */
    static double parameter(SparsityPolicy p) {
        return switch (p) {
            case SparsityPolicy.TopK t -> t.count() > 0 ? t.count() : t.fraction();
            case SparsityPolicy.Threshold t -> t.t();
            case SparsityPolicy.LatentRouted r -> r.count() > 0 ? r.count() : r.fraction();
            default -> 0;
        };
    }

    /** A threshold range for sweeps: the 99th percentile of |a| over the hidden layers of up to 200 inputs. */
    public static double thresholdRange(SparseNetwork net, float[][] inputs) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < Math.min(200, inputs.length); i++) {
            Pass p = net.run(inputs[i], new SparsityPolicy.Dense());
            for (int l = 0; l + 1 < p.activations().size(); l++) {
                for (float v : p.activations().get(l)) {
                    if (v != 0) {
                        values.add(Math.abs(v));
                    }
                }
            }
        }
        if (values.isEmpty()) {
            return 1;
        }
        values.sort(null);
        return values.get((int) (0.99 * (values.size() - 1)));
    }

    /** "12% of the compute, 99.3% of the answers unchanged". */
    public static String describeKnee(Result r) {
        if (r.knee() == null) {
            return String.format(Locale.ROOT, "No setting keeps %.0f%% of the answers.", 100 * r.threshold());
        }
        Point k = r.knee();
        String cost = String.format(Locale.ROOT, "%s: %.1f%% of the MACs, %.1f%% of the energy, %.1f%% of the answers unchanged",
                k.policy().describe(), 100 * k.macFraction(), 100 * k.energyFraction(), 100 * k.agreement());
        return r.labelled() ? cost + String.format(Locale.ROOT, " (accuracy %.1f%%, dense %.1f%%)", 100 * k.accuracy(),
                100 * r.denseAccuracy()) : cost + " (no labels: accuracy not measured)";
    }
}

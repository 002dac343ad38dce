package org.latentledger.ui.ledger;

import org.latentledger.economy.PolicyKind;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.latentledger.data.Dataset;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import org.latentledger.ui.Jobs;

/**
 * The ledger of the current query: the policy and its live parameter, the dense and sparse
 * passes with their costs and verdict, the energy constants, measured times, and the frontier.
 * One pass is computed on the FX thread (microseconds to milliseconds for the bundled models)
 * when no job holds the network; timing runs once the slider settles; the frontier is a job.
 */
public final class LedgerViewModel {


    static final int TIMING_REPEATS = 15;
    /** The frontier in the window sweeps at most this long a set (seconds of estimated work). */
    static final double FRONTIER_BUDGET_SECONDS = 12;

    private final Jobs jobs;
    private final ObjectProperty<PolicyKind> kind = new SimpleObjectProperty<>(this, "kind", PolicyKind.TOPK);
    private final DoubleProperty level = new SimpleDoubleProperty(this, "level", 0.1);
    private final IntegerProperty rank = new SimpleIntegerProperty(this, "rank", 16);
    private final ObjectProperty<EnergyModel> energy = new SimpleObjectProperty<>(this, "energy", EnergyModel.SRAM);
    private final ReadOnlyObjectWrapper<Ledger> ledger = new ReadOnlyObjectWrapper<>(this, "ledger");
    private final ReadOnlyObjectWrapper<Frontier.Result> frontier = new ReadOnlyObjectWrapper<>(this, "frontier");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));

    private SparseNetwork net;
    private Dataset data;
    private float[] query;
    private double thresholdRange = 1;
    private boolean pending;
    private String frontierNote = "";

    public LedgerViewModel(Jobs jobs) {
        this.jobs = jobs;
        kind.addListener(o -> {
            recompute();
            frontier.set(null);
        });
        level.addListener(o -> recompute());
        rank.addListener(o -> {
            recompute();
            frontier.set(null);
        });
        energy.addListener(o -> {
            Ledger l = ledger.get();
            ledger.set(null);
            ledger.set(l); // costs re-read the energy model
        });
        settle.setOnFinished(e -> measure());
        jobs.busyProperty().addListener((o, was, busy) -> {
            if (!busy && pending) {
                recompute();
            } else if (!busy) {
                settle.playFromStart(); // measure once the network is free again
            }
        });
    }

    /** Shows a model and data (or nothing); says why when the model cannot be run sparsely. */
    public void show(LoadedModel model, Dataset d) {
        net = null;
        data = d;
        ledger.set(null);
        frontier.set(null);
        timing.set("");
        message.set("");
        if (model == null || d == null) {
            return;
        }
        try {
            net = new SparseNetwork(model);
            thresholdRange = Frontier.thresholdRange(net, d.features());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** The input whose economy is shown (the journey's query). */
    public void setQuery(float[] input) {
        query = input;
        recompute();
    }

    /** The policy the controls describe now. */
    public SparsityPolicy policy() {
        double v = Math.max(0, Math.min(1, level.get()));
        double fraction = Math.max(0.01, v);
        return switch (kind.get()) {
            case DENSE -> new SparsityPolicy.Dense();
            case NATURAL -> new SparsityPolicy.NaturalZeros();
            case TOPK -> new SparsityPolicy.TopK(0, fraction);
            case THRESHOLD -> new SparsityPolicy.Threshold(v * thresholdRange);
            case ROUTED -> new SparsityPolicy.LatentRouted(Math.max(1, rank.get()), 0, fraction);
        };
    }

    /** Recomputes both passes now, or as soon as the running job lets go of the network. */
    public void recompute() {
        if (net == null || query == null) {
            return;
        }
        if (jobs.busyProperty().get()) {
            pending = true;
            return;
        }
        pending = false;
        ledger.set(Ledger.of(net, query, policy(), 0));
        settle.playFromStart();
    }

    /** Median wall times of both passes (after the slider settles: timing every slider step would stall it). */
    private void measure() {
        if (net == null || query == null || jobs.busyProperty().get()) {
            return;
        }
        Ledger timed = Ledger.of(net, query, policy(), TIMING_REPEATS);
        timing.set(String.format(Locale.ROOT, "Measured (median of %d): dense %.0f µs, sparse %.0f µs (%.1fx). Dense = our kernel "
                        + "over every row; sparse = only the live rows%s.", TIMING_REPEATS, timed.denseMicros(), timed.sparseMicros(),
                timed.denseMicros() / Math.max(1e-9, timed.sparseMicros()), net.exact(0) ? "" : "; conv layers run through DL4J"));
    }

    /** Sweeps the current kind of policy over (a seeded sample of) the data as the window's job. */
    public void computeFrontier() {
        if (net == null || data == null || kind.get() == PolicyKind.DENSE || kind.get() == PolicyKind.NATURAL) {
            return;
        }
        String sweep = switch (kind.get()) {
            case TOPK -> "topk";
            case THRESHOLD -> "threshold";
            default -> "routed";
        };
        List<SparsityPolicy> settings = Frontier.settings(sweep, 12, thresholdRange, Math.max(1, rank.get()));
        SparseNetwork n = net;
        Dataset d = data;
        EnergyModel e = energy.get();
        jobs.run("Frontier of " + kind.get(), (progress, partial) -> {
            long t0 = System.nanoTime();
            n.run(d.features()[0], settings.getFirst());
            double perPass = Math.max(1e-6, (System.nanoTime() - t0) / 1e9);
            int points = (int) Math.min(d.size(), Math.max(200, FRONTIER_BUDGET_SECONDS / (perPass * (settings.size() + 1))));
            int[] idx = sample(d.size(), points);
            float[][] x = new float[points][];
            int[] y = new int[points];
            for (int i = 0; i < points; i++) {
                x[i] = d.features()[idx[i]];
                y[i] = d.labels()[idx[i]];
            }
            frontierNote = points == d.size() ? "over all " + points + " points" : "over a seeded sample of " + points + " of " + d.size() + " points";
            return Frontier.sweep(n, x, y, settings, 0.99, e, progress);
        }, null, frontier::set, error -> message.set("The frontier failed: " + error.getMessage()));
    }

    private static int[] sample(int n, int k) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(order, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /** Sets the controls to a policy (from a command line or a lesson). */
    public void apply(SparsityPolicy p) {
        switch (p) {
            case SparsityPolicy.Dense d -> kind.set(PolicyKind.DENSE);
            case SparsityPolicy.NaturalZeros z -> kind.set(PolicyKind.NATURAL);
            case SparsityPolicy.TopK t -> {
                kind.set(PolicyKind.TOPK);
                level.set(t.count() > 0 && data != null ? t.count() / 100.0 : t.fraction());
            }
            case SparsityPolicy.Threshold t -> {
                kind.set(PolicyKind.THRESHOLD);
                level.set(t.t() / thresholdRange);
            }
            case SparsityPolicy.LatentRouted r -> {
                kind.set(PolicyKind.ROUTED);
                rank.set(r.rank());
                level.set(r.fraction() > 0 ? r.fraction() : 0.1);
            }
        }
    }

    /** Sets the policy to a frontier point (a click on the chart). */
    public void choose(Frontier.Point p) {
        double v = switch (p.policy()) {
            case SparsityPolicy.Threshold t -> t.t() / thresholdRange;
            default -> p.parameter();
        };
        level.set(v);
    }

    /** How the slider's value reads for the current kind: "k = 10% of each layer", "t = 0.42". */
    public String levelText() {
        return switch (policy()) {
            case SparsityPolicy.TopK t -> String.format(Locale.ROOT, "k = %.0f%% of each layer", 100 * t.fraction());
            case SparsityPolicy.Threshold t -> String.format(Locale.ROOT, "t = %.3f", t.t());
            case SparsityPolicy.LatentRouted r -> String.format(Locale.ROOT, "rank %d, k = %.0f%% computed", r.rank(), 100 * r.fraction());
            default -> "";
        };
    }

    public String frontierNote() {
        return frontierNote;
    }

    public Dataset data() {
        return data;
    }

    public boolean available() {
        return net != null;
    }

    public ObjectProperty<PolicyKind> kindProperty() {
        return kind;
    }

    public DoubleProperty levelProperty() {
        return level;
    }

    public IntegerProperty rankProperty() {
        return rank;
    }

    public ObjectProperty<EnergyModel> energyProperty() {
        return energy;
    }

    public ReadOnlyObjectProperty<Ledger> ledgerProperty() {
        return ledger.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frontier.Result> frontierProperty() {
        return frontier.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }
}

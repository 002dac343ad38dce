package org.latentledger.ui.ledger;

import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentledger.data.Dataset;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.FrontierRun;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.PassTimes;
import org.latentledger.economy.PolicyKind;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import org.latentledger.ui.jobs.JobRunner;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.jobs.ThreadRule;
import org.latentledger.work.Exclusive;

/**
 * The ledger of the current query: the policy and its live parameter, the dense and sparse
 * passes with their costs and verdict, the energy constants, measured times, and the frontier.
 * One pass is computed on the UI thread (microseconds to milliseconds for the bundled models)
 * when no job holds the network, else as soon as the job that does has returned; timing runs
 * once the slider settles; the frontier is a job of the {@link Lane#LEDGER} lane that holds the
 * network while it sweeps. Touched only by the thread that made it (checked).
 */
public final class LedgerViewModel {


    /** Timed runs of each pass, interleaved, after a short warm-up (PassTimes). */
    static final int TIMING_REPEATS = 21;
    /** The frontier in the window sweeps at most this long a set (seconds of estimated work). */
    static final double FRONTIER_BUDGET_SECONDS = 12;

    /**
     * What the ledger needs of a model, made where the model is loaded (off the UI thread): the
     * sparse network on its layers and the threshold range of its activations; or why there is none.
     */
    public record Setup(SparseNetwork net, double thresholdRange, String message, SparseNetwork original, String originalName) {

        /** Builds the sparse network of a model over a data set; a model it cannot run sparsely gets the reason. */
        public static Setup of(LoadedModel model, Dataset d) {
            try {
                SparseNetwork net = new SparseNetwork(model);
                return new Setup(net, Frontier.thresholdRange(net, d.features()), "", null, null);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return new Setup(null, 1, e.getMessage(), null, null);
            }
        }

        /**
         * With the model this economical one was made from, whose frontier is drawn beside its own.
         * Only where every layer of the original runs on our kernel (its weights are then copied
         * and the model can be closed).
         */
        public Setup withOriginal(LoadedModel o) {
            try {
                SparseNetwork s = new SparseNetwork(o);
                for (int l = 0; l < s.layerCount(); l++) {
                    if (!s.exact(l)) {
                        return this;
                    }
                }
                return new Setup(net, thresholdRange, message, s, o.name().replaceFirst("\\.zip$", ""));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return this;
            }
        }
    }

    private final JobRunner jobs;
    private final ThreadRule rule = ThreadRule.confinedToCurrent("the ledger's view model");
    private final ObjectProperty<PolicyKind> kind = new SimpleObjectProperty<>(this, "kind", PolicyKind.TOPK);
    private final DoubleProperty level = new SimpleDoubleProperty(this, "level", 0.1);
    private final IntegerProperty rank = new SimpleIntegerProperty(this, "rank", 16);
    private final ObjectProperty<EnergyModel> energy = new SimpleObjectProperty<>(this, "energy", EnergyModel.SRAM);
    private EnergyModel frontierEnergy = EnergyModel.SRAM;
    private final ReadOnlyObjectWrapper<Ledger> ledger = new ReadOnlyObjectWrapper<>(this, "ledger");
    private final ReadOnlyObjectWrapper<Frontier.Result> frontier = new ReadOnlyObjectWrapper<>(this, "frontier");
    private final ReadOnlyObjectWrapper<FrontierRun> frontierRun = new ReadOnlyObjectWrapper<>(this, "frontierRun");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private boolean waiting;
    private boolean measuring;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    static final Duration SETTLE = Duration.ofMillis(250);
    /** "At once": the next pulse, so the pass is drawn before it is timed. */
    static final Duration AT_ONCE = Duration.ofMillis(1);
    /**
     * True while a person moves the level's slider (dragging it, or holding a key on it; the view
     * binds it). Timing every step of a moving slider would stall it, so then the passes are timed
     * once it has settled ({@link #SETTLE}); any other change (a policy chosen, a query picked, a
     * lesson's step) is timed at once.
     */
    private final javafx.beans.property.BooleanProperty sliding = new javafx.beans.property.SimpleBooleanProperty(this, "sliding", false);

    private Exclusive<SparseNetwork> net;
    /** The model this economical one was made from (only the ledger's frontier jobs run it), or null. */
    private SparseNetwork original;
    private String originalName = "";
    private final ReadOnlyObjectWrapper<Frontier.Result> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    /** The original's dense pass on the same query, for the heatmap beside the economical model's, or null. */
    private final ReadOnlyObjectWrapper<org.latentledger.economy.Pass> originalPass = new ReadOnlyObjectWrapper<>(this, "originalPass");
    private final javafx.beans.property.BooleanProperty showOriginal = new javafx.beans.property.SimpleBooleanProperty(this,
            "showOriginal", false);
    private final ReadOnlyBooleanWrapper hasOriginal = new ReadOnlyBooleanWrapper(this, "hasOriginal", false);
    private boolean exactFirst;
    private Dataset data;
    private float[] query;
    private double thresholdRange = 1;

    public LedgerViewModel(JobRunner jobs) {
        this.jobs = jobs;
        kind.addListener(o -> {
            recompute();
            clearFrontier();
        });
        level.addListener(o -> recompute());
        rank.addListener(o -> {
            recompute();
            clearFrontier();
        });
        energy.addListener(o -> {
            Ledger l = ledger.get();
            ledger.set(null);
            ledger.set(l); // costs re-read the energy model
        });
        // Let go of the slider: what it settled on is timed now.
        sliding.addListener((o, was, now) -> {
            if (!now && measuring) {
                jobs.later(this, AT_ONCE, this::measure);
            }
        });
        // A pass that waited for the network goes as soon as the job holding it has returned.
        jobs.finishedProperty().addListener(o -> {
            if (waiting) {
                recompute();
            }
        });
    }

    /**
     * Shows a model and data (or nothing, with nulls); says why when the model cannot be run sparsely.
     *
     * @param model the model as jobs share it; the sparse network shares its lock (it runs the model's own layers)
     */
    public void show(Exclusive<LoadedModel> model, Dataset d, Setup setup) {
        rule.check();
        jobs.cancel(Lane.LEDGER);
        net = null;
        original = setup == null ? null : setup.original();
        originalName = setup == null || setup.originalName() == null ? "" : setup.originalName();
        hasOriginal.set(original != null);
        originalPass.set(null);
        data = d;
        ledger.set(null);
        clearFrontier();
        timing.set("");
        message.set("");
        setWaiting(false, false);
        if (model == null || d == null || setup == null) {
            return;
        }
        if (setup.net() == null) {
            message.set(setup.message());
            return;
        }
        net = model.share(setup.net());
        exactFirst = setup.net().exact(0);
        thresholdRange = setup.thresholdRange();
    }

    private void clearFrontier() {
        frontier.set(null);
        frontierRun.set(null);
        comparison.set(null);
    }

    /** A frontier and, for an economical model, its original's over the same points and settings. */
    private record Compared(FrontierRun run, Frontier.Result original) {
    }

    /** The input whose economy is shown (the journey's query). */
    public void setQuery(float[] input) {
        rule.check();
        query = input;
        recompute();
    }

    /** The policy the controls describe now. */
    public SparsityPolicy policy() {
        double v = Math.max(0, Math.min(1, level.get()));
        // On the 0.1% grid every label shows (SparsityPolicy.percent): the share used is the share read.
        double fraction = Math.max(0.01, Math.round(v * 1000) / 1000.0);
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
        rule.check();
        if (net == null || query == null) {
            setWaiting(false, false);
            return;
        }
        float[] q = query;
        SparsityPolicy p = policy();
        // The original's every unit on the same query (its weights are copied, no job shares them while it runs dense).
        originalPass.set(original == null ? null : original.run(q, new SparsityPolicy.Dense()));
        if (!net.tryUse(n -> ledger.set(Ledger.of(n, q, p, 0)))) {
            setWaiting(true, measuring);
            return;
        }
        setWaiting(false, true);
        jobs.later(this, sliding.get() ? SETTLE : AT_ONCE, this::measure);
    }

    /** A pass waiting for the network, and timing waiting for the slider to settle, both keep the ledger from settling. */
    private void setWaiting(boolean pass, boolean timing) {
        waiting = pass;
        measuring = timing;
        pending.set(pass || timing);
    }

    /** Median wall times of both passes (once a moving slider settles: timing every step of it would stall it). */
    private void measure() {
        if (net == null || query == null) {
            setWaiting(waiting, false);
            return;
        }
        float[] q = query;
        SparsityPolicy p = policy();
        boolean ran = net.tryUse(n -> {
            timing.set(timingText(PassTimes.measure(n, q, p, TIMING_REPEATS), p instanceof SparsityPolicy.Dense,
                    exactFirst ? "" : " The other layers run through " + n.framework() + "."));
        });
        // Not measured when a job holds the network: measured after the pass is redone.
        setWaiting(!ran || waiting, false);
    }

    /**
     * "Measured, median (interquartile range) of 21 interleaved runs: dense 617 µs (590-650), sparse
     * 420 µs (400-450): 1.5x faster." When the ranges overlap it says the difference is within noise.
     */
    /** What the two timed passes are (the timing line's tooltip). */
    public static final String TIMING_NOTE = "Dense = our kernel over every row; sparse = only the live rows. Both run in turn on this query "
            + "after a warm-up; the range is the 25th to 75th percentile of the runs.";

    static String timingText(PassTimes t, boolean samePass, String others) {
        String times = String.format(Locale.ROOT, "Measured, median (interquartile range) of %d interleaved runs: dense %s, sparse %s", t.repeats(),
                PassTimes.describe(t.dense()), PassTimes.describe(t.sparse()));
        String verdict = samePass ? "the same pass twice, so any difference is noise" : t.verdict();
        return times + ": " + verdict + "." + others;
    }

    /**
     * Both answers, named ("Same answer: Ankle boot", or "DIFFERENT answer: dense Ankle boot, sparse
     * Sneaker"), then the cosine and KL of the two outputs; each pass's probabilities are in the chart beside it.
     */
    public String verdictText() {
        return verdictText(ledger.get(), data == null ? java.util.List.of() : data.classNames());
    }

    static String verdictText(Ledger l, java.util.List<String> classNames) {
        if (l == null) {
            return "";
        }
        int a = org.latentledger.model.Evaluation.argmax(l.dense().output());
        int b = org.latentledger.model.Evaluation.argmax(l.sparse().output());
        String head = l.fidelity().sameTop1()
                ? "Same answer: " + className(a, classNames)
                : "DIFFERENT answer: dense " + className(a, classNames) + ", sparse " + className(b, classNames);
        return head + String.format(Locale.ROOT, "%ncosine %.4f, KL %s", l.fidelity().cosine(), kl(l.fidelity().kl()));
    }

    /** A class by its data set's name, or "class 3" where the data names none. */
    static String className(int k, java.util.List<String> names) {
        return k >= 0 && k < names.size() ? names.get(k) : "class " + k;
    }

    /**
     * KL as shown: never negative (KL >= 0; a value a hair below 0 is the rounding of sums that
     * are 1 in exact arithmetic, shown as 0), three decimals, or two digits below 0.001.
     */
    static String kl(double kl) {
        double v = kl < 0 && kl > -1e-9 ? 0 : kl;
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1e-3 ? "%.1e" : "%.3f", v);
    }

    /** Sweeps the current kind of policy over (a seeded sample of) the data as a job holding the network. */
    public void computeFrontier() {
        rule.check();
        if (net == null || data == null || !kind.get().sweepable()) {
            return;
        }
        Exclusive<SparseNetwork> n = net;
        Dataset d = data;
        EnergyModel e = energy.get();
        PolicyKind k = kind.get();
        int r = Math.max(1, rank.get());
        double range = thresholdRange;
        SparseNetwork o = original;
        jobs.run(Lane.LEDGER, "Frontier of " + k.label(), (progress, partial) -> {
            FrontierRun run = n.use(sparse -> FrontierRun.sweep(sparse, d, k, 12, range, r, FRONTIER_BUDGET_SECONDS, e, progress));
            // The original's frontier on the same points: its own thresholds, the same tops and routes.
            double originalRange = o != null && k == PolicyKind.THRESHOLD ? Frontier.thresholdRange(o, d.features()) : range;
            return new Compared(run, o == null ? null : FrontierRun.sweepOn(o, d, k, 12, originalRange, r, run.points(), e, progress).result());
        }, null, (Compared c) -> {
                    if (n == net) {
                        frontierEnergy = e;
                        comparison.set(c.original());
                        frontierRun.set(c.run());
                        frontier.set(c.run().result());
                    }
                }, error -> {
                    message.set("The frontier failed: " + error.getMessage());
                    jobs.report("The frontier", error);
                });
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
            case SparsityPolicy.TopK t -> "k = " + SparsityPolicy.percent(t.fraction()) + " of each layer";
            case SparsityPolicy.Threshold t -> "t = " + SparsityPolicy.shown(t.t());
            case SparsityPolicy.LatentRouted r -> "rank " + r.rank() + ", k = " + SparsityPolicy.percent(r.fraction()) + " computed";
            default -> "";
        };
    }

    /** How the frontier shown was swept ("over all 1,797 points"), or "" without one. */
    public String frontierNote() {
        return frontierRun.get() == null ? "" : frontierRun.get().sampleNote();
    }

    /** The frontier shown as it was swept (kind, settings, sample, seed), or null. */
    public ReadOnlyObjectProperty<FrontierRun> frontierRunProperty() {
        return frontierRun.getReadOnlyProperty();
    }

    /** True while a pass waits for the network (a job holds it). */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
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

    /** Whether a person is moving the level's slider now (see {@link #sliding}). */
    public javafx.beans.property.BooleanProperty slidingProperty() {
        return sliding;
    }

    public IntegerProperty rankProperty() {
        return rank;
    }

    /** The constants the frontier's energy shares were computed with (they stay as swept when the ledger's change). */
    public EnergyModel frontierEnergy() {
        return frontierEnergy;
    }

    public ObjectProperty<EnergyModel> energyProperty() {
        return energy;
    }

    public ReadOnlyObjectProperty<Ledger> ledgerProperty() {
        return ledger.getReadOnlyProperty();
    }

    /** For an economical model: its original's frontier over the same points and settings, or null. */
    public ReadOnlyObjectProperty<Frontier.Result> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** For an economical model: its original's dense pass on the same query, or null. */
    public ReadOnlyObjectProperty<org.latentledger.economy.Pass> originalPassProperty() {
        return originalPass.getReadOnlyProperty();
    }

    /** Whether the left heatmap shows the original's dense pass instead of this model's own. */
    public javafx.beans.property.BooleanProperty showOriginalProperty() {
        return showOriginal;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty hasOriginalProperty() {
        return hasOriginal.getReadOnlyProperty();
    }

    /** The name of the model the open one was economized from, or "". */
    public String originalName() {
        return originalName;
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

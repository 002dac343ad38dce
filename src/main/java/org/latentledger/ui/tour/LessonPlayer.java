package org.latentledger.ui.tour;

import org.latentledger.view.QuerySource;
import org.latentledger.projection.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.atlas.MapSpec;

/**
 * Plays a lesson on the real window: a step's actions run one after another, each waiting until
 * the window has done what it started (a model opened, a map or the frontier computed) before
 * the next. Going forward runs the next step's actions; going back or jumping replays the steps
 * from the first, where opening what is already open and computing what is already there cost
 * nothing. FX thread only.
 */
public final class LessonPlayer {

    public static final String HIGHLIGHT = "ll-highlight";

    private final LessonWindow window;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final Deque<LessonAction> queue = new ArrayDeque<>();
    private javafx.beans.value.ChangeListener<Boolean> waiting;
    private Node highlighted;
    private int generation;
    private Method journeyMaps;

    public LessonPlayer(LessonWindow window) {
        this.window = window;
    }

    /**
     * Makes the journey's layer maps by this method whatever the lesson's {@code method} actions
     * say (they still choose the map page's), or, with null, as the lesson says. A teacher previews
     * a lesson with t-SNE or UMAP journey maps this way ({@code lesson --journey-maps}).
     */
    public void setJourneyMaps(Method method) {
        journeyMaps = method;
    }

    /** The journey maps' method a lesson is held to, or null when the lesson chooses. */
    public Method journeyMaps() {
        return journeyMaps;
    }

    /** Starts a lesson at its first step. */
    public void start(Lesson l) {
        stop();
        lesson.set(l);
        go(0);
    }

    /** Ends the lesson; the window stays as the lesson left it. */
    public void stop() {
        generation++;
        stopWaiting();
        queue.clear();
        working.set(false);
        clearHighlight();
        lesson.set(null);
        step.set(-1);
        message.set("");
    }

    public void next() {
        if (lesson.get() != null && step.get() < lesson.get().steps().size() - 1) {
            go(step.get() + 1);
        }
    }

    public void back() {
        if (lesson.get() != null && step.get() > 0) {
            go(step.get() - 1);
        }
    }

    /** Shows step k: the next step runs its own actions; any other replays the steps up to k. */
    public void go(int k) {
        Lesson l = lesson.get();
        if (l == null || k < 0 || k >= l.steps().size()) {
            return;
        }
        generation++;
        stopWaiting();
        queue.clear();
        clearHighlight();
        message.set("");
        window.clearProblem();
        List<Lesson.Step> steps = l.steps();
        int from = k == step.get() + 1 ? k : 0;
        for (int i = from; i <= k; i++) {
            for (LessonAction a : steps.get(i).actions()) {
                // Highlights belong to the step shown, not to the steps replayed on the way.
                if (!(a instanceof LessonAction.Highlight) || i == k) {
                    queue.add(a);
                }
            }
        }
        step.set(k);
        text.set(LessonFacts.pending(steps.get(k).text()));
        working.set(true);
        if (journeyMaps != null) {
            // Before the step's actions, so the journey's maps are made once, by this method.
            window.journeyModel().methodProperty().set(journeyMaps);
        }
        runNext(generation);
    }

    private void runNext(int gen) {
        if (gen != generation) {
            return;
        }
        LessonAction a = queue.poll();
        if (a == null) {
            // The step's text, with what the window computed filled in now that its actions are done.
            Lesson.Step shown = lesson.get().steps().get(step.get());
            try {
                text.set(LessonFacts.render(shown.text(), window));
            } catch (IllegalArgumentException | IllegalStateException e) {
                text.set(LessonFacts.pending(shown.text()));
                message.set(String.format(Locale.ROOT, "Step %d could not say what it computed: %s", step.get() + 1, e.getMessage()));
            }
            working.set(false);
            return;
        }
        BooleanSupplier done;
        try {
            done = apply(a);
        } catch (RuntimeException e) {
            fail(a, e.getMessage());
            return;
        }
        // Wait for what the action started: the window's one "settled" signal, looked at from the
        // next pulse on, so that work the action's listeners start is under way by then.
        javafx.application.Platform.runLater(() -> awaitSettled(gen, a, done));
    }

    private void awaitSettled(int gen, LessonAction a, BooleanSupplier done) {
        if (gen != generation) {
            return;
        }
        if (window.settledProperty().get()) {
            settled(gen, a, done);
            return;
        }
        waiting = (o, was, now) -> {
            if (now) {
                stopWaiting();
                settled(gen, a, done);
            }
        };
        window.settledProperty().addListener(waiting);
    }

    /** The window has settled: the action did what it started, or it could not, and the step says why. */
    private void settled(int gen, LessonAction a, BooleanSupplier done) {
        if (gen != generation) {
            return;
        }
        String problem = window.problem();
        if (problem != null) {
            fail(a, problem);
        } else if (done.getAsBoolean()) {
            runNext(gen);
        } else {
            fail(a, "the window settled without it (see the status bar)");
        }
    }

    private void stopWaiting() {
        if (waiting != null) {
            window.settledProperty().removeListener(waiting);
            waiting = null;
        }
    }

    private void fail(LessonAction a, String why) {
        queue.clear();
        working.set(false);
        message.set(String.format(Locale.ROOT, "Step %d could not do %s: %s", step.get() + 1, describe(a), why));
    }

    private static String describe(LessonAction a) {
        return a.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + a.toString().replaceFirst("^[A-Za-z]+", "");
    }

    /** Runs one action; returns when it is done. */
    private BooleanSupplier apply(LessonAction action) {
        JourneyViewModel j = window.journeyModel();
        switch (action) {
            case LessonAction.Open o -> {
                if (o.sample() != null) {
                    if (o.sample().equals(window.openModelName()) && window.problem() == null) {
                        return () -> true;
                    }
                    window.openSample(o.sample());
                } else {
                    Path base = lessonFolder();
                    window.openFiles(resolve(base, o.model()), resolve(base, o.data()));
                }
                return () -> true;
            }
            case LessonAction.Page p -> {
                window.showPage(p.page());
                return switch (p.page()) {
                    case JOURNEY -> this::journeyReady;
                    case LEDGER -> () -> window.ledgerModel().ledgerProperty().get() != null
                            || !window.ledgerModel().messageProperty().get().isEmpty();
                    case MAP -> () -> true;
                };
            }
            case LessonAction.Layer l -> {
                window.selectLayer(l.layer());
                return () -> true;
            }
            case LessonAction.Method m -> {
                MapSpec s = window.mapModel().settingsProperty().get();
                MapSpec next = s.withMethod(m.method()).withDims(m.dims() == null ? s.dims() : m.dims())
                        .withSeed(m.seed() == null ? s.seed() : m.seed());
                window.mapModel().settingsProperty().set(next);
                j.methodProperty().set(journeyMaps != null ? journeyMaps : m.method());
                return () -> j.atlasesProperty().get().isEmpty() || journeyReady();
            }
            case LessonAction.MapOptions o -> {
                if (o.regions() != null) {
                    window.mapModel().showRegionsProperty().set(o.regions());
                }
                if (o.axes() != null) {
                    window.mapModel().showAxesProperty().set(o.axes());
                }
                if (o.colour() != null) {
                    window.mapModel().colourProperty().set(o.colour());
                }
                return () -> true;
            }
            case LessonAction.Query q -> {
                int n = j.data() == null ? 0 : j.data().size();
                if (q.point() < 0 || q.point() >= n) {
                    throw new IllegalArgumentException("there is no point " + q.point() + " (the data has " + n + ")");
                }
                j.sourceProperty().set(QuerySource.POINT);
                j.pointProperty().set(q.point());
                window.mapModel().focusProperty().set(q.point());
                return () -> true;
            }
            case LessonAction.Interpolate in -> {
                j.pointAProperty().set(in.a());
                j.pointBProperty().set(in.b());
                j.tProperty().set(in.t());
                j.sourceProperty().set(QuerySource.INTERPOLATION);
                return () -> true;
            }
            case LessonAction.JourneyLayer l -> {
                j.currentLayerProperty().set(journeyIndex(l.layer()));
                return () -> true;
            }
            case LessonAction.Play p -> {
                j.playingProperty().set(p.playing());
                return () -> true;
            }
            case LessonAction.Steer s -> {
                int l = journeyIndex(s.layer());
                j.steerLayerProperty().set(l);
                LayerAtlas atlas = j.atlasesProperty().get().get(l);
                List<Axis> axes = j.axesOf(l);
                Axis axis = axes.stream().filter(a -> a.name().equalsIgnoreCase(s.axis())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("layer " + atlas.layer().name() + " has no axis '" + s.axis()
                                + "' (its axes: " + axes.stream().map(Axis::name).toList() + ")"));
                j.steerAxisProperty().set(axis);
                j.alphaProperty().set(s.alpha() * j.steerSpread());
                return () -> true;
            }
            case LessonAction.Text t -> {
                j.sourceProperty().set(QuerySource.TEXT);
                j.textProperty().set(t.text());
                return () -> j.journeyProperty().get() != null || !j.errorProperty().get().isEmpty();
            }
            case LessonAction.PhraseAxis a -> {
                j.steerLayerProperty().set(journeyIndex(a.layer()));
                String problem = j.addPhraseAxis(a.from(), a.to(), a.name());
                if (!problem.isEmpty()) {
                    throw new IllegalStateException(problem);
                }
                return () -> true;
            }
            case LessonAction.Policy p -> {
                window.ledgerModel().apply(p.policy());
                return () -> true;
            }
            case LessonAction.Slider s -> {
                window.ledgerModel().levelProperty().set(s.value());
                return () -> true;
            }
            case LessonAction.ComputeFrontier f -> {
                if (window.ledgerModel().frontierProperty().get() == null) {
                    window.ledgerModel().computeFrontier();
                }
                return () -> window.ledgerModel().frontierProperty().get() != null;
            }
            case LessonAction.Knee k -> {
                var r = window.ledgerModel().frontierProperty().get();
                if (r == null || r.knee() == null) {
                    throw new IllegalStateException("the frontier has no knee (compute it first; no setting kept 99% of the answers)");
                }
                window.ledgerModel().choose(r.knee());
                return () -> true;
            }
            case LessonAction.Highlight h -> {
                String id = switch (h.panel()) {
                    case "ledger" -> "ledger-heatmaps";
                    default -> h.panel();
                };
                Node n = window.panel(id);
                if (n == null) {
                    throw new IllegalStateException("there is no " + h.panel() + " panel to point at");
                }
                n.getStyleClass().add(HIGHLIGHT);
                highlighted = n;
                ScrollIntoView.reveal(n);
                return () -> true;
            }
        }
    }

    private boolean journeyReady() {
        JourneyViewModel j = window.journeyModel();
        return !j.atlasesProperty().get().isEmpty() && (j.journeyProperty().get() != null || j.awaitingQueryProperty().get());
    }

    /** A layer of the journey by name or 0-based index. */
    private int journeyIndex(String ref) {
        List<LayerAtlas> atlases = window.journeyModel().atlasesProperty().get();
        for (int l = 0; l < atlases.size(); l++) {
            if (atlases.get(l).layer().name().equals(ref)) {
                return l;
            }
        }
        try {
            int i = Integer.parseInt(ref);
            if (i >= 0 && i < atlases.size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // not an index either
        }
        throw new IllegalArgumentException("the journey has no layer '" + ref + "' (its layers: "
                + atlases.stream().map(a -> a.layer().name()).toList() + "; show the journey page first)");
    }

    private Path lessonFolder() {
        Path p = Path.of(lesson.get().source());
        return p.getParent() == null ? Path.of(".") : p.getParent();
    }

    private static Path resolve(Path base, String file) {
        return file == null ? null : base.resolve(file);
    }

    private void clearHighlight() {
        if (highlighted != null) {
            highlighted.getStyleClass().remove(HIGHLIGHT);
            highlighted = null;
        }
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The step shown (0-based), or -1 without a lesson. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** True while a step's actions run. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The step's text as shown: what it computed filled in once its actions are done ("…" until then). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What went wrong in the step shown, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

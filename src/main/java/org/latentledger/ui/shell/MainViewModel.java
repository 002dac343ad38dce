package org.latentledger.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.Provenance;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.jobs.BackgroundJobRunner;
import org.latentledger.ui.jobs.JobRunner;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.jobs.ThreadRule;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.ui.plot.MapInput;
import org.latentledger.ui.plot.MapScene;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.QuerySource;
import org.latentledger.work.Exclusive;
import org.latentledger.work.Progress;

/**
 * State and commands of the main window: which model and data are open, which layer is chosen,
 * which page is shown, and what the app is busy with. No scene-graph types: testable without a
 * screen (with a {@link org.latentledger.ui.jobs.CurrentThreadJobRunner}). Touched only by the
 * thread that made it (checked); long work goes to the {@link JobRunner}.
 */
public final class MainViewModel {

    private final ResourceRoot root;
    private final RecentFiles recent;
    /** How a searched word is reduced before it is looked for: WordNet's morphology for a model of words. */
    private UnaryOperator<String> baseForm = UnaryOperator.identity();
    private final ThreadRule rule = ThreadRule.confinedToCurrent("the main window's view model");

    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ModelCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerInfo> selectedLayer = new SimpleObjectProperty<>(this, "selectedLayer");
    private final ReadOnlyStringWrapper mapMessage = new ReadOnlyStringWrapper(this, "mapMessage", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.MAP);
    private final javafx.beans.property.ReadOnlyIntegerWrapper sessions = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "sessions");
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(this, "settled");

    private Session session = Session.EMPTY;
    private Exclusive<LoadedModel> network;
    private final JobRunner jobs;
    private final MapViewModel map;
    private final JourneyViewModel journey;
    private final LedgerViewModel ledger;
    private final Appearance appearance = new Appearance();
    private final FileOpener files;

    public MainViewModel(ResourceRoot root, AppExecutor executor) {
        this(root, new BackgroundJobRunner(executor), RecentFiles.inMemory(), ProjectionCache.user());
    }

    public MainViewModel(ResourceRoot root, AppExecutor executor, RecentFiles recent, ProjectionCache cache) {
        this(root, new BackgroundJobRunner(executor), recent, cache);
    }

    public MainViewModel(ResourceRoot root, JobRunner jobs, RecentFiles recent, ProjectionCache cache) {
        this.root = root;
        this.recent = recent;
        this.jobs = jobs;
        this.files = new FileOpener(root, recent, this::open);
        jobs.setFailureReporter((what, error) -> problem.set(Problem.of(what + " failed", error)));
        this.map = new MapViewModel(jobs, cache);
        this.journey = new JourneyViewModel(jobs, cache, () -> map.settingsProperty().get());
        this.ledger = new LedgerViewModel(jobs);
        // One query across the pages: the ledger shows the economy of the journey's query.
        journey.queryProperty().addListener((obs, old, q) -> ledger.setQuery(q));
        journey.pointProperty().addListener((obs, old, p) -> {
            Dataset d = dataset.get();
            if (journey.sourceProperty().get() == QuerySource.POINT && d != null && p.intValue() < d.size()) {
                ledger.setQuery(d.features()[p.intValue()]);
            }
        });
        selectedLayer.addListener((obs, old, layer) -> showLayer(layer));
        // The point in focus on the map is the journey's query (one query across the pages).
        map.focusProperty().addListener((obs, old, f) -> {
            if (f != null && f >= 0) {
                journey.sourceProperty().set(QuerySource.POINT);
                journey.pointProperty().set(f);
            }
        });
        settled.bind(SettledSignal.of(this, sessions, () -> session.canMap()));
        jobs.finishedProperty().addListener(o -> {
            if (rememberedFor != null && !jobs.busy(Lane.OPEN)) {
                forgetRemembered();
            }
        });
    }

    /** Where the picture of {@code target} (or of the window as shown) comes from: built from what is drawn. */
    public Provenance provenance(ExportTarget target) {
        rule.check();
        return WindowProvenance.of(this, target);
    }

    /** The provenance of the window as it is shown now. */
    public Provenance provenance() {
        return provenance(ExportTarget.WINDOW);
    }

    /** Where the bundled files (models, data, lessons) are read from. */
    /** What is open (for workspaces). */
    Session session() {
        return session;
    }

    /** Runs the action the next time the window is settled (at once, on the next pulse, if it is already). */
    public void afterSettled(Runnable action) {
        // Two pulses on: whatever was just asked for has started (settled went false) before it is looked at.
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
            if (settled.get()) {
                action.run();
                return;
            }
            settled.addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        settled.removeListener(this);
                        action.run();
                    }
                }
            });
        }));
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper restoring = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "restoring");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> workspaceFile = new javafx.beans.property.ReadOnlyObjectWrapper<>(this,
            "workspaceFile");

    /** True while a workspace is being brought back (its steps wait on the window settling). */
    public javafx.beans.property.ReadOnlyBooleanProperty restoringProperty() {
        return restoring.getReadOnlyProperty();
    }

    /** The workspace last opened or saved, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> workspaceFileProperty() {
        return workspaceFile.getReadOnlyProperty();
    }

    /**
     * Opens a workspace file: read and its files checked first (a bad workspace or a moved file is
     * a problem, and nothing changes), then brought back step by step as the window settles.
     */
    public void openWorkspace(Path file) {
        org.latentledger.workspace.Workspace w;
        try {
            w = org.latentledger.workspace.WorkspaceFile.read(file);
        } catch (org.latentledger.data.DataFormatException e) {
            problem.set(Problem.of("Could not open the workspace", e));
            return;
        }
        openWorkspace(w, file);
    }

    /** A workspace read, its files checked: one that moved or changed is named, and the window may ask where it is now. */
    public void openWorkspace(org.latentledger.workspace.Workspace w, Path file) {
        try {
            org.latentledger.workspace.WorkspaceCheck.checkFiles(file, w);
        } catch (org.latentledger.workspace.WorkspaceCheck.MovedFileException e) {
            problem.set(Problem.of("Could not open the workspace", e));
            misplaced.set(new Misplaced(w, file, e));
            return;
        } catch (org.latentledger.data.DataFormatException e) {
            problem.set(Problem.of("Could not open the workspace", e));
            return;
        }
        misplaced.set(null);
        restore(w, file);
    }

    /** A workspace that could not open because its model or data moved or changed: the user may point to the file. */
    public record Misplaced(org.latentledger.workspace.Workspace workspace, Path file,
                            org.latentledger.workspace.WorkspaceCheck.MovedFileException why) {
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<Misplaced> misplaced = new javafx.beans.property.ReadOnlyObjectWrapper<>(this,
            "misplaced");

    public javafx.beans.property.ReadOnlyObjectProperty<Misplaced> misplacedProperty() {
        return misplaced.getReadOnlyProperty();
    }

    /** Opens the misplaced workspace with its file found at {@code now} (checked again like any other). */
    public void relocate(Misplaced m, Path now) {
        openWorkspace(org.latentledger.workspace.WorkspaceCheck.relocated(m.workspace(), m.why().what(), now), m.file());
    }

    /** Brings a workspace back (already read and checked). */
    public void restore(org.latentledger.workspace.Workspace w, Path file) {
        problem.set(null);
        restoring.set(true);
        java.util.List<Runnable> steps = Workspaces.steps(this, w);
        runSteps(steps, 0, file);
    }

    private void runSteps(java.util.List<Runnable> steps, int k, Path file) {
        if (k == steps.size() || problem.get() != null && k > 0) {
            restoring.set(false);
            if (problem.get() == null) {
                workspaceFile.set(file);
                if (file != null) {
                    recentFiles().add(false, file);
                }
                say("Opened workspace " + (file == null ? "" : file.getFileName()));
            }
            return;
        }
        steps.get(k).run();
        afterSettled(() -> runSteps(steps, k + 1, file));
    }

    /** Writes what the window holds as a workspace (atomically: a crash mid-save leaves the old file whole). */
    public boolean saveWorkspace(Path file) {
        try {
            org.latentledger.workspace.WorkspaceFile.write(file, Workspaces.capture(this));
            workspaceFile.set(file);
            recentFiles().add(false, file);
            say("Saved workspace " + file.getFileName());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            problem.set(new Problem("Could not save the workspace", file.toString(), file + ": " + (e.getMessage() == null
                    ? "the file could not be written" : e.getMessage()), ""));
            return false;
        }
    }

    public ResourceRoot resources() {
        return root;
    }

    /** The theme and presentation mode. */
    public Appearance appearance() {
        return appearance;
    }

    /** Shows a page; what the page needs (the journey's maps, the map of the layer) is started. */
    public void navigate(Page to) {
        rule.check();
        page.set(to);
        switch (to) {
            case JOURNEY -> {
                if (journey.atlasesProperty().get().isEmpty() && !jobs.busy(Lane.JOURNEY)) {
                    journey.prepare();
                }
            }
            case MAP -> {
                if (map.atlasProperty().get() == null && !jobs.busy(Lane.MAP)) {
                    map.recompute();
                }
            }
            case LEDGER -> { }
        }
    }

    /** The page shown. */
    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** Opens a bundled model on its bundled data set: load, forward pass, then the map. */
    public void openSample(SampleModel sample) {
        files.sample(sample);
    }

    /** Opens a bundled model by its name (digits-mlp, ...); an unknown name throws with the names there are. */
    public void openSample(String name) {
        files.sample(SampleModel.byName(name));
    }

    /** Opens a model file (DL4J zip, Keras .h5 or .keras, ONNX); the open data stays and goes through it if it fits. */
    public void openModel(Path file) {
        files.both(file, null);
    }

    /** Opens a data file or folder; it goes through the open model, or is mapped as it is when there is none. */
    public void openData(Path file) {
        files.both(null, file);
    }

    /** Opens a folder of images without class sub-folders as unlabelled images (refused as data otherwise: classes are sub-folders). */
    public void openUnlabelledImages(Path folder) {
        files.unlabelledImages(folder);
    }

    /** Opens a bundled data set through the open model. */
    public void openData(org.latentledger.data.BundledData data) {
        files.bundled(data);
    }

    /** Opens files given together (dropped on the window, or on the command line): models and data sorted by kind. */
    public void openFiles(List<Path> dropped) {
        // A workspace among them opens alone: it says which model and data go with it.
        for (Path p : dropped) {
            if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(org.latentledger.workspace.WorkspaceFile.EXTENSION)) {
                openWorkspace(p);
                return;
            }
        }
        DroppedFiles f = DroppedFiles.of(dropped);
        files.both(f.model(), f.data());
    }

    /** Opens a model and data together (a drop of both onto the window); either may be null. */
    public void open(Path modelFile, Path dataFile) {
        files.both(modelFile, dataFile);
    }

    /** Closes the model; open data stays and is mapped as it is. */
    public void closeModel() {
        Session before = session;
        run("Closing the model", progress -> new Opened(SessionLoader.withoutModel(before), null), this::show, "Could not close the model");
    }

    private void open(String what, Sources.ModelSource m, Sources.DataSource d, String failure, Runnable onSuccess) {
        rule.check();
        Session before = session;
        Exclusive<LoadedModel> held = network;
        // On the map page the map can show the default layer as the last opening of this model and
        // data mapped it while the forward pass runs: at the window's start and when another model is
        // opened in a running window (Open sample), where the old model's map would stand until then.
        org.latentledger.atlas.MapSpec spec = page.get() == Page.MAP ? map.settingsProperty().get() : null;
        Object token = new Object();
        rememberedFor = spec == null ? null : token;
        jobs.cancel();
        jobs.run(Lane.OPEN, what, (progress, partial) -> {
            java.util.function.BiConsumer<LoadedModel, Dataset> look = spec == null ? null : (model, data) -> {
                LayerInfo layer = model.defaultMapLayer();
                var layout = map.rememberedLayout(model.hash(), data, layer.name(), spec);
                if (layout != null) {
                    partial.accept(new org.latentledger.ui.map.MapViewModel.Remembered(model.source(), model.hash(), data, layer.name(), spec, layout));
                }
            };
            // Opening data sends it through the open model, which the UI thread may be using: hold it.
            return held == null || m != null ? Opened.load(before, m, d, progress, root, look)
                    : held.use(x -> Opened.load(before, m, d, progress, root, look));
        }, shown -> {
            if (shown instanceof org.latentledger.ui.map.MapViewModel.Remembered r && rememberedFor == token) {
                map.showRemembered(r);
            }
        }, (Opened next) -> {
            rememberedFor = null;
            show(next);
            if (onSuccess != null) {
                onSuccess.run();
            }
        }, error -> {
            forgetRemembered();
            problem.set(Problem.of(failure, error));
        });
    }

    /** The opening that may draw a remembered layout before its forward pass (a token of it), or null. */
    private Object rememberedFor;

    /** An opening that drew a remembered layout ended without a session to show (failed or stopped): the layout goes. */
    private void forgetRemembered() {
        rememberedFor = null;
        boolean shown = map.rememberedProperty().get() != null;
        map.forgetRemembered();
        if (shown && session.canMap()) {
            showLayer(selectedLayer.get()); // the model still open gets its own map back: the failed opening loses nothing
        }
    }

    private void show(Opened opened) {
        Session next = opened.session();
        baseForm = opened.text() == null ? UnaryOperator.identity() : org.latentledger.text.WordNet.bundled()::lemma;
        LoadedModel previous = session.model();
        session = next;
        if (next.model() == null) {
            network = null;
        } else if (next.model() != previous || network == null) {
            network = Exclusive.of(next.model());
        }
        card.set(next.card());
        dataset.set(next.data());
        model.set(next.model());
        map.show(null);
        journey.show(null, null, next.data(), List.of(), null, null);
        ledger.show(null, null, null);
        selectedLayer.set(null);
        layers.setAll(next.layers());
        problem.set(null);
        if (previous != null && previous != next.model()) {
            previous.close();
        }
        if (next.model() != null && next.model().network().limitation().isPresent()) {
            problem.set(new Problem(next.model().name() + " was opened in part", next.model().source(),
                    capitalised(next.model().network().limitation().get()) + ".", ""));
        }
        if (next.mismatch() != null) {
            problem.set(new Problem("The open data does not fit " + next.model().name(), next.data().source(),
                    next.mismatch() + ". Open data that fits (File > Open data).", ""));
        }
        mapMessage.set(next.canMap() ? "" : next.model() != null && next.data() == null
                ? "Open data to map this model's layers (File > Open data, or drop a file here)"
                : next.mismatch() != null ? "The open data does not fit this model" : "");
        // The map's job is queued first: the journey and the ledger are prepared behind it.
        selectedLayer.set(next.defaultLayer());
        if (next.canMap() && next.model() != null) {
            prepare(opened);
        } else {
            journey.show(null, null, next.data(), next.canMap() ? next.activations() : List.of(), null, null);
        }
        sessions.set(sessions.get() + 1);
    }

    /** Prepares what the journey and the ledger need of the session's model as a job behind the map's, and gives it to them. */
    private void prepare(Opened opened) {
        Session next = opened.session();
        Exclusive<LoadedModel> held = network;
        jobs.run(Lane.OPEN, "Preparing the journey and the ledger of " + next.model().name(),
                (progress, partial) -> held.use(x -> opened.prepare(progress, root)), null, (Opened.Prepared ready) -> {
                    if (session == next) {
                        ready(next, ready);
                    }
                }, error -> problem.set(Problem.of("Could not prepare the ledger of " + next.model().name(), error)));
    }

    private void ready(Session next, Opened.Prepared prepared) {
        journey.show(next.model(), network, next.data(), next.activations(), next.predictions(), prepared.words());
        if (prepared.words() != null && journey.sourceProperty().get() == QuerySource.POINT) {
            journey.sourceProperty().set(QuerySource.TEXT);
        }
        ledger.show(network, next.data(), prepared.ledger());
        int p = journey.pointProperty().get();
        ledger.setQuery(p < next.data().size() ? next.data().features()[p] : null);
        if (page.get() == Page.JOURNEY) {
            journey.prepare();
        }
    }

    private void showLayer(LayerInfo layer) {
        if (layer == null || !session.canMap()) {
            map.show(null);
            return;
        }
        LayerActivations acts = session.activations().get(layer.index());
        map.show(new MapInput(acts, session.data(), session.predictions(), session.model() == null ? "none" : session.model().hash(),
                baseForm));
    }

    /** Opening runs as a job of its own lane: the jobs of the old session are cancelled first. A failure becomes the window's problem. */
    private <T> void run(String what, Work<T> work, java.util.function.Consumer<T> onSuccess, String failureTitle) {
        rule.check();
        jobs.cancel();
        jobs.run(Lane.OPEN, what, (progress, partial) -> work.run(progress), null, onSuccess,
                error -> problem.set(Problem.of(failureTitle, error)));
    }

    /** Stops the running jobs, if any; what is already shown stays. */
    public void cancel() {
        jobs.cancel();
    }

    /** Makes an economical copy of the open model as a job (File > Economize model does this after asking how). */
    public void economize(org.latentledger.economy.Economizer.Plan plan, Path out) {
        EconomizeJob.start(this, plan, out);
    }

    public void clearProblem() {
        problem.set(null);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shows a failure of something the user asked for (an export, a lesson) the way load failures are shown. */
    public void report(String title, Throwable error) {
        problem.set(Problem.of(title, error));
    }

    /** A one-line message in the status bar (e.g. where an export went). */
    public void say(String message) {
        jobs.setStatus(message);
    }

    /** Selects the layer before or after the current one (for keyboard shortcuts). */
    public void stepLayer(int delta) {
        if (layers.isEmpty()) {
            return;
        }
        int i = selectedLayer.get() == null ? 0 : layers.indexOf(selectedLayer.get());
        selectedLayer.set(layers.get(Math.floorMod(i + delta, layers.size())));
    }

    /** Chooses the map's layer by name or 0-based index; throws with the layers' names if there is none. */
    public void selectLayer(String ref) {
        LoadedModel m = model.get();
        if (m == null) {
            throw new IllegalStateException("no model is open");
        }
        selectedLayer.set(layers.get(m.layer(ref).index()));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    public ReadOnlyObjectProperty<LoadedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ObservableList<LayerInfo> layers() {
        return FXCollections.unmodifiableObservableList(layers);
    }

    public ObjectProperty<LayerInfo> selectedLayerProperty() {
        return selectedLayer;
    }

    public ReadOnlyObjectProperty<MapScene> mapProperty() {
        return map.sceneProperty();
    }

    public MapViewModel map() {
        return map;
    }

    public JourneyViewModel journey() {
        return journey;
    }

    public LedgerViewModel ledger() {
        return ledger;
    }

    public ReadOnlyStringProperty statusProperty() {
        return jobs.statusProperty();
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The open model as jobs share it (passes run only while holding it), or null. */
    public Exclusive<LoadedModel> network() {
        return network;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return jobs.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when nothing runs or waits and the page shown has what it shows (or a problem says why not). */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    public boolean isSettled() {
        return settled.get();
    }

    /** What the map area says when there is no map to draw (empty when there is one or work is running). */
    public ReadOnlyStringProperty mapMessageProperty() {
        return mapMessage.getReadOnlyProperty();
    }

    public RecentFiles recentFiles() {
        return recent;
    }
}

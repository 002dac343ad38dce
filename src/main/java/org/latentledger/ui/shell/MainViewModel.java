package org.latentledger.ui.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.latentledger.data.DataFormatException;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.Provenance;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoadException;
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
import org.latentledger.view.ConvView;
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

    /** What an open job hands back: the next session and what the ledger needs of its model. */
    private record Opened(Session session, LedgerViewModel.Setup ledger) {
    }

    private final ResourceRoot root;
    private final RecentFiles recent;
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

    public MainViewModel(ResourceRoot root, AppExecutor executor) {
        this(root, new BackgroundJobRunner(executor), RecentFiles.inMemory(), ProjectionCache.user());
    }

    public MainViewModel(ResourceRoot root, AppExecutor executor, RecentFiles recent) {
        this(root, new BackgroundJobRunner(executor), recent, ProjectionCache.user());
    }

    public MainViewModel(ResourceRoot root, AppExecutor executor, RecentFiles recent, ProjectionCache cache) {
        this(root, new BackgroundJobRunner(executor), recent, cache);
    }

    public MainViewModel(ResourceRoot root, JobRunner jobs, RecentFiles recent, ProjectionCache cache) {
        this.root = root;
        this.recent = recent;
        this.jobs = jobs;
        jobs.setFailureReporter((what, error) -> problem.set(problemOf(what + " failed", error)));
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
        settled.bind(settledBinding());
    }

    /**
     * Settled: nothing runs or waits, and the page shown has what it shows (or says why not). The
     * one signal lessons, screenshots and tests wait on.
     */
    private BooleanBinding settledBinding() {
        return Bindings.createBooleanBinding(() -> {
            if (jobs.busyProperty().get() || journey.pendingProperty().get() || ledger.pendingProperty().get()) {
                return false;
            }
            boolean opened = sessions.get() > 0;
            if (problem.get() != null || !opened || !session.canMap()) {
                return opened || problem.get() != null;
            }
            return switch (page.get()) {
                case MAP -> map.sceneProperty().get() != null && map.atlasProperty().get() != null;
                case JOURNEY -> !journey.available() || journey.journeyProperty().get() != null;
                case LEDGER -> !ledger.available() || ledger.ledgerProperty().get() != null || !ledger.messageProperty().get().isEmpty();
            };
        }, jobs.busyProperty(), journey.pendingProperty(), ledger.pendingProperty(), problem, sessions, page, map.sceneProperty(),
                map.atlasProperty(), journey.journeyProperty(), journey.atlasesProperty(), ledger.ledgerProperty(), ledger.messageProperty());
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
        open("Opening " + sample.fileName(), new Sources.BundledModel(sample, root), new Sources.BundledSet(sample.data(), root),
                "Could not open " + sample.fileName(), null);
    }

    /** Opens a bundled model by its name (digits-mlp, ...); an unknown name throws with the names there are. */
    public void openSample(String name) {
        openSample(SampleModel.byName(name));
    }

    /** Opens a model file (DL4J zip or Keras .h5); the open data stays and goes through it if it fits. */
    public void openModel(Path file) {
        open("Opening model " + file.getFileName(), new Sources.ModelFile(file), null, "Could not open the model",
                () -> recent.add(true, file));
    }

    /** Opens a data file or folder; it goes through the open model, or is mapped as it is when there is none. */
    public void openData(Path file) {
        open("Opening data " + file.getFileName(), null, new Sources.DataFile(file), "Could not open the data",
                () -> recent.add(false, file));
    }

    /** Opens a bundled data set (with the model open). */
    public void openData(org.latentledger.data.BundledData data) {
        open("Opening " + data.displayName(), null, new Sources.BundledSet(data, root), "Could not open the data", null);
    }

    /** Opens files given together (dropped on the window, or on the command line): models and data sorted by kind. */
    public void openFiles(List<Path> files) {
        DroppedFiles f = DroppedFiles.of(files);
        open(f.model(), f.data());
    }

    /** Opens a model and data together (a drop of both onto the window); either may be null. */
    public void open(Path modelFile, Path dataFile) {
        if (modelFile == null && dataFile == null) {
            return;
        }
        open("Opening " + (modelFile != null ? modelFile.getFileName() : dataFile.getFileName()),
                modelFile == null ? null : new Sources.ModelFile(modelFile), dataFile == null ? null : new Sources.DataFile(dataFile),
                modelFile == null ? "Could not open the data" : dataFile == null ? "Could not open the model" : "Could not open the files",
                () -> {
                    if (modelFile != null) {
                        recent.add(true, modelFile);
                    }
                    if (dataFile != null) {
                        recent.add(false, dataFile);
                    }
                });
    }

    /** Closes the model; open data stays and is mapped as it is. */
    public void closeModel() {
        Session before = session;
        run("Closing the model", progress -> new Opened(SessionLoader.withoutModel(before), null), this::show, "Could not close the model");
    }

    private void open(String what, Sources.ModelSource m, Sources.DataSource d, String failure, Runnable onSuccess) {
        Session before = session;
        Exclusive<LoadedModel> held = network;
        run(what, progress -> {
            // Opening data sends it through the open model, which the UI thread may be using: hold it.
            Opened next = held == null || m != null ? load(before, m, d, progress) : held.use(x -> load(before, m, d, progress));
            return next;
        }, next -> {
            show(next);
            if (onSuccess != null) {
                onSuccess.run();
            }
        }, failure);
    }

    private static Opened load(Session before, Sources.ModelSource m, Sources.DataSource d, Progress progress) throws Exception {
        Session next = SessionLoader.open(before, m, d, progress);
        LedgerViewModel.Setup setup = next.canMap() && next.model() != null ? LedgerViewModel.Setup.of(next.model(), next.data()) : null;
        return new Opened(next, setup);
    }

    private void show(Opened opened) {
        Session next = opened.session();
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
        journey.show(next.canMap() ? next.model() : null, next.canMap() ? network : null, next.data(),
                next.canMap() ? next.activations() : List.of(), null);
        selectedLayer.set(null);
        layers.setAll(next.layers());
        problem.set(null);
        if (previous != null && previous != next.model()) {
            previous.close();
        }
        if (next.mismatch() != null) {
            problem.set(new Problem("The open data does not fit " + next.model().name(), next.data().source(),
                    next.mismatch() + ". Open data that fits (File > Open data).", ""));
        }
        mapMessage.set(next.canMap() ? "" : next.model() != null && next.data() == null
                ? "Open data to map this model's layers (File > Open data, or drop a file here)"
                : next.mismatch() != null ? "The open data does not fit this model" : "");
        selectedLayer.set(next.defaultLayer());
        if (next.canMap() && next.model() != null) {
            journey.show(next.model(), network, next.data(), next.activations(), predictions());
            ledger.show(network, next.data(), opened.ledger());
            int p = journey.pointProperty().get();
            ledger.setQuery(p < next.data().size() ? next.data().features()[p] : null);
            if (page.get() == Page.JOURNEY) {
                journey.prepare();
            }
        } else {
            ledger.show(null, null, null);
        }
        sessions.set(sessions.get() + 1);
    }

    private void showLayer(LayerInfo layer) {
        if (layer == null || !session.canMap()) {
            map.show(null);
            return;
        }
        LayerActivations acts = session.activations().get(layer.index());
        map.show(new MapInput(acts, session.data(), predictions(), session.model() == null ? "none" : session.model().hash()));
    }

    /**
     * The model's predicted class per point, when its output has one unit per class of the data
     * (a classifier of these labels); else null.
     */
    private int[] predictions() {
        if (session.model() == null || session.data() == null || session.data().classCount() == 0) {
            return null;
        }
        LayerActivations out = session.activations().getLast();
        if (out.width() != session.data().classCount()) {
            return null;
        }
        int[] p = new int[out.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Evaluation.argmax(out.values()[i]);
        }
        return p;
    }

    /** Opening runs as a job of its own lane: the jobs of the old session are cancelled first. A failure becomes the window's problem. */
    private <T> void run(String what, Work<T> work, java.util.function.Consumer<T> onSuccess, String failureTitle) {
        rule.check();
        jobs.cancel();
        jobs.run(Lane.OPEN, what, (progress, partial) -> work.run(progress), null, onSuccess,
                error -> problem.set(problemOf(failureTitle, error)));
    }

    static Problem problemOf(String title, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String file = switch (error) {
            case ModelLoadException m -> m.file();
            case DataFormatException d -> d.file();
            default -> null;
        };
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Problem(title, file, message, trace.toString());
    }

    /** Stops the running jobs, if any; what is already shown stays. */
    public void cancel() {
        jobs.cancel();
    }

    public void clearProblem() {
        problem.set(null);
    }

    /** Shows a failure of something the user asked for (an export, a lesson) the way load failures are shown. */
    public void report(String title, Throwable error) {
        problem.set(problemOf(title, error));
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

    public ReadOnlyStringProperty mapNoteProperty() {
        return map.noteProperty();
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

    public ObjectProperty<ConvView> convViewProperty() {
        return map.convViewProperty();
    }

    /** True when the chosen layer is convolutional (the conv view choice applies). */
    public ReadOnlyBooleanProperty convolutionalProperty() {
        return map.convolutionalProperty();
    }

    /** What the map area says when there is no map to draw (empty when there is one or work is running). */
    public ReadOnlyStringProperty mapMessageProperty() {
        return mapMessage.getReadOnlyProperty();
    }

    public RecentFiles recentFiles() {
        return recent;
    }
}

package org.latentledger.ui.shell;

import org.latentledger.view.QuerySource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoadException;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.Jobs;
import org.latentledger.model.Evaluation;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.view.ConvView;
import org.latentledger.ui.plot.MapInput;
import org.latentledger.ui.plot.MapScene;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.work.Progress;

/**
 * State and commands of the main window: which model and data are open, which layer is
 * chosen, its map, and what the app is busy with. No scene-graph types: testable without a
 * screen. Touched only on the FX thread; long work goes to the {@link AppExecutor}.
 */
public final class MainViewModel {

    private final ResourceRoot root;
    private final AppExecutor executor;
    private final RecentFiles recent;

    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ModelCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerInfo> selectedLayer = new SimpleObjectProperty<>(this, "selectedLayer");
    private final ReadOnlyStringWrapper mapMessage = new ReadOnlyStringWrapper(this, "mapMessage", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    private Session session = Session.EMPTY;
    private boolean opened;
    private final Jobs jobs;
    private final MapViewModel map;
    private final JourneyViewModel journey;
    private final LedgerViewModel ledger;
    private final Appearance appearance = new Appearance();

    public MainViewModel(ResourceRoot root, AppExecutor executor) {
        this(root, executor, RecentFiles.inMemory(), ProjectionCache.user());
    }

    public MainViewModel(ResourceRoot root, AppExecutor executor, RecentFiles recent) {
        this(root, executor, recent, ProjectionCache.user());
    }

    public MainViewModel(ResourceRoot root, AppExecutor executor, RecentFiles recent, ProjectionCache cache) {
        this.root = root;
        this.executor = executor;
        this.recent = recent;
        this.jobs = new Jobs(executor);
        this.map = new MapViewModel(jobs, cache);
        this.journey = new JourneyViewModel(jobs, cache);
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
    }

    /**
     * Where the window's picture comes from now: model and data with their hashes, layer,
     * projection with parameters and seed, policy, query, theme (sizes are filled in by the export).
     */
    public org.latentledger.export.Provenance provenance() {
        LoadedModel m = model.get();
        Dataset d = dataset.get();
        org.latentledger.ui.map.MapSettings s = map.settingsProperty().get();
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("dims", s.dims());
        switch (s.method()) {
            case TSNE -> params.put("perplexity", s.perplexity());
            case UMAP -> {
                params.put("neighbours", s.neighbours());
                params.put("min_dist", s.minDist());
            }
            default -> { }
        }
        LayerInfo layer = selectedLayer.get();
        String query = switch (journey.sourceProperty().get()) {
            case POINT -> "point " + journey.pointProperty().get();
            case INTERPOLATION -> String.format(Locale.ROOT, "points %d -> %d at t = %.2f", journey.pointAProperty().get(),
                    journey.pointBProperty().get(), journey.tProperty().get());
            case DRAWING -> "a drawing";
            case TYPED -> "a typed row";
        };
        return new org.latentledger.export.Provenance("window", m == null ? null : m.source(), m == null ? null : m.hash(),
                d == null ? null : d.source(), d == null ? null : d.hash(), layer == null ? null : layer.name(),
                s.method().name().toLowerCase(Locale.ROOT), params, s.seed(), m == null ? null : ledger.policy().spec(), query,
                appearance.themeProperty().get().name().toLowerCase(Locale.ROOT), 1, 0, 0, org.latentledger.Version.current(),
                java.time.OffsetDateTime.now().withNano(0).toString());
    }

    /** Where the bundled files (models, data, lessons) are read from. */
    public ResourceRoot resources() {
        return root;
    }

    /** The theme and presentation mode. */
    public Appearance appearance() {
        return appearance;
    }

    /** Opens a bundled model on its bundled data set: load, forward pass, then the map. */
    public void openSample(SampleModel sample) {
        open("Opening " + sample.fileName(), new Sources.BundledModel(sample, root), new Sources.BundledSet(sample.data(), root),
                "Could not open " + sample.fileName(), null);
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
        run("Closing the model", progress -> SessionLoader.withoutModel(before), this::show, "Could not close the model");
    }

    private void open(String what, Sources.ModelSource m, Sources.DataSource d, String failure, Runnable onSuccess) {
        Session before = session;
        run(what, progress -> SessionLoader.open(before, m, d, progress), next -> {
            show(next);
            if (onSuccess != null) {
                onSuccess.run();
            }
        }, failure);
    }

    private void show(Session next) {
        LoadedModel previous = session.model();
        session = next;
        opened = true;
        card.set(next.card());
        dataset.set(next.data());
        model.set(next.model());
        map.show(null);
        journey.show(next.canMap() ? next.model() : null, next.data(), next.canMap() ? next.activations() : List.of(), null);
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
            journey.show(next.model(), next.data(), next.activations(), predictions());
            ledger.show(next.model(), next.data());
            int p = journey.pointProperty().get();
            ledger.setQuery(p < next.data().size() ? next.data().features()[p] : null);
        } else {
            ledger.show(null, null);
        }
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

    /** Runs long work as the window's one job; a failure becomes the window's problem. */
    private <T> void run(String what, Work<T> work, Consumer<T> onSuccess, String failureTitle) {
        jobs.run(what, (progress, partial) -> work.run(progress), null, onSuccess,
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

    /** Stops the running job, if any; what is already shown stays. */
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

    public Jobs jobs() {
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

    /** True once a model is open and its map is shown, or a problem was reported. */
    public boolean isSettled() {
        return !jobs.busyProperty().get() && (map.sceneProperty().get() != null && map.resultProperty().get() != null
                || problem.get() != null || (opened && !session.canMap()));
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

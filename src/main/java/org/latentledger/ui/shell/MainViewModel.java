package org.latentledger.ui.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoadException;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.PcaProjector;
import org.latentledger.projection.Projection;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.TaskProgress;
import org.latentledger.ui.map.MapData;
import org.latentledger.work.Progress;

/**
 * State and commands of the main window: which model and data are open, which layer is
 * chosen, its map, and what the app is busy with. No scene-graph types: testable without a
 * screen. Touched only on the FX thread; long work goes to the {@link AppExecutor}.
 */
public final class MainViewModel {

    /** Everything a load produces, handed over to the FX thread in one piece. */
    private record Opened(LoadedModel model, ModelCard card, Dataset data, List<LayerActivations> activations) {
    }

    private final ResourceRoot root;
    private final AppExecutor executor;

    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ModelCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerInfo> selectedLayer = new SimpleObjectProperty<>(this, "selectedLayer");
    private final ReadOnlyObjectWrapper<MapData> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyStringWrapper mapNote = new ReadOnlyStringWrapper(this, "mapNote", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    private List<LayerActivations> activations = List.of();
    private Task<?> current;

    public MainViewModel(ResourceRoot root, AppExecutor executor) {
        this.root = root;
        this.executor = executor;
        selectedLayer.addListener((obs, old, layer) -> {
            if (layer != null && !activations.isEmpty()) {
                project(layer);
            }
        });
    }

    /** Opens a bundled model on its bundled data set: load, forward pass, then the map. */
    public void openSample(SampleModel sample) {
        run("Opening " + sample.fileName(), progress -> {
            LoadedModel loaded = ModelLoader.load(root, sample.zipPath());
            progress.checkCancelled();
            Dataset data;
            try {
                data = sample.data().load(root);
            } catch (DataFormatException e) {
                loaded.close();
                throw e;
            }
            progress.update(0, "Forward pass of " + data.size() + " points through " + loaded.name());
            return new Opened(loaded, readCard(sample), data, ActivationRecorder.record(loaded, data.features(), progress));
        }, this::show, "Could not open " + sample.fileName());
    }

    /** The model card is informative only: a missing or unreadable card leaves the model usable. */
    private ModelCard readCard(SampleModel sample) {
        try {
            return ModelCard.fromJson(new String(root.read(sample.cardPath()), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void show(Opened opened) {
        LoadedModel previous = model.get();
        card.set(opened.card());
        activations = opened.activations();
        dataset.set(opened.data());
        model.set(opened.model());
        selectedLayer.set(null);
        layers.setAll(opened.model().layers());
        problem.set(null);
        if (previous != null && previous != opened.model()) {
            previous.close();
        }
        selectedLayer.set(opened.model().defaultMapLayer());
    }

    private void project(LayerInfo layer) {
        LayerActivations acts = activations.get(layer.index());
        Dataset data = dataset.get();
        run("Projecting " + layer.name(), progress -> {
            float[][] points = acts.perChannelMean();
            Projection p = new PcaProjector().project(points, 2, progress);
            return mapData(layer, acts, data, p);
        }, m -> {
            map.set(m);
            mapNote.set(note(layer, acts));
        }, "Could not project layer " + layer.name());
    }

    private static MapData mapData(LayerInfo layer, LayerActivations acts, Dataset data, Projection p) {
        String title = String.format(Locale.ROOT, "%s · PCA of %s (%s) · %,d points", data.name(), layer.name(),
                acts.isConvolutional() ? acts.channels() + " channel means" : layer.units() + " units", p.size());
        return new MapData(p.axis(0), p.axis(1), data.labels(), data.classNames(), axisTitle(p, 0), axisTitle(p, 1), title);
    }

    private static String axisTitle(Projection p, int d) {
        return String.format(Locale.ROOT, "%s (%.1f%% of variance)", p.axisNames().get(d), 100 * p.explained()[d]);
    }

    private static String note(LayerInfo layer, LayerActivations acts) {
        String shown = acts.isConvolutional()
                ? "per-channel mean of " + acts.channels() + " feature maps of " + layer.outputShape()
                : "all " + layer.units() + " units";
        return String.format(Locale.ROOT, "Layer %s (%s, %s): %s; %.0f%% of activations are exactly zero.",
                layer.name(), layer.type(), layer.activation(), shown, 100 * acts.zeroFraction());
    }

    /** Runs one step of long work on the executor, replacing any running one. */
    private <T> void run(String what, Work<T> work, Consumer<T> onSuccess, String failureTitle) {
        cancel();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(what + " ...");
                return work.run(new TaskProgress((f, m) -> {
                    if (f >= 0) {
                        updateProgress(f, 1);
                    }
                    updateMessage(m);
                }, this::isCancelled));
            }
        };
        current = task;
        busy.set(true);
        progress.set(-1);
        status.set(what + " ...");
        task.messageProperty().addListener((o, a, m) -> {
            if (task == current) {
                status.set(m);
            }
        });
        task.progressProperty().addListener((o, a, p) -> {
            if (task == current) {
                progress.set(p.doubleValue());
            }
        });
        task.setOnSucceeded(e -> {
            if (task == current) {
                finish("Ready");
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnCancelled(e -> {
            if (task == current) {
                finish("Cancelled: " + what.toLowerCase(Locale.ROOT));
            }
        });
        task.setOnFailed(e -> {
            if (task == current) {
                finish(failureTitle);
                problem.set(problemOf(failureTitle, task.getException()));
            }
        });
        executor.submit(task);
    }

    private void finish(String message) {
        current = null;
        busy.set(false);
        progress.set(0);
        status.set(message);
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
        if (current != null) {
            Task<?> t = current;
            current = null;
            t.cancel(true);
            busy.set(false);
            progress.set(0);
            status.set("Cancelled");
        }
    }

    public void clearProblem() {
        problem.set(null);
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

    public ReadOnlyObjectProperty<MapData> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mapNoteProperty() {
        return mapNote.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once a model is open and its map is shown, or a problem was reported. */
    public boolean isSettled() {
        return !busy.get() && (map.get() != null || problem.get() != null);
    }
}

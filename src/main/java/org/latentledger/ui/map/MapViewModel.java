package org.latentledger.ui.map;

import org.latentledger.view.ConvView;
import org.latentledger.view.ColourMode;
import org.latentledger.ui.plot.MapInput;
import org.latentledger.ui.plot.MapSceneBuilder;
import org.latentledger.ui.plot.MapScene;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentledger.atlas.Axes;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Neighbours;
import org.latentledger.atlas.Region;
import org.latentledger.atlas.Regions;
import org.latentledger.data.Dataset;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.projection.Projections;
import org.latentledger.projection.Trustworthiness;
import org.latentledger.ui.Jobs;

/**
 * The map of one layer: projection settings, the layout (animated while t-SNE or UMAP converge),
 * the layer's regions and axes, colouring, selection, search and the focused point's details.
 * No scene-graph types; touched only on the FX thread; the work runs as the window's one job.
 */
public final class MapViewModel {

    /** Projections kept in memory per (model, data, layer, view, spec), so switching back is instant. */
    private static final int MEMORY_CACHE = 24;
    static final int TRUST_SAMPLE = 1000;

    private final Jobs jobs;
    private final ProjectionCache disk;
    private final Map<String, Projection> memory = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Projection> eldest) {
            return size() > MEMORY_CACHE;
        }
    };

    private final ObjectProperty<MapSettings> settings = new SimpleObjectProperty<>(this, "settings", MapSettings.DEFAULT);
    private final ObjectProperty<ConvView> convView = new SimpleObjectProperty<>(this, "convView", ConvView.CHANNEL_MEANS);
    private final ObjectProperty<ColourMode> colour = new SimpleObjectProperty<>(this, "colour", ColourMode.LABEL);
    private final BooleanProperty showRegions = new SimpleBooleanProperty(this, "showRegions", true);
    private final BooleanProperty showAxes = new SimpleBooleanProperty(this, "showAxes", false);
    private final ObjectProperty<Neighbours.Metric> metric = new SimpleObjectProperty<>(this, "metric", Neighbours.Metric.EUCLIDEAN);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    private final ReadOnlyObjectWrapper<MapScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyObjectWrapper<Projection> projection = new ReadOnlyObjectWrapper<>(this, "projection");
    private final ReadOnlyObjectWrapper<MapResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper convolutional = new ReadOnlyBooleanWrapper(this, "convolutional");
    private final ReadOnlyBooleanWrapper converging = new ReadOnlyBooleanWrapper(this, "converging");
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<Axis> axes = FXCollections.observableArrayList();
    private final ObjectProperty<int[]> selection = new SimpleObjectProperty<>(this, "selection", new int[0]);
    private final ReadOnlyObjectWrapper<int[]> matches = new ReadOnlyObjectWrapper<>(this, "matches", new int[0]);
    private final ReadOnlyStringWrapper selectionInfo = new ReadOnlyStringWrapper(this, "selectionInfo", "");
    private final ObjectProperty<Integer> focus = new SimpleObjectProperty<>(this, "focus", -1);
    private final ReadOnlyObjectWrapper<PointDetails> details = new ReadOnlyObjectWrapper<>(this, "details");

    private MapInput input;
    private final Map<Axis, float[]> coordinates = new HashMap<>();

    public MapViewModel(Jobs jobs, ProjectionCache disk) {
        this.jobs = jobs;
        this.disk = disk;
        settings.addListener((o, a, b) -> recompute());
        convView.addListener((o, a, b) -> recompute());
        colour.addListener(o -> rebuild());
        showRegions.addListener(o -> rebuild());
        showAxes.addListener(o -> rebuild());
        search.addListener(o -> updateMatches());
        selection.addListener(o -> updateSelectionInfo());
        focus.addListener(o -> updateDetails());
        metric.addListener(o -> updateDetails());
    }

    /** Shows a layer (or nothing, with null). */
    public void show(MapInput in) {
        input = in;
        coordinates.clear();
        regions.clear();
        axes.clear();
        selection.set(new int[0]);
        focus.set(-1);
        result.set(null);
        projection.set(null);
        scene.set(null);
        note.set("");
        convolutional.set(in != null && in.activations().isConvolutional());
        if (in != null) {
            recompute();
        }
    }

    /** Computes the map of the current layer with the current settings (from a cache when it can). */
    public void recompute() {
        MapInput in = input;
        if (in == null) {
            return;
        }
        boolean means = convView.get() == ConvView.CHANNEL_MEANS || !in.activations().isConvolutional();
        ProjectionSpec spec = settings.get().spec();
        String key = ProjectionCache.key(in.modelHash(), in.data().hash(), in.activations().layer().name(), means ? "means" : "full", spec);
        Projection known = memory.get(key);
        boolean iterative = !(spec instanceof ProjectionSpec.Pca);
        converging.set(iterative && known == null);
        String what = "Mapping " + in.activations().layer().name() + " (" + settings.get().method() + ")";
        jobs.run(what, (progress, partial) -> {
            float[][] points = means ? in.activations().perChannelMean() : in.activations().values();
            Projection p = known != null ? known : iterative ? disk.get(key) : null;
            boolean cached = p != null;
            if (p == null) {
                p = Projections.run(points, spec, progress, partial::accept);
                if (iterative) {
                    disk.put(key, p);
                }
            }
            progress.update(-1, "Regions and axes of " + in.activations().layer().name());
            Regions r = Regions.of(points, in.data().labels(), in.data().classNames(), 0, settings.get().seed(), progress);
            List<Axis> pcs = Axes.principal(points, 3, progress);
            Map<Axis, float[]> coords = new HashMap<>();
            for (Axis a : pcs) {
                coords.put(a, a.coordinates(points));
            }
            int sample = trustSample(points.length, points[0].length);
            progress.update(-1, "Trustworthiness of the layout (" + sample + " points)");
            double trust = Trustworthiness.sampled(points, Projections.rows(p), 5, sample, settings.get().seed());
            return new Object[] {new MapResult(p, r, pcs, trust, Math.min(sample, points.length), points, cached), coords};
        }, partial -> {
            if (partial instanceof Projection p && input == in) {
                projection.set(p);
                rebuild();
            }
        }, done -> {
            converging.set(false);
            if (input != in) {
                return;
            }
            MapResult r = (MapResult) done[0];
            @SuppressWarnings("unchecked")
            Map<Axis, float[]> coords = (Map<Axis, float[]>) done[1];
            memory.put(key, r.projection());
            coordinates.putAll(coords);
            result.set(r);
            projection.set(r.projection());
            regions.setAll(r.regions().regions());
            axes.setAll(r.principal());
            note.set(noteOf(in, r, means));
            rebuild();
            updateMatches();
            updateDetails();
        }, error -> converging.set(false));
    }

    /**
     * Points over which trustworthiness is estimated: up to {@link #TRUST_SAMPLE}, fewer (not under
     * 200) on wide layers so the estimate costs at most about 2e10 multiply-adds (seconds, not minutes).
     */
    static int trustSample(int n, int width) {
        long budget = 20_000_000_000L / Math.max(1L, (long) n * width);
        return (int) Math.max(200, Math.min(TRUST_SAMPLE, budget));
    }

    private static String noteOf(MapInput in, MapResult r, boolean means) {
        var layer = in.activations().layer();
        String shown = !in.activations().isConvolutional() ? "all " + layer.units() + " units"
                : means ? "per-channel mean of the " + in.activations().channels() + " feature maps of " + layer.outputShape()
                : "the full " + layer.outputShape() + " feature maps (" + layer.units() + " units)";
        String placed = r.projection().method().startsWith("PCA") ? ""
                : " t-SNE and UMAP have no transform: new points are placed by their neighbours.";
        return String.format(Locale.ROOT, "Layer %s (%s): %s. %s%s. Trustworthiness (5 neighbours, %,d points): %.3f. "
                        + "%d regions by k-means.%s", layer.name(), layer.type(), shown, r.projection().method(),
                r.fromCache() ? ", from the cache" : "", r.trustPoints(), r.trust(), r.regions().regions().size(), placed);
    }

    private void rebuild() {
        Projection p = projection.get();
        if (input == null || p == null) {
            scene.set(null);
            return;
        }
        MapResult r = result.get();
        boolean final_ = r != null && r.projection() == p;
        Regions shownRegions = final_ && showRegions.get() ? r.regions() : null;
        List<Axis> arrows = final_ && showAxes.get() ? new ArrayList<>(axes) : List.of();
        scene.set(MapSceneBuilder.build(input, p, colour.get(), shownRegions, regions, arrows,
                a -> coordinates.computeIfAbsent(a, ax -> ax.coordinates(r.points()))));
    }

    /** Renames a region on the map (names are the user's; the cluster stays). */
    public void renameRegion(int index, String name) {
        if (index >= 0 && index < regions.size() && name != null && !name.isBlank()) {
            regions.set(index, regions.get(index).renamed(name.strip()));
            rebuild();
            updateDetails();
        }
    }

    /** Adds the concept axis from region a to region b and shows axes. */
    public Axis addConceptAxis(int a, int b) {
        MapResult r = result.get();
        if (r == null || a == b) {
            return null;
        }
        Axis axis = Axes.concept(regions.get(a), regions.get(b), Axes.mean(r.points()));
        axes.add(axis);
        showAxes.set(true);
        rebuild();
        updateDetails();
        return axis;
    }

    public void select(int[] points) {
        selection.set(points == null ? new int[0] : points.clone());
    }

    private void updateSelectionInfo() {
        int[] s = selection.get();
        if (s.length == 0 || input == null) {
            selectionInfo.set("");
            return;
        }
        Dataset d = input.data();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i : s) {
            counts.merge(d.labelName(i), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d selected:", s.length));
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(6)
                .forEach(e -> b.append(' ').append(e.getKey()).append(" ×").append(e.getValue()));
        selectionInfo.set(b.toString());
    }

    private void updateMatches() {
        String q = search.get().strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || input == null) {
            matches.set(new int[0]);
            return;
        }
        Dataset d = input.data();
        matches.set(java.util.stream.IntStream.range(0, d.size())
                .filter(i -> d.labelName(i).toLowerCase(Locale.ROOT).equals(q)
                        || (!d.names().isEmpty() && d.names().get(i).toLowerCase(Locale.ROOT).contains(q))
                        || ("#" + i).equals(q))
                .toArray());
    }

    private void updateDetails() {
        int f = focus.get();
        MapResult r = result.get();
        if (input == null || r == null || f < 0 || f >= input.data().size()) {
            details.set(null);
            return;
        }
        Dataset d = input.data();
        List<String> coords = new ArrayList<>();
        for (Axis a : axes) {
            coords.add(String.format(Locale.ROOT, "%s = %.3f", Axes.label(a), a.coordinate(r.points()[f])));
        }
        Neighbours.Neighbour[] nn = Neighbours.of(r.points(), f, 8, metric.get());
        List<String> lines = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (Neighbours.Neighbour n : nn) {
            lines.add(String.format(Locale.ROOT, "#%d  %s  (%.3f)", n.index(), d.labelName(n.index()), n.distance()));
            idx.add(n.index());
        }
        int region = r.regions().assignment()[f];
        String predicted = input.predicted() == null ? "-" : d.classNames().isEmpty() ? "#" + input.predicted()[f]
                : input.predicted()[f] < d.classNames().size() ? d.classNames().get(input.predicted()[f]) : "#" + input.predicted()[f];
        details.set(new PointDetails(f, d.rowName(f), d.labelName(f), predicted, regions.get(region).name(), coords, lines, idx,
                d.image() != null ? d.features()[f] : null, d.image()));
    }

    public ObjectProperty<MapSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<ConvView> convViewProperty() {
        return convView;
    }

    public ObjectProperty<ColourMode> colourProperty() {
        return colour;
    }

    public BooleanProperty showRegionsProperty() {
        return showRegions;
    }

    public BooleanProperty showAxesProperty() {
        return showAxes;
    }

    public ObjectProperty<Neighbours.Metric> metricProperty() {
        return metric;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<MapScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Projection> projectionProperty() {
        return projection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty convolutionalProperty() {
        return convolutional.getReadOnlyProperty();
    }

    /** True while t-SNE or UMAP is still converging (pause applies). */
    public ReadOnlyBooleanProperty convergingProperty() {
        return converging.getReadOnlyProperty();
    }

    public ObservableList<Region> regions() {
        return FXCollections.unmodifiableObservableList(regions);
    }

    public ObservableList<Axis> axes() {
        return FXCollections.unmodifiableObservableList(axes);
    }

    public ObjectProperty<int[]> selectionProperty() {
        return selection;
    }

    public ReadOnlyObjectProperty<int[]> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionInfoProperty() {
        return selectionInfo.getReadOnlyProperty();
    }

    public ObjectProperty<Integer> focusProperty() {
        return focus;
    }

    public ReadOnlyObjectProperty<PointDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public Jobs jobs() {
        return jobs;
    }
}

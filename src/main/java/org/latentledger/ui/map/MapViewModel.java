package org.latentledger.ui.map;

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
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.atlas.LayerMapper;
import org.latentledger.atlas.MapSpec;
import org.latentledger.atlas.Neighbours;
import org.latentledger.atlas.Region;
import org.latentledger.atlas.Regions;
import org.latentledger.data.Dataset;
import org.latentledger.projection.Feasibility;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.jobs.JobRunner;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.jobs.ThreadRule;
import org.latentledger.ui.plot.MapInput;
import org.latentledger.ui.plot.MapScene;
import org.latentledger.ui.plot.MapSceneBuilder;
import org.latentledger.view.ColourMode;
import org.latentledger.view.ConvView;

/**
 * The map of one layer: projection settings, the layout (animated while t-SNE or UMAP converge),
 * the layer's regions and axes, colouring, selection, search and the focused point's details.
 * No scene-graph types; touched only on the thread that made it (checked); the map is made by
 * the core's {@link LayerMapper} as a job of the {@link Lane#MAP} lane.
 */
public final class MapViewModel {

    /** Maps kept in memory per (model, data, layer, spec), so switching back is instant. */
    private static final int MEMORY_CACHE = 24;

    private final JobRunner jobs;
    private final LayerMapper mapper;
    private final ThreadRule rule = ThreadRule.confinedToCurrent("the map's view model");
    private final Map<String, LayerAtlas> memory = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LayerAtlas> eldest) {
            return size() > MEMORY_CACHE;
        }
    };

    private final ObjectProperty<MapSpec> settings = new SimpleObjectProperty<>(this, "settings", MapSpec.DEFAULT);
    private final ObjectProperty<ConvView> convView = new SimpleObjectProperty<>(this, "convView", ConvView.CHANNEL_MEANS);
    private final ObjectProperty<ColourMode> colour = new SimpleObjectProperty<>(this, "colour", ColourMode.LABEL);
    private final BooleanProperty showRegions = new SimpleBooleanProperty(this, "showRegions", true);
    private final BooleanProperty showAxes = new SimpleBooleanProperty(this, "showAxes", false);
    private final ObjectProperty<Neighbours.Metric> metric = new SimpleObjectProperty<>(this, "metric", Neighbours.Metric.EUCLIDEAN);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    private final ReadOnlyObjectWrapper<MapScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyObjectWrapper<Projection> projection = new ReadOnlyObjectWrapper<>(this, "projection");
    private final ReadOnlyObjectWrapper<LayerAtlas> atlas = new ReadOnlyObjectWrapper<>(this, "atlas");
    private final ReadOnlyObjectWrapper<MapSpec> shownSpec = new ReadOnlyObjectWrapper<>(this, "shownSpec");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyBooleanWrapper convolutional = new ReadOnlyBooleanWrapper(this, "convolutional");
    private final ReadOnlyBooleanWrapper converging = new ReadOnlyBooleanWrapper(this, "converging");
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<Axis> axes = FXCollections.observableArrayList();
    private final ObjectProperty<int[]> selection = new SimpleObjectProperty<>(this, "selection", new int[0]);
    private final ReadOnlyObjectWrapper<int[]> matches = new ReadOnlyObjectWrapper<>(this, "matches", new int[0]);
    private final ReadOnlyStringWrapper selectionInfo = new ReadOnlyStringWrapper(this, "selectionInfo", "");
    private final ObjectProperty<Integer> focus = new SimpleObjectProperty<>(this, "focus", -1);
    private final ReadOnlyObjectWrapper<PointDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    /** The data's classes, and those of them the map leaves out (by label); none left out for new data. */
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    // One read-only view, kept: a new view per call would hold its listeners only weakly.
    private final ObservableList<String> classNamesView = FXCollections.unmodifiableObservableList(classNames);
    private final javafx.collections.ObservableSet<Integer> hiddenLabels = FXCollections.observableSet(new java.util.TreeSet<>());

    private MapInput input;
    private final Map<Axis, float[]> coordinates = new HashMap<>();

    /**
     * A layer's layout remembered from the last opening of the same model and data (the same files
     * by SHA-256, mapped with the same spec by the same algorithms), drawn while the opening's
     * forward pass runs; the pass's own map replaces it.
     *
     * @param modelSource where the model is read from, for the provenance of a picture taken meanwhile
     */
    public record Remembered(String modelSource, String modelHash, Dataset data, String layer, MapSpec spec, Projection layout) {

        boolean shownFor(MapInput in, MapSpec now) {
            return in.data() == data && in.modelHash().equals(modelHash) && in.activations().layer().name().equals(layer) && now.equals(spec);
        }
    }

    private final ReadOnlyObjectWrapper<Remembered> remembered = new ReadOnlyObjectWrapper<>(this, "remembered");

    public MapViewModel(JobRunner jobs, ProjectionCache disk) {
        this.jobs = jobs;
        this.mapper = new LayerMapper(disk);
        settings.addListener((o, a, b) -> {
            convView.set(b.convView());
            recompute();
        });
        convView.addListener((o, a, b) -> settings.set(settings.get().withConvView(b)));
        // A map job that returns with neither result nor failure was stopped (Escape, Cancel).
        jobs.finishedProperty().addListener(o -> {
            if (converging.get() && !jobs.busy(Lane.MAP)) {
                stopped();
            }
        });
        colour.addListener(o -> rebuild());
        showRegions.addListener(o -> rebuild());
        showAxes.addListener(o -> rebuild());
        search.addListener(o -> updateMatches());
        hiddenLabels.addListener((javafx.collections.SetChangeListener<Integer>) c -> rebuild());
        selection.addListener(o -> updateSelectionInfo());
        focus.addListener(o -> updateDetails());
        metric.addListener(o -> updateDetails());
    }

    /**
     * The layout {@code layer} was last mapped to with {@code spec} over this model and data, or
     * null: see {@link LayerMapper#remembered}. Any thread (an opening looks before its forward pass).
     */
    public Projection rememberedLayout(String modelHash, Dataset data, String layer, MapSpec spec) {
        return mapper.remembered(modelHash, data, layer, spec);
    }

    /** Draws a remembered layout while nothing else is shown; the next {@link #show} of its layer keeps it until its own map arrives. */
    public void showRemembered(Remembered r) {
        rule.check();
        show(null);
        remembered.set(r);
        if (!r.data().classNames().equals(classNames)) {
            hiddenLabels.clear();
            classNames.setAll(r.data().classNames());
        }
        projection.set(r.layout());
        shownSpec.set(r.spec());
        note.set(String.format(Locale.ROOT, "Layer %s by %s as it was mapped when this model and data were last opened (the same files, "
                + "by SHA-256); it is mapped again once the forward pass has recorded its activations.", r.layer(), r.spec().method().label()));
        rebuild();
    }

    /** Takes a remembered layout off the map (its opening failed or was stopped, or its layer's map did): nothing is drawn instead. */
    public void forgetRemembered() {
        rule.check();
        Remembered r = remembered.get();
        if (r == null) {
            return;
        }
        remembered.set(null);
        if (projection.get() == r.layout()) {
            projection.set(null);
            shownSpec.set(null);
            note.set("");
            rebuild();
        }
    }

    /** The remembered layout drawn now, or null. */
    public ReadOnlyObjectProperty<Remembered> rememberedProperty() {
        return remembered.getReadOnlyProperty();
    }

    /** Shows a layer (or nothing, with null). A remembered layout of this layer stays drawn until the layer's own map arrives. */
    public void show(MapInput in) {
        rule.check();
        jobs.cancel(Lane.MAP);
        Remembered r = remembered.get();
        if (r != null && in != null && r.shownFor(in, settings.get())) {
            input = in;
            convolutional.set(in.activations().isConvolutional());
            recompute();
            return;
        }
        remembered.set(null);
        input = in;
        coordinates.clear();
        regions.clear();
        axes.clear();
        selection.set(new int[0]);
        focus.set(-1);
        atlas.set(null);
        projection.set(null);
        shownSpec.set(null);
        scene.set(null);
        note.set("");
        converging.set(false);
        unfinished = false;
        convolutional.set(in != null && in.activations().isConvolutional());
        List<String> names = in == null ? List.of() : in.data().classNames();
        if (!names.equals(classNames)) {
            // Other data, other classes: all shown again.
            hiddenLabels.clear();
            classNames.setAll(names);
        }
        if (in != null) {
            recompute();
        }
    }

    /** Computes the map of the current layer with the current settings (from a cache when it can). */
    public void recompute() {
        rule.check();
        MapInput in = input;
        if (in == null) {
            return;
        }
        MapSpec spec = settings.get();
        String key = in.modelHash() + "|" + in.data().hash() + "|" + in.activations().layer().name() + "|" + spec;
        LayerAtlas known = memory.get(key);
        if (known != null) {
            jobs.cancel(Lane.MAP);
            converging.set(false);
            if (!in.activations().recorded()) {
                // A map found again for a layer this opening left for later (decision 0025): its values are recorded in a
                // job first, since drawing may read them (the density colouring) and recording is a forward pass.
                jobs.run(Lane.MAP, "Recording " + in.activations().layer().name() + "'s activations",
                        (progress, partial) -> in.activations().values(progress), values -> {
                            if (input == in) {
                                showAtlas(in, known);
                            }
                        });
                return;
            }
            showAtlas(in, known);
            return;
        }
        Feasibility check = LayerMapper.feasibility(in.activations(), spec);
        if (check.refused()) {
            // Said before anything starts: the map shown stays.
            jobs.report("Mapping " + in.activations().layer().name(), new IllegalArgumentException(check.message()));
            return;
        }
        converging.set(spec.method().iterative());
        unfinished = false;
        String what = "Mapping " + in.activations().layer().name() + " (" + spec.method().label()
                + (spec.effectiveEngine() == org.latentledger.projection.Engine.SMILE ? " by Smile" : "") + ")";
        warning.set(check.verdict() == Feasibility.Verdict.WARN ? check.message() : "");
        if (spec.method().iterative() && remembered.get() == null) {
            // The line under the map is about the map shown: while it moves, no numbers of the last one.
            note.set(String.format(Locale.ROOT, "Layer %s: %s is converging; its trustworthiness and regions follow when it settles. "
                    + "Esc stops it and shows the last finished map again.", in.activations().layer().name(), spec.method().label()));
        }
        jobs.run(Lane.MAP, what, (progress, partial) -> mapper.map(in.activations(), in.data(), in.modelHash(), spec,
                LayerMapper.Quality.MEASURED, progress, partial::accept), partial -> {
                    if (partial instanceof Projection p && input == in) {
                        remembered.set(null);
                        projection.set(p);
                        shownSpec.set(spec);
                        if (!spec.method().iterative()) {
                            note.set(String.format(Locale.ROOT, "Layer %s by %s; its regions, axes and trustworthiness follow.",
                                    in.activations().layer().name(), spec.method().label()));
                        }
                        rebuild();
                    }
                }, (LayerAtlas done) -> {
                    converging.set(false);
                    warning.set("");
                    if (input == in) {
                        memory.put(key, done);
                        remembered.set(null);
                        showAtlas(in, done);
                    }
                }, error -> {
                    converging.set(false);
                    warning.set("");
                    forgetRemembered();
                    if (input == in && atlas.get() != null) {
                        // The half-made layout goes; the last finished map is shown again.
                        projection.set(atlas.get().map());
                        shownSpec.set(atlas.get().spec());
                        note.set(MapNote.of(in, atlas.get()));
                        rebuild();
                    } else if (input == in) {
                        note.set("");
                    }
                    jobs.report(what, error);
                });
    }

    /**
     * The map job was stopped before it finished: the last finished map comes back with its
     * settings, or, with none, the unfinished layout stays and says so.
     */
    private void stopped() {
        converging.set(false);
        warning.set("");
        forgetRemembered();
        LayerAtlas last = atlas.get();
        if (input != null && last != null) {
            if (!last.spec().equals(settings.get())) {
                settings.set(last.spec());
            }
            if (atlas.get() == last) {
                projection.set(last.map());
                shownSpec.set(last.spec());
                note.set(MapNote.of(input, last));
                rebuild();
            }
        } else if (input != null && projection.get() != null) {
            unfinished = true;
            note.set(String.format(Locale.ROOT, "Layer %s: stopped before the layout converged. This unfinished layout has no "
                    + "trustworthiness or regions; choose the method again to start over.", input.activations().layer().name()));
            rebuild();
        }
    }

    /** True when the layout shown was stopped before it converged (and no finished map came back). */
    private boolean unfinished;

    private void showAtlas(MapInput in, LayerAtlas a) {
        coordinates.clear();
        for (Axis axis : a.axes()) {
            coordinates.put(axis, axis.coordinates(a.points()));
        }
        atlas.set(a);
        projection.set(a.map());
        shownSpec.set(a.spec());
        regions.setAll(a.regions().regions());
        axes.setAll(a.axes());
        note.set(MapNote.of(in, a));
        rebuild();
        updateMatches();
        updateDetails();
    }

    private void rebuild() {
        Projection p = projection.get();
        Remembered r0 = remembered.get();
        if (r0 != null && p == r0.layout()) {
            MapScene s = MapSceneBuilder.remembered(r0.data(), r0.layer(), p, java.util.Set.copyOf(hiddenLabels));
            scene.set(s.withTitle(s.title() + " · remembered from the last opening"));
            return;
        }
        if (input == null || p == null) {
            scene.set(null);
            return;
        }
        LayerAtlas r = atlas.get();
        boolean final_ = r != null && r.map() == p;
        Regions shownRegions = final_ && showRegions.get() ? r.regions() : null;
        List<Axis> arrows = final_ && showAxes.get() ? new ArrayList<>(axes) : List.of();
        MapScene built = MapSceneBuilder.build(input, p, colour.get(), shownRegions, regions, arrows,
                a -> coordinates.computeIfAbsent(a, ax -> ax.coordinates(r.points())), java.util.Set.copyOf(hiddenLabels));
        if (!final_) {
            built = built.withTitle(built.title() + (unfinished ? " · stopped, not converged" : " · converging"));
        }
        scene.set(built);
    }

    /** Renames a region on the map (names are the user's; the cluster stays). */
    public void renameRegion(int index, String name) {
        rule.check();
        if (index >= 0 && index < regions.size() && name != null && !name.isBlank()) {
            regions.set(index, regions.get(index).renamed(name.strip()));
            rebuild();
            updateDetails();
        }
    }

    /** Adds the concept axis from region a to region b and shows axes. */
    public Axis addConceptAxis(int a, int b) {
        rule.check();
        LayerAtlas r = atlas.get();
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
        rule.check();
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
        String base = input.baseForm().apply(q);
        matches.set(java.util.stream.IntStream.range(0, d.size())
                .filter(i -> d.matches(i, q) || d.matches(i, base) || ("#" + i).equals(q)).toArray());
    }

    private void updateDetails() {
        int f = focus.get();
        LayerAtlas r = atlas.get();
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
        List<PointDetails.Neighbour> lines = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (Neighbours.Neighbour n : nn) {
            String named = d.names().isEmpty() ? "" : d.rowName(n.index());
            lines.add(new PointDetails.Neighbour(n.index(), named, d.labelName(n.index()), n.distance()));
            idx.add(n.index());
        }
        int region = r.regions().assignment()[f];
        String predicted = input.predicted() == null ? "-" : d.classNames().isEmpty() ? "#" + input.predicted()[f]
                : input.predicted()[f] < d.classNames().size() ? d.classNames().get(input.predicted()[f]) : "#" + input.predicted()[f];
        details.set(new PointDetails(f, d.rowName(f), d.note(f), d.labelName(f), predicted, regions.get(region).name(), coords, lines, idx,
                d.image() != null ? d.features()[f] : null, d.image()));
    }

    /** The data's class names (empty for unlabelled data). */
    public ObservableList<String> classNames() {
        return classNamesView;
    }

    /** The labels (indices into {@link #classNames()}) whose points the map leaves out; the legend follows. */
    public javafx.collections.ObservableSet<Integer> hiddenLabels() {
        return hiddenLabels;
    }

    public ObjectProperty<MapSpec> settingsProperty() {
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

    /** The finished map of the layer (null while it is being made, or with no layer). */
    public ReadOnlyObjectProperty<LayerAtlas> atlasProperty() {
        return atlas.getReadOnlyProperty();
    }

    /** What made the layout drawn now: the finished map's spec, or the running one's while it converges. */
    public ReadOnlyObjectProperty<MapSpec> shownSpecProperty() {
        return shownSpec.getReadOnlyProperty();
    }

    /** True while the map has nothing to add: no map job waits or runs. */
    public boolean idle() {
        return !jobs.busy(Lane.MAP);
    }


    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the engine warned of before the running map started ("no progress, cannot be stopped"), or "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
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

    public JobRunner jobs() {
        return jobs;
    }
}

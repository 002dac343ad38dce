package org.latentledger.ui.journey;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Journey;
import org.latentledger.atlas.JourneyPlanner;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.atlas.LayerMapper;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.projection.Method;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.jobs.JobRunner;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.jobs.ThreadRule;
import org.latentledger.ui.plot.MapScene;
import org.latentledger.ui.plot.MapSceneBuilder;
import org.latentledger.view.QuerySource;
import org.latentledger.work.Exclusive;

/**
 * The journey of one query through the layers: what the query is (a data point, a drawing, an
 * interpolation, a typed row, a sentence), the maps of every layer it is placed on, where it lands, the
 * layer being shown (play / step), and steering ("move along the axis, decode"). Touched only
 * by the thread that made it (checked). The maps are made by the core's {@link LayerMapper} as a
 * job of the {@link Lane#JOURNEY} lane, with the map page's engine, parameters and seed and the
 * journey's own method. One query's journey (a forward pass and a neighbour search per layer)
 * runs on the UI thread when no job uses the network, or as soon as the job that does returns.
 */
public final class JourneyViewModel {

    private final JobRunner jobs;
    private final LayerMapper mapper;
    private final Supplier<MapSpec> mapSpec;
    private final ThreadRule rule = ThreadRule.confinedToCurrent("the journey's view model");

    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.PCA);
    private final QueryChoice choice = new QueryChoice();

    private final ReadOnlyObjectWrapper<List<LayerAtlas>> atlases = new ReadOnlyObjectWrapper<>(this, "atlases", List.of());
    private final ReadOnlyObjectWrapper<List<MapScene>> scenes = new ReadOnlyObjectWrapper<>(this, "scenes", List.of());
    private final ReadOnlyObjectWrapper<Journey> journey = new ReadOnlyObjectWrapper<>(this, "journey");
    private final ReadOnlyObjectWrapper<float[]> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final IntegerProperty currentLayer = new SimpleIntegerProperty(this, "currentLayer", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty secondsPerLayer = new SimpleDoubleProperty(this, "secondsPerLayer", 1.0);
    private final ReadOnlyStringWrapper placement = new ReadOnlyStringWrapper(this, "placement", "");

    private final Steerer steering = new Steerer();

    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private final ReadOnlyBooleanWrapper awaitingQuery = new ReadOnlyBooleanWrapper(this, "awaitingQuery");
    private final Trails trails = new Trails();
    private LoadedModel model;
    private Exclusive<LoadedModel> network;
    private org.latentledger.text.BagOfWords words;
    private final Decoding decoding = new Decoding();
    private Dataset data;
    private List<LayerActivations> activations = List.of();
    private int[] predicted;

    /**
     * @param mapSpec the map page's spec now: the journey's maps take its engine, parameters and seed
     */
    public JourneyViewModel(JobRunner jobs, ProjectionCache cache, Supplier<MapSpec> mapSpec) {
        this.jobs = jobs;
        this.mapper = new LayerMapper(cache);
        this.mapSpec = mapSpec;
        method.addListener(o -> prepare());
        for (javafx.beans.Observable q : choice.values()) {
            q.addListener(o -> recompute());
        }
        choice.source.addListener(o -> {
            clearTrails();
            recompute();
        });
        // A journey that waited for the network goes as soon as the job holding it has returned.
        jobs.finishedProperty().addListener(o -> {
            if (pending.get()) {
                recompute();
            }
        });
        steering.layer.addListener(o -> steering.chooseFirstAxis(atlases.get()));
        steering.axis.addListener(o -> {
            steering.alpha.set(0);
            steer();
        });
        steering.alpha.addListener(o -> steer());
        new LayerPlayer(playing, secondsPerLayer, () -> step(1));
        currentLayer.addListener(o -> decode());
    }

    /**
     * Shows what is open (or nothing, with a null model or data).
     *
     * @param net  the model as jobs share it (passes run only while holding it)
     * @param text the decoder of a model that reads text (its bag of words and every word's states), or null
     */
    public void show(LoadedModel m, Exclusive<LoadedModel> net, Dataset d, List<LayerActivations> acts, int[] predictions,
                     org.latentledger.text.WordDecoder text) {
        rule.check();
        decoding.show(text, d);
        words = text == null ? null : text.words();
        jobs.cancel(Lane.JOURNEY);
        model = m;
        network = net; // passes run only while holding it
        data = d;
        activations = acts == null ? List.of() : acts;
        predicted = predictions;
        atlases.set(List.of());
        scenes.set(List.of());
        journey.set(null);
        query.set(null); // the old model's input does not fit the new one
        steering.steered.set(null);
        pending.set(false);
        clearTrails();
        playing.set(false);
        choice.fit(d, m != null);
        dataset.set(d);
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() { // the data the queries come from
        return dataset.getReadOnlyProperty();
    }

    /** Whether the journey can run: a model and data that go through it. */
    public boolean available() {
        return model != null && data != null && !activations.isEmpty();
    }

    /** Computes every layer's map and atlas (a job of the journey's lane), then the journey. */
    public void prepare() {
        rule.check();
        if (!available()) {
            return;
        }
        LoadedModel m = model;
        Dataset d = data;
        List<LayerActivations> acts = activations;
        MapSpec spec = mapSpec.get().withMethod(method.get()).withDims(2);
        jobs.run(Lane.JOURNEY, "Maps of every layer for the journey (" + spec.method().label() + ")",
                (progress, partial) -> mapper.mapAll(acts, d, m.hash(), spec, progress), (List<LayerAtlas> result) -> {
                    if (m != model) {
                        return;
                    }
                    steering.clearPhraseAxes();
                    phraseAxes.clear();
                    atlases.set(result);
                    scenes.set(MapSceneBuilder.layerMaps(result, activations, data, predicted, model.hash()));
                    clearTrails();
                    currentLayer.set(Math.min(currentLayer.get(), Math.max(0, result.size() - 1)));
                    int s = steering.layer.get();
                    steering.layer.set(-1);
                    steering.layer.set(Math.min(Math.max(0, s), result.size() - 1));
                    recompute();
                });
    }

    /** What made the layer maps shown: their spec (method, engine, parameters, seed), or null before there are any. */
    public MapSpec layerMapsSpec() {
        return atlases.get().isEmpty() ? null : atlases.get().getFirst().spec();
    }

    /** The query's input values for the current source, or null (with the reason in {@link #errorProperty()} for a typed row). */
    private float[] currentInput() {
        return data == null || model == null ? null : choice.input(data, model.inputSize(), words);
    }

    /** The query in words ("point 3", "points 3 -> 17 at t = 0.50", ...), for sidecars. */
    public String describeQuery() {
        return choice.describe();
    }

    /** Recomputes the journey now, or as soon as the running job lets go of the network. */
    public void recompute() {
        rule.check();
        if (atlases.get().isEmpty() || network == null) {
            return;
        }
        float[] in = currentInput();
        if (in == null || in.length != model.inputSize()) {
            pending.set(false);
            awaitingQuery.set(true);
            return;
        }
        awaitingQuery.set(false);
        List<LayerAtlas> maps = atlases.get();
        Journey[] travelled = new Journey[1];
        if (!network.tryUse(net -> {
            travelled[0] = JourneyPlanner.travel(net, maps, in);
            decoding.query(net, in);
        })) {
            pending.set(true);
            return;
        }
        pending.set(false);
        query.set(in);
        Journey j = travelled[0];
        trails.add(j);
        journey.set(j);
        Method shown = maps.getFirst().spec().method();
        boolean transformed = j.stops().stream().allMatch(s -> s.placedBy().equals(Journey.Stop.BY_TRANSFORM));
        placement.set(shown == Method.PCA && transformed
                ? "PCA maps place the query by the PCA transform (its own PC1 and PC2); its region is that of most of its "
                        + JourneyPlanner.NEIGHBOURS + " nearest points."
                : (shown == Method.PCA ? "PCA maps: " : shown.label() + " has no transform: ") + "the query is placed by its "
                        + JourneyPlanner.NEIGHBOURS + " nearest data points in each layer's own space (weighted by 1 / distance).");
        steer();
    }

    private void clearTrails() {
        trails.clear(atlases.get().size());
    }

    /** The query's places at layer l over its recent changes (oldest first). */
    public float[][] trail(int l) {
        return trails.of(l);
    }

    private void steer() {
        if (!steering.steer(query.get(), atlases.get(), network)) {
            pending.set(true);
        }
        decode();
    }

    private void decode() {
        decoding.update(atlases.get(), currentLayer.get(), steering);
    }

    /** The shown layer's state in words (models that read text), or null. */
    public ReadOnlyObjectProperty<Decoding.Decoded> decodedProperty() {
        return decoding.decoded.getReadOnlyProperty();
    }

    /** Moves the shown layer by delta (wrapping). */
    public void step(int delta) {
        int n = atlases.get().size();
        if (n > 0) {
            currentLayer.set(Math.floorMod(currentLayer.get() + delta, n));
        }
    }

    /**
     * Makes an axis from two phrases at the steering layer ("green leaf summer" -> "yellow red
     * autumn"), named by the user, and steers along it; a model that reads text only.
     *
     * @return what went wrong, or "" when the axis was added
     */
    public String addPhraseAxis(String phraseA, String phraseB, String name) {
        rule.check();
        String problem = steering.addPhraseAxis(words, network, atlases.get(), phraseA, phraseB, name);
        if (problem.isEmpty()) {
            phraseAxes.add(new org.latentledger.workspace.Workspace.PhraseAxis(steering.layer.get(), phraseA, phraseB, name));
        }
        return problem;
    }

    /** The phrase axes added since the maps were made, as they were asked for (a workspace keeps them). */
    public List<org.latentledger.workspace.Workspace.PhraseAxis> phraseAxes() {
        return List.copyOf(phraseAxes);
    }

    private final List<org.latentledger.workspace.Workspace.PhraseAxis> phraseAxes = new java.util.ArrayList<>();

    /** The axes to steer along at layer l: its principal ones and those made from phrases. */
    public List<Axis> axesOf(int l) {
        return steering.axesOf(atlases.get(), l);
    }

    Steerer steering() {
        return steering; // for the view: phrase axes tick axesChanged
    }

    /** The spread of the chosen axis over the data, to scale the alpha slider. */
    public double steerSpread() {
        return steering.spread(atlases.get());
    }

    public Dataset data() {
        return data;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObjectProperty<QuerySource> sourceProperty() {
        return choice.source;
    }

    public IntegerProperty pointProperty() {
        return choice.point;
    }

    public ObjectProperty<float[]> drawingProperty() {
        return choice.drawing;
    }

    public IntegerProperty pointAProperty() {
        return choice.pointA;
    }

    public IntegerProperty pointBProperty() {
        return choice.pointB;
    }

    public DoubleProperty tProperty() {
        return choice.t;
    }

    public StringProperty typedProperty() {
        return choice.typed;
    }

    /** True when the maps are ready but there is no query to send (an empty sentence, a row that does not parse). */
    public ReadOnlyBooleanProperty awaitingQueryProperty() {
        return awaitingQuery.getReadOnlyProperty();
    }

    /** The sentence of a {@link QuerySource#TEXT} query. */
    public StringProperty textProperty() {
        return choice.text;
    }

    /** What the model made of that sentence: the lemmas it knows and the words it ignored (null before any). */
    public ReadOnlyObjectProperty<org.latentledger.text.Tokens> tokensProperty() {
        return choice.tokens.getReadOnlyProperty();
    }

    /** Whether the open model reads text (the text source applies). */
    public boolean readsText() {
        return words != null;
    }

    public ReadOnlyStringProperty errorProperty() {
        return choice.error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LayerAtlas>> atlasesProperty() {
        return atlases.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<MapScene>> scenesProperty() {
        return scenes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Journey> journeyProperty() {
        return journey.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public IntegerProperty currentLayerProperty() {
        return currentLayer;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty secondsPerLayerProperty() {
        return secondsPerLayer;
    }

    public ReadOnlyStringProperty placementProperty() {
        return placement.getReadOnlyProperty();
    }

    public IntegerProperty steerLayerProperty() {
        return steering.layer;
    }

    public ObjectProperty<Axis> steerAxisProperty() {
        return steering.axis;
    }

    public DoubleProperty alphaProperty() {
        return steering.alpha;
    }

    public ReadOnlyObjectProperty<float[]> steeredProperty() {
        return steering.steered.getReadOnlyProperty();
    }

    /** True while a journey or steering waits for the network (a job holds it). */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty steerNoteProperty() {
        return steering.note.getReadOnlyProperty();
    }
}

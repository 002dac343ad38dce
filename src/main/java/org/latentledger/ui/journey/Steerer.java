package org.latentledger.ui.journey;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.Steering;
import org.latentledger.work.Exclusive;

/** Steering the journey's query: the layer, the axis, alpha, and the output once the rest of the network has run from a + alpha u. */
final class Steerer {

    final IntegerProperty layer = new SimpleIntegerProperty(this, "steerLayer", 0);
    final ObjectProperty<Axis> axis = new SimpleObjectProperty<>(this, "steerAxis");
    final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 0);
    final ReadOnlyObjectWrapper<float[]> steered = new ReadOnlyObjectWrapper<>(this, "steered");
    final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "steerNote", "");
    /** Axes made from two phrases, per layer of the journey, with their spread over the data. */
    private final java.util.Map<Integer, List<Axis>> phraseAxes = new java.util.HashMap<>();
    private final java.util.Map<Axis, Double> phraseSpread = new java.util.HashMap<>();
    final javafx.beans.property.IntegerProperty axesChanged = new SimpleIntegerProperty(this, "axesChanged");

    /** The axes to steer along at layer l: its principal ones, then those made from phrases. */
    List<Axis> axesOf(List<LayerAtlas> atlases, int l) {
        if (l < 0 || l >= atlases.size()) {
            return List.of();
        }
        List<Axis> out = new java.util.ArrayList<>(atlases.get(l).axes());
        out.addAll(phraseAxes.getOrDefault(l, List.of()));
        return out;
    }

    /** Forgets the phrase axes (new maps, new model). */
    void clearPhraseAxes() {
        phraseAxes.clear();
        phraseSpread.clear();
        axesChanged.set(axesChanged.get() + 1);
    }

    /**
     * Makes an axis from two phrases at the steering layer, computed by the model, and steers along it.
     *
     * @return what went wrong, or "" when the axis was added
     */
    String addPhraseAxis(org.latentledger.text.BagOfWords words, Exclusive<LoadedModel> network, List<LayerAtlas> atlases,
                         String phraseA, String phraseB, String name) {
        int l = layer.get();
        if (words == null || network == null || l < 0 || l >= atlases.size()) {
            return "phrase axes need a model that reads text, with its maps ready";
        }
        if (words.tokens(phraseA).known().isEmpty() || words.tokens(phraseB).known().isEmpty()) {
            return "the model knows no word of one of the phrases";
        }
        LayerAtlas at = atlases.get(l);
        float[][][] states = new float[1][][];
        if (!network.tryUse(net -> states[0] = org.latentledger.model.ActivationRecorder.record(net,
                new float[][] {words.encode(phraseA), words.encode(phraseB)}, org.latentledger.work.Progress.NONE)
                .get(at.layer().index()).values())) {
            return "the network is busy; try again in a moment";
        }
        String shown = name == null || name.isBlank() ? phraseA.strip() + " -> " + phraseB.strip() : name.strip();
        try {
            addPhraseAxis(at, l, states[0][0], states[0][1], shown);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Adds the axis from phrase A's state to phrase B's at layer l (both computed by the model) and
     * chooses it; the origin is the layer's mean over the data.
     */
    Axis addPhraseAxis(LayerAtlas at, int l, float[] stateA, float[] stateB, String name) {
        double[] u = new double[stateA.length];
        double n = 0;
        for (int k = 0; k < u.length; k++) {
            u[k] = stateB[k] - stateA[k];
            n += u[k] * u[k];
        }
        if (n == 0) {
            throw new IllegalArgumentException("the two phrases land on the same state at " + at.layer().name()
                    + " (do they share all their known words?)");
        }
        for (int k = 0; k < u.length; k++) {
            u[k] /= Math.sqrt(n);
        }
        Axis axis = new Axis(name, u, org.latentledger.atlas.Axes.mean(at.points()), Double.NaN, -1, -1);
        phraseAxes.computeIfAbsent(l, k -> new java.util.ArrayList<>()).add(axis);
        phraseSpread.put(axis, LayerAtlas.spreads(List.of(axis), at.points())[0]);
        axesChanged.set(axesChanged.get() + 1);
        layer.set(l);
        this.axis.set(axis);
        return axis;
    }

    /** The chosen layer's first axis (its first principal component), or none. */
    void chooseFirstAxis(List<LayerAtlas> atlases) {
        int l = layer.get();
        axis.set(l >= 0 && l < atlases.size() && !atlases.get(l).axes().isEmpty() ? atlases.get(l).axes().getFirst() : null);
    }

    /** Steers the query; false when a job holds the network (steer again once it has returned). */
    boolean steer(float[] query, List<LayerAtlas> atlases, Exclusive<LoadedModel> network) {
        Axis u = axis.get();
        int l = layer.get();
        if (u == null || query == null || network == null || l < 0 || l >= atlases.size()) {
            steered.set(null);
            return true;
        }
        LayerAtlas at = atlases.get(l);
        double a = alpha.get();
        return network.tryUse(net -> {
            try {
                steered.set(Steering.steer(net, query, at.layer().index(), u.direction(), a));
                note.set(String.format(Locale.ROOT, "Layer %s: a %s %.2f x %s, then the rest of the network.", at.layer().name(),
                        a < 0 ? "-" : "+", Math.abs(a), u.name()));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                steered.set(null);
                note.set(e.getMessage());
            }
        });
    }

    /** The spread of the chosen axis over the data, to scale the alpha slider. */
    double spread(List<LayerAtlas> atlases) {
        int l = layer.get();
        Axis u = axis.get();
        if (u == null || l < 0 || l >= atlases.size()) {
            return 1;
        }
        int i = atlases.get(l).axes().indexOf(u);
        return i >= 0 ? atlases.get(l).axisSpread()[i] : phraseSpread.getOrDefault(u, 1.0);
    }
}

package org.latentledger.ui.journey;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.data.Dataset;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.work.Progress;

/** The journey's "decode to words", for models that read text: the shown layer's state (or the steered one) in words. */
public final class Decoding {

    /**
     * What a layer's state means in words: the layer, whether it was steered, the words whose own
     * query lands nearest, and the data's points (synsets) nearest to the state in the layer's space.
     */
    public record Decoded(String layer, boolean steered, List<WordDecoder.Scored> words, List<Nearest> nearest) {
    }

    /** A data point near the decoded state: its name (a synset's lemmas), note (gloss), label (category) and Euclidean distance. */
    public record Nearest(String name, String note, String label, double distance) {
    }

    static final int NEAREST = 3;

    final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>(this, "decoded");
    private WordDecoder decoder;
    private Dataset data;
    private List<float[]> queryStates = List.of();

    void show(WordDecoder d, Dataset points) {
        decoder = d;
        data = points;
        queryStates = List.of();
        decoded.set(null);
    }

    /** Records the query's own state at every layer (one more pass of one input), on the thread holding the network. */
    void query(LoadedModel net, float[] input) {
        if (decoder != null) {
            queryStates = ActivationRecorder.record(net, new float[][] {input}, Progress.NONE).stream().map(a -> a.values()[0]).toList();
        }
    }

    /** Decodes layer l's state: the query's, or, when steering at that layer, a + alpha u. */
    void update(List<LayerAtlas> maps, int l, Steerer steering) {
        if (decoder == null || queryStates.isEmpty() || l < 0 || l >= maps.size()) {
            decoded.set(null);
            return;
        }
        int index = maps.get(l).layer().index();
        float[] state = queryStates.get(index).clone();
        Axis axis = steering.axis.get();
        boolean steered = axis != null && steering.layer.get() == l && steering.alpha.get() != 0;
        if (steered) {
            double[] u = axis.direction();
            for (int k = 0; k < state.length && k < u.length; k++) {
                state[k] += (float) (steering.alpha.get() * u[k]);
            }
        }
        decoded.set(new Decoded(maps.get(l).layer().name(), steered, decoder.decode(index, state, 8), nearest(maps.get(l), state)));
    }

    /** The data's points nearest to a state, in the layer's own space (where the layer's points are its units). */
    private List<Nearest> nearest(LayerAtlas layer, float[] state) {
        float[][] points = layer.points();
        if (data == null || layer.channelMeans() || points.length != data.size() || points.length == 0 || points[0].length != state.length) {
            return List.of();
        }
        double[] d = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double s = 0;
            for (int k = 0; k < state.length; k++) {
                double x = points[i][k] - state[k];
                s += x * x;
            }
            d[i] = Math.sqrt(s);
        }
        return java.util.stream.IntStream.range(0, d.length).boxed().sorted((a, b) -> Double.compare(d[a], d[b])).limit(NEAREST)
                .map(i -> new Nearest(data.rowName(i), data.note(i), data.labelName(i), d[i])).toList();
    }
}

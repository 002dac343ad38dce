package org.latentledger.ui.journey;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.work.Progress;

/** The journey's "decode to words", for models that read text: the shown layer's state (or the steered one) in words. */
public final class Decoding {

    /** What a layer's state means in words: the layer, whether it was steered, and the words whose own query lands nearest. */
    public record Decoded(String layer, boolean steered, List<WordDecoder.Scored> words) {
    }

    final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>(this, "decoded");
    private WordDecoder decoder;
    private List<float[]> queryStates = List.of();

    void show(WordDecoder d) {
        decoder = d;
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
        decoded.set(new Decoded(maps.get(l).layer().name(), steered, decoder.decode(index, state, 8)));
    }
}

package org.latentledger.ui.journey;

import java.util.ArrayList;
import java.util.List;
import org.latentledger.atlas.Journey;

/** Where the query has been on each layer's map over its recent changes (oldest first), for the trail the map draws. */
final class Trails {

    /** Places kept per layer. */
    static final int LENGTH = 24;

    private final List<List<float[]>> perLayer = new ArrayList<>();

    /** Forgets every place; keeps room for {@code layers} layers. */
    void clear(int layers) {
        perLayer.clear();
        for (int l = 0; l < layers; l++) {
            perLayer.add(new ArrayList<>());
        }
    }

    /** Adds the journey's stop on each layer. */
    void add(Journey j) {
        for (int l = 0; l < j.stops().size() && l < perLayer.size(); l++) {
            List<float[]> trail = perLayer.get(l);
            trail.add(new float[] {j.stops().get(l).x(), j.stops().get(l).y()});
            if (trail.size() > LENGTH) {
                trail.removeFirst();
            }
        }
    }

    /** The places on layer l as {xs, ys}. */
    float[][] of(int l) {
        if (l < 0 || l >= perLayer.size()) {
            return new float[][] {new float[0], new float[0]};
        }
        List<float[]> t = perLayer.get(l);
        float[] xs = new float[t.size()];
        float[] ys = new float[t.size()];
        for (int k = 0; k < t.size(); k++) {
            xs[k] = t.get(k)[0];
            ys[k] = t.get(k)[1];
        }
        return new float[][] {xs, ys};
    }
}

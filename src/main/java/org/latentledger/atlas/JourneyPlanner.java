package org.latentledger.atlas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.work.Progress;

/**
 * Sends one input through the network and places it on every layer's map. A PCA map has a
 * transform: the query lands at its own coordinates on the layer's first principal axes, which are
 * the map's (checked on data points before it is used). t-SNE and UMAP have no transform for new
 * points, so a query is placed by its k nearest data points in the layer's own activation space:
 * the mean of their map positions weighted by 1 / distance (a data point itself therefore lands
 * exactly on its own position). Its region, either way, is the one most of those neighbours are in.
 */
public final class JourneyPlanner {

    public static final int NEIGHBOURS = 10;

    private JourneyPlanner() {
    }

    public static Journey travel(LoadedModel model, List<LayerAtlas> atlases, float[] input) {
        List<LayerActivations> acts = ActivationRecorder.record(model, new float[][] {input}, Progress.NONE);
        List<Journey.Stop> stops = new ArrayList<>();
        Map<String, Double> previous = null;
        for (LayerAtlas atlas : atlases) {
            LayerActivations a = acts.get(atlas.layer().index());
            float[] q = atlas.channelMeans() ? a.perChannelMean()[0] : a.values()[0];
            Journey.Stop stop = place(atlas, q, previous);
            stops.add(stop);
            previous = stop.standing();
        }
        java.util.Optional<String> part = model.network().limitation();
        if (part.isPresent()) {
            return Journey.unanswered(stops, "the model was opened in part: " + part.get()); // its last row is not the model's output
        }
        float[] out = acts.getLast().values()[0];
        boolean reconstruction = out.length == model.inputSize();
        return new Journey(stops, out, reconstruction ? -1 : Evaluation.argmax(out), reconstruction);
    }

    static Journey.Stop place(LayerAtlas atlas, float[] q, Map<String, Double> previous) {
        Neighbours.Neighbour[] nn = nearest(atlas.points(), q, NEIGHBOURS);
        float[] mx = atlas.map().axis(0);
        float[] my = atlas.map().dimensions() > 1 ? atlas.map().axis(1) : new float[mx.length];
        double wx = 0;
        double wy = 0;
        double wsum = 0;
        int[] votes = new int[atlas.regions().regions().size()];
        int[] idx = new int[nn.length];
        for (int m = 0; m < nn.length; m++) {
            int j = nn[m].index();
            idx[m] = j;
            votes[atlas.regions().assignment()[j]]++;
            if (nn[m].distance() == 0) {
                wx = mx[j];
                wy = my[j];
                wsum = 1;
                break;
            }
            double w = 1 / nn[m].distance();
            wx += w * mx[j];
            wy += w * my[j];
            wsum += w;
        }
        int region = 0;
        for (int r = 1; r < votes.length; r++) {
            if (votes[r] > votes[region]) {
                region = r;
            }
        }
        double[] exact = pcaTransform(atlas, q);
        if (exact != null) {
            wx = exact[0];
            wy = exact[1];
            wsum = 1;
        }
        Map<String, Double> coords = new LinkedHashMap<>();
        Map<String, Double> standing = new LinkedHashMap<>();
        for (int a = 0; a < atlas.axes().size(); a++) {
            Axis axis = atlas.axes().get(a);
            double c = axis.coordinate(q);
            coords.put(axis.name(), c);
            standing.put(axis.name(), atlas.axisSpread()[a] > 0 ? c / atlas.axisSpread()[a] : 0);
        }
        List<String> moved = new ArrayList<>(standing.keySet());
        Map<String, Double> before = previous;
        moved.sort(Comparator.comparingDouble((String k) -> -Math.abs(standing.get(k) - (before == null ? 0 : before.getOrDefault(k, 0.0)))));
        return new Journey.Stop(atlas.layer(), (float) (wx / wsum), (float) (wy / wsum), region,
                atlas.regions().regions().get(region).name(), (double) votes[region] / nn.length, coords, standing,
                moved.subList(0, Math.min(2, moved.size())), idx, exact != null ? Journey.Stop.BY_TRANSFORM : Journey.Stop.BY_NEIGHBOURS);
    }

    /**
     * The query's position on a PCA map by the PCA transform: its coordinates on the atlas's PC1
     * and PC2, provided those axes give the map's own positions of data points (the same fit), else
     * null (the neighbours place it).
     */
    static double[] pcaTransform(LayerAtlas atlas, float[] q) {
        if (atlas.spec() == null || atlas.spec().method() != org.latentledger.projection.Method.PCA) {
            return null;
        }
        Axis pc1 = null;
        Axis pc2 = null;
        for (Axis a : atlas.axes()) {
            pc1 = a.name().equals("PC1") ? a : pc1;
            pc2 = a.name().equals("PC2") ? a : pc2;
        }
        boolean flat = atlas.map().dimensions() < 2;
        if (pc1 == null || pc2 == null && !flat) {
            return null;
        }
        float[] mx = atlas.map().axis(0);
        float[] my = flat ? null : atlas.map().axis(1);
        int n = atlas.points().length;
        for (int j : new int[] {0, n / 3, n / 2, n - 1}) {
            if (!close(pc1.coordinate(atlas.points()[j]), mx[j]) || !flat && !close(pc2.coordinate(atlas.points()[j]), my[j])) {
                return null;
            }
        }
        return new double[] {pc1.coordinate(q), flat ? 0 : pc2.coordinate(q)};
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-3 * (1 + Math.abs(b));
    }

    /** The k data points nearest to q (Euclidean), nearest first. */
    static Neighbours.Neighbour[] nearest(float[][] points, float[] q, int k) {
        int n = points.length;
        k = Math.min(k, n);
        int[] bestI = new int[k];
        double[] bestD = new double[k];
        java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            double d = KMeans.squared(q, points[j]);
            if (d < bestD[k - 1]) {
                int p = k - 1;
                while (p > 0 && bestD[p - 1] > d) {
                    bestD[p] = bestD[p - 1];
                    bestI[p] = bestI[p - 1];
                    p--;
                }
                bestD[p] = d;
                bestI[p] = j;
            }
        }
        Neighbours.Neighbour[] out = new Neighbours.Neighbour[k];
        for (int m = 0; m < k; m++) {
            out[m] = new Neighbours.Neighbour(bestI[m], Math.sqrt(bestD[m]));
        }
        return out;
    }

    /** The input at t of the way from a to b: (1 - t) a + t b. */
    public static float[] interpolate(float[] a, float[] b, double t) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) ((1 - t) * a[i] + t * b[i]);
        }
        return out;
    }

    /**
     * A typed or pasted row: numbers separated by commas, tabs or spaces.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static float[] parseRow(String text, long expected) {
        String[] cells = text.strip().split("[,;\\s]+");
        if (text.isBlank()) {
            throw new IllegalArgumentException("type " + expected + " numbers separated by commas or spaces");
        }
        if (cells.length != expected) {
            throw new IllegalArgumentException("the model takes " + expected + " values; the row has " + cells.length);
        }
        float[] row = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                row[i] = Float.parseFloat(cells[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value " + (i + 1) + " ('" + cells[i] + "') is not a number");
            }
            if (!Float.isFinite(row[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " is " + cells[i] + ", not a finite number");
            }
        }
        return row;
    }
}

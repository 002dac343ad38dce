package org.latentledger.ui.plot;

import org.latentledger.ui.plot.LeastSquares;
import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.MapInput;
import org.latentledger.view.ColourMode;
import org.latentledger.ui.plot.MapScene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import org.latentledger.atlas.Axes;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Region;
import org.latentledger.atlas.Regions;
import org.latentledger.data.Dataset;
import org.latentledger.projection.Projection;

/** Turns a layout and the atlas of its layer into what the canvas draws. */
public final class MapSceneBuilder {

    private MapSceneBuilder() {
    }

    public static MapScene build(MapInput input, Projection p, ColourMode mode, Regions regions, List<Region> named,
                          List<Axis> arrows, java.util.function.Function<Axis, float[]> coordinates) {
        return build(input, p, mode, regions, named, arrows, coordinates, java.util.Set.of());
    }

    /**
     * @param hiddenLabels labels (indices into the data's class names) whose points are left out:
     *                     the legend and the regions follow, and the title says how many points are drawn
     */
    public static MapScene build(MapInput input, Projection p, ColourMode mode, Regions regions, List<Region> named,
                          List<Axis> arrows, java.util.function.Function<Axis, float[]> coordinates, java.util.Set<Integer> hiddenLabels) {
        return build(input.data(), input.predicted(), input.activations().layer().name(), () -> input.activations().values(), p, mode,
                regions, named, arrows, coordinates, hiddenLabels);
    }

    /**
     * A layer's layout drawn before its activations are recorded (remembered from the last opening
     * of the same model and data): coloured by label, without regions or axes, which need the points.
     */
    public static MapScene remembered(Dataset data, String layer, Projection p, java.util.Set<Integer> hiddenLabels) {
        return build(data, null, layer, null, p, ColourMode.LABEL, null, List.of(), List.of(), a -> null, hiddenLabels);
    }

    /** @param values the layer's activations, when there are any yet (the density colouring needs them) */
    private static MapScene build(Dataset data, int[] predicted, String layer, java.util.function.Supplier<float[][]> values, Projection p,
                                  ColourMode mode, Regions regions, List<Region> named, List<Axis> arrows,
                                  java.util.function.Function<Axis, float[]> coordinates, java.util.Set<Integer> hiddenLabels) {
        float[] x = p.axis(0);
        float[] y = p.dimensions() > 1 ? p.axis(1) : new float[x.length];
        int n = x.length;
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.labelName(i);
        }
        int[] category = null;
        List<String> names = List.of();
        List<Color> colours = List.of();
        float[] value = null;
        String legend;
        ColourMode effective = mode == ColourMode.PREDICTED || mode == ColourMode.CORRECT ? (predicted == null ? ColourMode.LABEL : mode)
                : mode == ColourMode.DENSITY && values == null ? ColourMode.LABEL : mode;
        switch (effective) {
            case PREDICTED -> {
                category = predicted;
                names = data.classNames();
                colours = categorical(names.size());
                legend = "Predicted";
            }
            case CORRECT -> {
                category = new int[n];
                for (int i = 0; i < n; i++) {
                    category[i] = data.labels()[i] < 0 ? -1 : predicted[i] == data.labels()[i] ? 0 : 1;
                }
                names = List.of("correct", "wrong");
                colours = List.of(Palette.CORRECT, Palette.WRONG);
                legend = "Prediction";
            }
            case DENSITY -> {
                value = density(values.get());
                legend = "";
            }
            default -> {
                category = data.labels();
                names = data.classNames();
                colours = categorical(names.size());
                legend = "Label";
            }
        }
        MapScene.Filter filter = filter(data, hiddenLabels);
        String title = filter == null ? String.format(Locale.ROOT, "%s · %s of %s · %,d points", data.name(), methodName(p), layer, n)
                : String.format(Locale.ROOT, "%s · %s of %s · %,d of %,d points (%d of %d classes)", data.name(), methodName(p), layer,
                        filter.drawn(), n, filter.classesShown().size(), filter.classes());
        List<MapScene.RegionMark> marks = regions == null ? List.of() : regionMarks(regions, named, x, y, filter);
        List<MapScene.ArrowMark> arrowMarks = new ArrayList<>();
        for (Axis a : arrows) {
            MapScene.ArrowMark m = arrow(a, regions, x, y, coordinates);
            if (m != null) {
                arrowMarks.add(m);
            }
        }
        float[][] thumbs = data.image() != null ? data.features() : null;
        return new MapScene(title, axisTitle(p, 0), p.dimensions() > 1 ? axisTitle(p, 1) : "", x, y, category, names, colours, value,
                "Active units", legend, data.names(), data.notes(), labels, thumbs, data.image(), marks, arrowMarks, filter);
    }

    /** Null when every class is shown (or the data have no classes). */
    private static MapScene.Filter filter(Dataset data, java.util.Set<Integer> hidden) {
        List<String> classes = data.classNames();
        if (hidden.isEmpty() || classes.isEmpty()) {
            return null;
        }
        int[] labels = data.labels();
        boolean[] shown = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            shown[i] = !hidden.contains(labels[i]);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (!hidden.contains(c)) {
                names.add(classes.get(c));
            }
        }
        return new MapScene.Filter(shown, names, classes.size());
    }

    /** The journey's maps: one scene per layer atlas, coloured by label, with its regions, titled by the layer. */
    public static List<MapScene> layerMaps(List<org.latentledger.atlas.LayerAtlas> atlases, List<org.latentledger.model.LayerActivations> acts,
                                           Dataset data, int[] predicted, String modelHash) {
        List<MapScene> out = new ArrayList<>();
        for (org.latentledger.atlas.LayerAtlas a : atlases) {
            MapScene s = build(new MapInput(acts.get(a.layer().index()), data, predicted, modelHash), a.map(),
                    org.latentledger.view.ColourMode.LABEL, a.regions(), a.regions().regions(), List.of(), ax -> ax.coordinates(a.points()),
                    java.util.Set.of());
            out.add(s.withTitle(a.layer().name()));
        }
        return List.copyOf(out);
    }

    static List<Color> categorical(int count) {
        List<Color> c = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            c.add(Palette.category(i, count));
        }
        return c;
    }

    /** The share of units of each point that are not zero (ReLU's own zeros are inactive units). */
    static float[] density(float[][] activations) {
        float[] d = new float[activations.length];
        for (int i = 0; i < activations.length; i++) {
            int active = 0;
            for (float v : activations[i]) {
                if (v != 0f) {
                    active++;
                }
            }
            d[i] = activations[i].length == 0 ? 0 : (float) active / activations[i].length;
        }
        return d;
    }

    private static String methodName(Projection p) {
        String m = p.method();
        int paren = m.indexOf(" (");
        String engine = m.contains(" by Smile") ? " by Smile" : "";
        return paren > 0 ? m.substring(0, paren) + engine + (m.contains("after PCA") ? " (after PCA to 50)" : "") : m;
    }

    private static String axisTitle(Projection p, int d) {
        double e = p.explained()[d];
        return Double.isNaN(e) ? p.axisNames().get(d) : String.format(Locale.ROOT, "%s (%.1f%% of variance)", p.axisNames().get(d), 100 * e);
    }

    private static List<MapScene.RegionMark> regionMarks(Regions regions, List<Region> named, float[] x, float[] y, MapScene.Filter filter) {
        List<MapScene.RegionMark> marks = new ArrayList<>();
        double cell = Math.max(spread(x), spread(y)) / RegionHulls.CELLS;
        for (Region r : regions.regions()) {
            // A region is outlined around its drawn points only: one whose points are all left out is not drawn.
            int[] members = java.util.Arrays.stream(members(regions, r.index())).filter(i -> filter == null || filter.shown()[i]).toArray();
            if (members.length == 0) {
                continue;
            }
            RegionHulls.Outline o = RegionHulls.of(members, x, y, cell > 0 ? cell : 1);
            String name = r.index() < named.size() ? named.get(r.index()).name() : r.name();
            marks.add(new MapScene.RegionMark(name, r.purity(), members.length, o.cx(), o.cy(), o.hulls()));
        }
        return marks;
    }

    /**
     * A concept axis runs from its first region's centre to its second's. Any other axis is drawn
     * along the direction in which its coordinate grows on the map (least squares of the
     * coordinate on x and y), from the map's centre, with R^2 saying how well the map shows it.
     */
    private static MapScene.ArrowMark arrow(Axis a, Regions regions, float[] x, float[] y,
                                            java.util.function.Function<Axis, float[]> coordinates) {
        if (a.isConcept() && regions != null) {
            int[] from = members(regions, a.from());
            int[] to = members(regions, a.to());
            if (from.length == 0 || to.length == 0) {
                return null;
            }
            return new MapScene.ArrowMark(a.name(), median(from, x), median(from, y), median(to, x), median(to, y));
        }
        float[] c = coordinates.apply(a);
        double[] fit = LeastSquares.plane(x, y, c);
        double gx = fit[0];
        double gy = fit[1];
        double norm = Math.hypot(gx, gy);
        if (norm == 0) {
            return null;
        }
        int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
        float cx = median(all, x);
        float cy = median(all, y);
        double span = Math.min(spread(x), spread(y)) * 0.3;
        String label = String.format(Locale.ROOT, "%s  R²=%.2f", Axes.label(a), fit[2]);
        return new MapScene.ArrowMark(label, cx, cy, (float) (cx + span * gx / norm), (float) (cy + span * gy / norm));
    }

    static int[] members(Regions regions, int region) {
        return java.util.stream.IntStream.range(0, regions.assignment().length).filter(i -> regions.assignment()[i] == region).toArray();
    }

    private static float median(int[] idx, float[] v) {
        float[] s = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            s[i] = v[idx[i]];
        }
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double spread(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return hi - lo;
    }
}

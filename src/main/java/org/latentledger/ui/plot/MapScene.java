package org.latentledger.ui.plot;

import java.util.List;
import javafx.scene.paint.Color;
import org.latentledger.data.ImageShape;

/**
 * Everything the 2D map draws, immutable (arrays are never written after construction): the
 * layout, each point's colour (a category or a value on a colour bar), names for hover,
 * thumbnails for image data, and the atlas overlays (regions and axes).
 *
 * @param category      colour category per point (-1 = grey), or null when {@code value} colours points
 * @param categoryNames legend entries
 * @param categoryColours colour of each category
 * @param value         a value per point shown on a colour bar, or null
 * @param valueTitle    the colour bar's title
 * @param legendTitle   the legend's title ("Label", "Predicted", ...)
 * @param names         a name per point (may be empty)
 * @param labels        the data's label names per point, for hover
 * @param thumbs        rows of pixel values when the data are images (for hover), else null
 * @param thumbShape    shape of those images, else null
 * @param filter        which points are drawn when some classes are left out, else null (all are)
 */
public record MapScene(String title, String xTitle, String yTitle, float[] x, float[] y, int[] category,
                       List<String> categoryNames, List<Color> categoryColours, float[] value, String valueTitle,
                       String legendTitle, List<String> names, List<String> notes, String[] labels, float[][] thumbs, ImageShape thumbShape,
                       List<RegionMark> regions, List<ArrowMark> arrows, Filter filter) {

    public MapScene {
        categoryNames = List.copyOf(categoryNames);
        categoryColours = List.copyOf(categoryColours);
        names = List.copyOf(names);
        notes = List.copyOf(notes);
        regions = List.copyOf(regions);
        arrows = List.copyOf(arrows);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have one entry per point");
        }
        if (filter != null && filter.shown().length != x.length) {
            throw new IllegalArgumentException("the filter must have one entry per point");
        }
    }

    /** Whether point i is drawn (false when its class is left out). */
    public boolean shown(int i) {
        return filter == null || filter.shown()[i];
    }

    /**
     * The legend's entries: every category, or with a filter only those that some drawn point has,
     * so the legend names what the map shows.
     */
    public List<Integer> legendEntries() {
        int k = categoryNames.size();
        boolean[] present = new boolean[k];
        if (filter == null || category == null) {
            java.util.Arrays.fill(present, true);
        } else {
            for (int i = 0; i < category.length; i++) {
                int c = category[i];
                if (filter.shown()[i] && c >= 0 && c < k) {
                    present[c] = true;
                }
            }
        }
        List<Integer> out = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (present[c]) {
                out.add(c);
            }
        }
        return out;
    }

    public int size() {
        return x.length;
    }

    public MapScene withoutRegions() {
        return new MapScene(title, xTitle, yTitle, x, y, category, categoryNames, categoryColours, value, valueTitle, legendTitle,
                names, notes, labels, thumbs, thumbShape, List.of(), arrows, filter);
    }

    public MapScene withTitle(String newTitle) {
        return new MapScene(newTitle, xTitle, yTitle, x, y, category, categoryNames, categoryColours, value, valueTitle, legendTitle,
                names, notes, labels, thumbs, thumbShape, regions, arrows, filter);
    }

    /**
     * A region drawn as light outlines (one per island of its points on the map: the hull of each
     * island's central points, each {xs, ys}) and a label at the centre of its largest island.
     */
    public record RegionMark(String name, double purity, int size, float cx, float cy, List<float[][]> hulls) {

        public RegionMark {
            hulls = List.copyOf(hulls);
        }
    }

    /**
     * Some classes left out of the map: which points are drawn, the names of the classes shown and
     * how many classes the data have.
     */
    public record Filter(boolean[] shown, List<String> classesShown, int classes) {

        public Filter {
            classesShown = List.copyOf(classesShown);
        }

        /** How many points are drawn. */
        public int drawn() {
            int n = 0;
            for (boolean b : shown) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    /** An axis drawn as a labelled arrow, in layout coordinates. */
    public record ArrowMark(String label, float x0, float y0, float x1, float y1) {
    }
}

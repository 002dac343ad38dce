package org.latentledger.ui.map;

import java.util.List;

/**
 * What the map draws: 2D positions, a class per point, class names for the legend, axis titles,
 * and optionally a name per point (shown on hover).
 * Immutable by contract (the arrays are never written after construction).
 */
public record MapData(float[] x, float[] y, int[] classes, List<String> classNames, String xTitle, String yTitle,
                      String title, List<String> pointNames) {

    public MapData(float[] x, float[] y, int[] classes, List<String> classNames, String xTitle, String yTitle, String title) {
        this(x, y, classes, classNames, xTitle, yTitle, title, List.of());
    }

    public MapData {
        classNames = List.copyOf(classNames);
        pointNames = pointNames == null ? List.of() : List.copyOf(pointNames);
        if (x.length != y.length || x.length != classes.length) {
            throw new IllegalArgumentException("x, y and classes must have one entry per point");
        }
    }

    public int size() {
        return x.length;
    }
}

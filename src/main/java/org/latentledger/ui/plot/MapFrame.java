package org.latentledger.ui.plot;

/**
 * Maps layout coordinates to the plot area: the same scale on both axes (distances on the map
 * stay honest), fitted to the points (the box as wide as the data needs), then zoomed by {@code zoom} around the data point
 * ({@code cx}, {@code cy}) shown at the plot's centre.
 */
public record MapFrame(double left, double top, double right, double bottom, double cx, double cy, double scale) {

    /** The fit: all points visible with a 4% margin, centred. */
    public static MapFrame fit(float[] x, float[] y, double left, double top, double right, double bottom) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min((right - left) / (spanX * 1.08), (bottom - top) / (spanY * 1.08));
        // Where the height sets the scale, the box narrows to the data's own aspect (centred): a wide
        // box would show x from -150 to 150 for data in -25..25.
        double width = spanX * 1.08 * scale;
        if (width < right - left) {
            double middle = (left + right) / 2;
            left = middle - width / 2;
            right = middle + width / 2;
        }
        return new MapFrame(left, top, right, bottom, (minX + maxX) / 2, (minY + maxY) / 2, scale);
    }

    MapFrame zoomed(double zoom, double centreX, double centreY) {
        return new MapFrame(left, top, right, bottom, centreX, centreY, scale * zoom);
    }

    public double sx(double x) {
        return (left + right) / 2 + (x - cx) * scale;
    }

    public double sy(double y) {
        return (top + bottom) / 2 - (y - cy) * scale;
    }

    double dataX(double screenX) {
        return cx + (screenX - (left + right) / 2) / scale;
    }

    double dataY(double screenY) {
        return cy - (screenY - (top + bottom) / 2) / scale;
    }

    double minX() {
        return dataX(left);
    }

    double maxX() {
        return dataX(right);
    }

    double minY() {
        return dataY(bottom);
    }

    double maxY() {
        return dataY(top);
    }
}

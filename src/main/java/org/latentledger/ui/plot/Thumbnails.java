package org.latentledger.ui.plot;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A point's input image drawn small, beside it on the map. */
final class Thumbnails {

    private Thumbnails() {
    }

    /** The point's input image, grey (or RGB), scaled so its brightest pixel is white. */
    static void draw(GraphicsContext g, float[] px, org.latentledger.data.ImageShape shape, double x, double y, double size) {
        int h = shape.height();
        int wd = shape.width();
        int c = shape.channels();
        float max = 1e-6f;
        for (float v : px) {
            max = Math.max(max, v);
        }
        double cell = size / Math.max(h, wd);
        for (int r = 0; r < h; r++) {
            for (int q = 0; q < wd; q++) {
                double v = px[(c == 1 ? 0 : 0) + r * wd + q] / max;
                g.setFill(Color.gray(Math.max(0, Math.min(1, v))));
                g.fillRect(x + q * cell, y + r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
    }
}

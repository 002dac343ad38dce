package org.latentledger.ui.export;

import java.awt.image.BufferedImage;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;
import org.latentledger.ui.plot.PlotCanvas;

/**
 * Renders a node, or a whole scene, at a scale: every plot inside is redrawn oversampled and text
 * is laid out at that scale, so a 2x or 4x export has crisp text and lines, not an upscaled
 * bitmap. FX thread only.
 */
public final class NodeImages {

    private NodeImages() {
    }

    public static BufferedImage render(Node node, double scale) {
        return toBufferedImage(renderFx(node, scale));
    }

    /** The same, as a JavaFX image (for the clipboard). */
    public static WritableImage renderFx(Node node, double scale) {
        Scene scene = node.getScene();
        java.util.List<PlotCanvas> plots = plots(node);
        for (PlotCanvas p : plots) {
            p.setOversample(scale);
        }
        try {
            Parent root = scene == null ? (node instanceof Parent p ? p : null) : scene.getRoot();
            if (root != null) {
                // Twice: a pass can change what the next one lays out (a toolbar row wrapped at the width the first gave it).
                for (int pass = 0; pass < 2; pass++) {
                    root.applyCss();
                    root.layout();
                }
            }
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(scale, scale));
            params.setFill(paper(scene == null ? node : scene.getRoot()));
            return node.snapshot(params, null);
        } finally {
            for (PlotCanvas p : plots) {
                p.setOversample(1);
            }
        }
    }

    private static java.util.List<PlotCanvas> plots(Node node) {
        java.util.List<PlotCanvas> out = new java.util.ArrayList<>();
        if (node instanceof PlotCanvas p) {
            out.add(p);
        }
        for (Node n : node.lookupAll("." + PlotCanvas.STYLE_CLASS)) {
            if (n instanceof PlotCanvas p && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The window's background colour (the theme's), for any area the panel does not paint. */
    private static Paint paper(Node root) {
        if (root instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
            return r.getBackground().getFills().getFirst().getFill();
        }
        return Color.WHITE;
    }

    public static BufferedImage toBufferedImage(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = img.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}

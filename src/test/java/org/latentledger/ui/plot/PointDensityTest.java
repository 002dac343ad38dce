package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentledger.ui.HeadlessFx;

/**
 * Where points outnumber what discs can show, the map draws their density: every point in the
 * frame is counted once, each blob keeps its class's colour, empty space stays empty, and zooming
 * in brings single points back.
 */
class PointDensityTest {

    private static final Color RED = Color.rgb(220, 40, 40);
    private static final Color BLUE = Color.rgb(30, 60, 210);

    @Test
    void aCrowdIsDrawnAsItsDensityAndZoomingInDrawsPointsAgain() throws Exception {
        HeadlessFx.start(900, 700);
        int n = MapCanvas.DENSITY_ABOVE + 50_000;
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n];
        float[] y = new float[n];
        int[] c = new int[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            c[i] = i % 2;
            x[i] = (float) ((c[i] == 0 ? -10 : 10) + r.nextGaussian());
            y[i] = (float) r.nextGaussian();
            labels[i] = Integer.toString(c[i]);
        }
        MapScene scene = new MapScene("density", "x", "y", x, y, c, List.of("red", "blue"), List.of(RED, BLUE), null, "", "Label",
                List.of(), List.of(), labels, null, null, List.of(), List.of(), null);
        HeadlessFx.onFx(() -> {
            MapCanvas canvas = new MapCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(canvas), 900, 700));
            stage.show();
            try {
                canvas.mapSceneProperty().set(scene);
                canvas.applyCss();
                canvas.resize(900, 700);
                canvas.redrawNow();
                assertTrue(canvas.drewDensity(), "more than " + MapCanvas.DENSITY_ABOVE + " points in the frame");
                assertEquals(n, canvas.densityCounted(), "every point counted once");
                assertEquals(n, canvas.drawnPoints());

                PixelReader px = canvas.snapshot(null, null).getPixelReader();
                Point2D red = canvas.drawnAt(indexNear(x, y, -10, 0));
                Point2D blue = canvas.drawnAt(indexNear(x, y, 10, 0));
                assertClose(RED, px.getColor((int) red.getX(), (int) red.getY()), "the red blob's middle");
                assertClose(BLUE, px.getColor((int) blue.getX(), (int) blue.getY()), "the blue blob's middle");
                Point2D gap = red.midpoint(blue);
                // (a grid line may cross the very middle: the brightest pixel of a few around it is the background)
                Color between = Color.BLACK;
                for (int d = -3; d <= 3; d += 3) {
                    Color here = px.getColor((int) gap.getX() + d, (int) gap.getY() + d);
                    between = here.getBrightness() > between.getBrightness() ? here : between;
                }
                assertClose(PlotStyle.LIGHT.background(), between, "empty space between the blobs");

                // Zoomed into the red blob's middle: far fewer points in the frame, drawn one by one.
                for (int k = 0; k < 12; k++) {
                    canvas.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, red.getX(), red.getY(),
                            red.getX(), red.getY(), false, false, false, false, false, false, 0, 120, 0, 120,
                            javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                            javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
                }
                canvas.redrawNow();
                assertFalse(canvas.drewDensity(), "zoomed in, the points are drawn as points");
            } finally {
                stage.hide();
            }
            return null;
        });
    }

    private static int indexNear(float[] x, float[] y, double cx, double cy) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.hypot(x[i] - cx, y[i] - cy) < Math.hypot(x[best] - cx, y[best] - cy)) {
                best = i;
            }
        }
        return best;
    }

    private static void assertClose(Color expected, Color actual, String where) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.12, where + ": expected about " + expected + ", found " + actual);
    }
}

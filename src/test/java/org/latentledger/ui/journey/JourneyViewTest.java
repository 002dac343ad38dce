package org.latentledger.ui.journey;

import org.latentledger.view.Page;
import org.latentledger.view.QuerySource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.atlas.Journey;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/** The journey page, headless: a point's route, the drawing pad, interpolation, typed rows, steering, play and step. */
class JourneyViewTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    private JourneyViewModel openJourney(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        robot.interact(() -> vm.navigate(Page.JOURNEY));
        JourneyViewModel j = vm.journey();
        await(() -> !vm.busyProperty().get() && j.journeyProperty().get() != null, 120);
        return j;
    }

    @Test
    void aPointsRouteThenInterpolationTypedRowAndSteering(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        JourneyViewModel j = openJourney(robot);
        robot.interact(() -> j.pointProperty().set(30));
        Journey route = j.journeyProperty().get();
        assertEquals(4, route.stops().size());
        assertEquals(j.atlasesProperty().get().get(1).map().axis(0)[30], route.stops().get(1).x(), 1e-4);
        assertEquals(j.data().labels()[30], route.prediction());

        int next7 = 31;
        while (!j.data().labelName(next7).equals("7")) {
            next7++;
        }
        assertEquals(next7, j.data().find("7", 30), "the next 7 after #30");
        robot.interact(() -> vm.map().focusProperty().set(44));
        assertEquals(44, j.pointProperty().get(), "the map's focused point is the journey's query");
        robot.interact(() -> {
            j.pointAProperty().set(30);
            j.pointBProperty().set(31);
            j.tProperty().set(0);
            j.sourceProperty().set(QuerySource.INTERPOLATION);
        });
        assertArrayEquals(j.data().features()[30], j.queryProperty().get());
        robot.interact(() -> j.tProperty().set(1));
        assertArrayEquals(j.data().features()[31], j.queryProperty().get());
        assertTrue(j.trail(1)[0].length >= 2, "the query's trail across the interpolation");

        robot.interact(() -> {
            j.sourceProperty().set(QuerySource.TYPED);
            j.typedProperty().set("1 2 3");
        });
        assertEquals("the model takes 64 values; the row has 3", j.errorProperty().get());

        robot.interact(() -> j.sourceProperty().set(QuerySource.POINT));
        float[] original = j.journeyProperty().get().output();
        assertNotNull(j.steerAxisProperty().get());
        robot.interact(() -> j.alphaProperty().set(0));
        assertArrayEquals(original, j.steeredProperty().get(), 1e-6f, "alpha 0 gives the original output");
        robot.interact(() -> j.alphaProperty().set(8 * j.steerSpread()));
        assertFalse(java.util.Arrays.equals(original, j.steeredProperty().get()));
    }

    @Test
    void aShortPageHasTheMiniMapsBesideTheLargeMapATallOneAboveIt(FxRobot robot) throws Exception {
        Stage stage = window.stage();
        openJourney(robot);
        javafx.geometry.Rectangle2D[] tall = arrangement(robot, stage, 1280, 1000);
        assertTrue(tall[0].getMaxY() <= tall[1].getMinY() + 1, "a tall page: the mini-maps above the large map " + java.util.Arrays.toString(tall));
        javafx.geometry.Rectangle2D[] low = arrangement(robot, stage, 1024, 640);
        assertTrue(low[0].getMaxX() <= low[1].getMinX() + 1, "a short page: the mini-maps left of the large map " + java.util.Arrays.toString(low));
        assertTrue(low[0].getMinY() >= low[1].getMinY() - 1, "beside it, not above it");
        JourneyViewModel j = window.viewModel().journey();
        for (int l = 0; l < j.atlasesProperty().get().size(); l++) {
            int layer = l;
            robot.interact(() -> j.currentLayerProperty().set(layer));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Rectangle2D mini = screen(stage.getScene().getRoot().lookupAll(".ll-mini-map").stream()
                    .filter(n -> n.getStyleClass().contains("ll-mini-current")).findFirst().orElseThrow());
            javafx.geometry.Rectangle2D column = screen(stage.getScene().lookup("#journey-minis-scroll"));
            assertTrue(mini.getMinY() >= column.getMinY() - 1 && mini.getMaxY() <= column.getMaxY() + 1,
                    "layer " + (l + 1) + "'s mini-map is scrolled into view: " + mini + " in " + column);
        }
    }

    /** The mini-maps' and the large map's bounds on screen once the window is {@code w} x {@code h}. */
    private static javafx.geometry.Rectangle2D[] arrangement(FxRobot robot, Stage stage, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return new javafx.geometry.Rectangle2D[] {screen(stage.getScene().lookup("#journey-minis-scroll")),
                screen(stage.getScene().lookup("#journey-map"))};
    }

    private static javafx.geometry.Rectangle2D screen(javafx.scene.Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return new javafx.geometry.Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    @Test
    void drawingOnThePadMovesTheQueryAndPlayStepsLayers(FxRobot robot) throws Exception {
        Stage stage = window.stage();
        JourneyViewModel j = openJourney(robot);
        robot.interact(() -> j.sourceProperty().set(QuerySource.DRAWING));
        DrawingPad pad = robot.from(stage.getScene().getRoot()).lookup(".ll-drawing-pad").queryAs(DrawingPad.class);
        robot.clickOn(robot.from(stage.getScene().getRoot()).lookup("Clear").queryButton());
        float[] before = j.queryProperty().get().clone();
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.2));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.8));
        robot.release(MouseButton.PRIMARY);
        await(() -> !java.util.Arrays.equals(before, j.queryProperty().get()), 10);
        double ink = 0;
        for (float v : j.queryProperty().get()) {
            ink += v;
        }
        assertTrue(ink > 1, "the stroke put ink on the pad: " + ink);

        robot.interact(() -> j.currentLayerProperty().set(0));
        robot.clickOn(robot.from(stage.getScene().getRoot()).lookup(">").queryButton());
        assertEquals(1, j.currentLayerProperty().get());
        robot.interact(() -> {
            j.secondsPerLayerProperty().set(0.2);
            j.playingProperty().set(true);
        });
        await(() -> j.currentLayerProperty().get() != 1, 5);
        robot.interact(() -> j.playingProperty().set(false));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theAutoencoderDecodesAndSteersItsBottleneck(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        openJourney(robot);
        robot.interact(() -> vm.openSample(SampleModel.DIGITS_AUTOENCODER));
        JourneyViewModel j = vm.journey();
        await(() -> !vm.busyProperty().get() && j.journeyProperty().get() != null
                && j.journeyProperty().get().reconstruction(), 120);
        assertEquals(64, j.journeyProperty().get().output().length);
        robot.interact(() -> j.steerLayerProperty().set(1)); // the bottleneck
        float[] decoded = j.journeyProperty().get().output();
        robot.interact(() -> j.alphaProperty().set(0));
        assertArrayEquals(decoded, j.steeredProperty().get(), 1e-6f);
        robot.interact(() -> j.alphaProperty().set(3 * j.steerSpread()));
        assertFalse(java.util.Arrays.equals(decoded, j.steeredProperty().get()), "moving along the axis changes the decoded image");
    }
}

package org.latentledger.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/** The real window, headless: it opens on the bundled model and the map follows a click in the layer table. */
class MainWindowTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    @Test
    void opensOnTheBundledModelAndShowsTheMap(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        MapCanvas map = robot.from(stage.getScene().getRoot()).lookup("#map").queryAs(MapCanvas.class);
        assertTrue(map.drawnPoints() >= 1000, "points drawn: " + map.drawnPoints());
        // 1280 wide: the model panel has stepped aside for the map; Ctrl+B brings it back.
        assertTrue(robot.from(stage.getScene().getRoot()).lookup(".ll-layer-table").tryQuery().isEmpty(), "no panel below 1440 px");
        double mapWidth = map.getWidth();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.B).release(javafx.scene.input.KeyCode.B,
                javafx.scene.input.KeyCode.CONTROL);
        assertTrue(window.view().modelPanelProperty().get());
        robot.interact(() -> { });
        assertTrue(map.getWidth() < mapWidth - 300, "the panel takes its room from the map: " + map.getWidth());
        TableView<?> table = robot.from(stage.getScene().getRoot()).lookup(".ll-layer-table").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        robot.from(stage.getScene().getRoot()).lookup("digits-mlp").tryQuery().orElseThrow();

        robot.clickOn(robot.from(table).lookup("hidden1").queryLabeled());
        await(() -> vm.isSettled() && vm.mapProperty().get().title().contains("hidden1"), 60);
        assertEquals("hidden1", vm.selectedLayerProperty().get().name());
        assertEquals(1797, map.drawnPoints());
    }
}

package org.latentledger.ui.shell;

import org.latentledger.view.Page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.LatentLedgerApp;
import org.latentledger.ui.plot.PlotCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The keys a speaker uses: Space and the arrows drive the journey, F5 toggles presentation mode (menus hidden or not). */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        ProjectionCache cache = new ProjectionCache(java.nio.file.Files.createTempDirectory("ll-cache"));
        vm = new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared(), RecentFiles.inMemory(), cache);
        stage.setScene(LatentLedgerApp.createScene(vm, false, 1280, 800));
        view = (MainView) stage.getScene().getRoot();
        stage.show();
        vm.openSample(SampleModel.DIGITS_MLP);
    }

    @Test
    void spaceArrowsAndPresentationMode(FxRobot robot) throws Exception {
        await(vm::isSettled, 120);
        robot.interact(() -> vm.navigate(Page.JOURNEY));
        await(() -> vm.journey().journeyProperty().get() != null && !vm.busyProperty().get(), 120);
        robot.interact(() -> vm.journey().currentLayerProperty().set(0));
        // Focus somewhere neutral (the map), as after a click on it.
        robot.interact(() -> view.lookup("#journey").requestFocus());

        robot.type(KeyCode.RIGHT);
        assertEquals(1, (int) onFx(() -> vm.journey().currentLayerProperty().get()), "Right steps forward");
        robot.type(KeyCode.LEFT);
        assertEquals(0, (int) onFx(() -> vm.journey().currentLayerProperty().get()), "Left steps back");
        robot.type(KeyCode.SPACE);
        assertTrue(onFx(() -> vm.journey().playingProperty().get()), "Space plays");
        robot.type(KeyCode.SPACE);
        assertFalse(onFx(() -> vm.journey().playingProperty().get()), "Space pauses");

        MenuBar menu = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        double plotFont = onFx(() -> ((PlotCanvas) view.lookup("#journey .ll-plot")).style().fontScale());
        robot.type(KeyCode.F5);
        assertTrue(onFx(() -> vm.appearance().presentationProperty().get()), "F5 starts presentation mode");
        assertFalse(onFx(menu::isVisible), "presentation hides the menus");
        assertTrue(onFx(() -> view.getStyleClass().contains(Appearance.PRESENTATION)));
        double presentFont = onFx(() -> {
            view.applyCss();
            return ((PlotCanvas) view.lookup("#journey .ll-plot")).style().fontScale();
        });
        assertTrue(presentFont > plotFont, "plots' type grows: " + plotFont + " -> " + presentFont);
        robot.type(KeyCode.F5);
        assertFalse(onFx(() -> vm.appearance().presentationProperty().get()), "F5 again ends it, menus hidden or not");
        assertTrue(onFx(menu::isVisible));
    }
}

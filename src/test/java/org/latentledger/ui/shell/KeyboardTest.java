package org.latentledger.ui.shell;

import org.latentledger.view.Page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.plot.PlotCanvas;
import org.testfx.api.FxRobot;

/** The keys a speaker uses: Space and the arrows drive the journey, F5 toggles presentation mode (menus hidden or not). */
class KeyboardTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    @Test
    void spaceArrowsAndPresentationMode(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
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
    @Test
    void aPanelOfAPageShownThisMomentIsFoundForALesson(FxRobot robot) throws Exception {
        // A lesson's step can show the ledger and point at its costs before a pulse has passed (its
        // actions before the highlight finished at once): the panel must be there to point at.
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
        await(vm::isSettled, 120);
        WindowAdapter adapter = new WindowAdapter(view, vm);
        assertTrue(onFx(() -> {
            vm.navigate(Page.LEDGER);
            return adapter.panel("costs") != null && adapter.panel("frontier") != null;
        }), "the ledger's costs and frontier, in the same moment as the page was shown");
    }
}

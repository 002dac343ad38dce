package org.latentledger.ui.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.Page;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ledger page fits the small window (1024 x 640) and presentation mode at 1280 x 720: no
 * cost-table header truncated, nothing wider than the page (no answer column under the scroll bar).
 */
class LedgerLayoutTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.FASHION_MLP);

    @ParameterizedTest
    @CsvSource({"1024, 640, false", "1280, 720, true"})
    void headersAndColumnsFit(int width, int height, boolean presentation, FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        robot.interact(() -> {
            vm.appearance().presentationProperty().set(presentation);
            stage.setWidth(width);
            stage.setHeight(height);
            vm.navigate(Page.LEDGER);
        });
        LedgerViewModel l = vm.ledger();
        await(() -> l.ledgerProperty().get() != null, 30);
        WaitForAsyncUtils.waitForFxEvents(4);
        robot.interact(() -> {
            LedgerView page = robot.lookup(".ll-ledger").queryAs(LedgerView.class);
            ScrollPane scroll = (ScrollPane) page.getParent().getParent().getParent(); // viewport's content group
            double viewport = scroll.getViewportBounds().getWidth();
            String where = width + " x " + height + (presentation ? " presentation" : "");
            assertTrue(page.getWidth() <= viewport + 0.5, where + ": the page (" + page.getWidth() + ") is wider than its viewport (" + viewport + ")");
            for (Node n : page.lookupAll(".ll-ledger-header")) {
                Label h = (Label) n;
                // The skin shows a truncated title with the ellipsis in its text node.
                String shown = ((javafx.scene.text.Text) h.lookup(".text")).getText();
                assertFalse(shown.contains(h.getEllipsisString()) && !h.getText().contains(h.getEllipsisString()),
                        where + ": header '" + h.getText() + "' shown as '" + shown + "' at " + h.getWidth());
            }
            javafx.scene.control.TableView<?> tv = (javafx.scene.control.TableView<?>) page.lookup("#costs");
            for (Node n : page.lookup("#costs").lookupAll(".scroll-bar")) {
                javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) n;
                assertFalse(bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible(),
                        where + ": the cost table scrolls (" + page.lookup("#costs").getLayoutBounds().getHeight() + " tall)");
            }
            for (String id : new String[] {"#verdict", "#costs", "#frontier"}) {
                Node n = page.lookup(id);
                Bounds b = page.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                assertTrue(b.getMaxX() <= page.getWidth() + 0.5, where + ": " + id + " ends at " + b.getMaxX() + " of " + page.getWidth());
            }
        });
    }
}

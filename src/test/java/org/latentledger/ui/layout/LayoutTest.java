package org.latentledger.ui.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.Page;
import org.testfx.api.FxRobot;

/** Every page at the sizes people use, and beside a lesson: no text a control shows cut short with "...". */
class LayoutTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.FASHION_MLP);

    record Size(double width, double height, boolean presentation) {
    }

    @Test
    void noPageCutsItsTextShort(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        List<String> cut = new ArrayList<>();
        // Largest first: a headless window that only shrinks never outgrows the pixel buffer it was given (JavaFX prints a trace then).
        for (Size size : List.of(new Size(1920, 1080, false), new Size(1280, 720, true), new Size(1024, 640, false))) {
            for (Page page : List.of(Page.MAP, Page.JOURNEY, Page.LEDGER)) {
                robot.interact(() -> {
                    window.stage().setX(0); // inside the headless screen, which must hold the whole window
                    window.stage().setY(0);
                    window.stage().setWidth(size.width());
                    window.stage().setHeight(size.height());
                    vm.appearance().presentationProperty().set(size.presentation());
                    vm.navigate(page);
                });
                await(() -> onFxQuiet(() -> vm.settledProperty().get()), 240);
                robot.interact(() -> window.stage().getScene().getRoot().layout());
                String where = String.format(Locale.ROOT, "%s at %.0f x %.0f%s", page, size.width(), size.height(),
                        size.presentation() ? " (presentation)" : "");
                for (String t : onFx(() -> truncated(window.stage().getScene().getRoot()))) {
                    cut.add(where + ": " + t);
                }
            }
        }
        // And with a lesson's panel beside the pages, at the default window size.
        List<org.latentledger.ui.tour.Lesson> lessons = org.latentledger.ui.tour.LessonReader.shipped(org.latentledger.data.ResourceRoot.classpath());
        robot.interact(() -> {
            vm.appearance().presentationProperty().set(false);
            window.stage().setWidth(1280);
            window.stage().setHeight(800);
            window.view().startLesson(lessons.getFirst());
        });
        await(() -> onFxQuiet(() -> !window.view().lessons().workingProperty().get() && vm.settledProperty().get()), 240);
        for (Page page : List.of(Page.MAP, Page.JOURNEY, Page.LEDGER)) {
            robot.interact(() -> vm.navigate(page));
            await(() -> onFxQuiet(() -> vm.settledProperty().get()), 240);
            robot.interact(() -> window.stage().getScene().getRoot().layout());
            for (String t : onFx(() -> truncated(window.stage().getScene().getRoot()))) {
                cut.add(page + " at 1280 x 800 with the lesson panel: " + t);
            }
        }
        assertTrue(cut.isEmpty(), cut.size() + " texts cut short:\n" + String.join("\n", cut));
    }

    private static boolean onFxQuiet(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }

    /** Labels, buttons and headers whose shown text is their own text cut short (JavaFX puts an ellipsis in). */
    static List<String> truncated(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && (t.getText().endsWith("...") || t.getText().endsWith("…") || t.getText().contains("..."))
                        && !l.getText().contains("...")) {
                    out.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '" + l.getText() + "' shown as '"
                            + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }
}

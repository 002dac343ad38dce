package org.latentledger.ui.ledger;

import org.latentledger.view.Page;
import org.latentledger.economy.PolicyKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/** The ledger page, headless: the slider drives the sparse pass live, the frontier finds its knee, a click on it sets the policy. */
class LedgerViewTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    @Test
    void theSliderDrivesTheLedgerAndTheFrontierSetsThePolicy(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        robot.interact(() -> vm.navigate(Page.LEDGER));
        LedgerViewModel l = vm.ledger();
        await(() -> l.ledgerProperty().get() != null, 30);
        Ledger natural;
        robot.interact(() -> l.kindProperty().set(PolicyKind.NATURAL));
        natural = l.ledgerProperty().get();
        assertTrue(natural.fidelity().sameTop1());
        assertEquals(1.0, natural.fidelity().cosine(), 1e-6, "natural zeros change nothing");
        assertTrue(natural.macFraction() < 1);

        robot.interact(() -> l.kindProperty().set(PolicyKind.TOPK));
        Slider slider = robot.from(stage.getScene().getRoot()).lookup(".slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.05));
        Ledger few = l.ledgerProperty().get();
        assertEquals(new SparsityPolicy.TopK(0, 0.05), few.sparse().policy());
        robot.interact(() -> slider.setValue(0.5));
        Ledger many = l.ledgerProperty().get();
        assertTrue(many.sparse().effectiveMacs() > few.sparse().effectiveMacs(), "a larger k costs more");
        await(() -> !l.timingProperty().get().isEmpty(), 10);
        assertTrue(l.timingProperty().get().contains("dense"), l.timingProperty().get());

        robot.interact(l::computeFrontier);
        await(() -> !vm.busyProperty().get() && l.frontierProperty().get() != null, 120);
        var knee = l.frontierProperty().get().knee();
        assertNotNull(knee);
        assertTrue(knee.agreement() >= 0.99);
        robot.interact(() -> l.choose(knee));
        assertEquals(knee.policy(), l.policy(), "choosing the knee sets the policy to it");
        assertEquals(knee.macFraction(), l.ledgerProperty().get().macFraction(), 0.25, "one query's cost is near the average");

        // The energy axis: the same points at their energy shares; a click on the knee's mark there chooses it.
        // (On an MLP every MAC reads one weight, so the two shares are equal; they part on convolutions.)
        assertEquals(knee.macFraction(), knee.energyFraction(), 1e-9);
        @SuppressWarnings("unchecked")
        ChoiceBox<FrontierChart.Cost> cost = robot.lookup("#frontier-cost").queryAs(ChoiceBox.class);
        FrontierChart chart = robot.lookup("#frontier").queryAs(FrontierChart.class);
        robot.interact(() -> l.apply(new SparsityPolicy.TopK(0, 0.9))); // the same kind: the frontier stays
        robot.interact(() -> cost.setValue(FrontierChart.Cost.ENERGY));
        assertEquals(FrontierChart.Cost.ENERGY, chart.cost());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // painted on the energy axis
        javafx.geometry.Point2D at = chart.localToScene(chart.placeOf(knee)); // a fired event's x, y are the scene's
        robot.interact(() -> chart.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, at.getX(), at.getY(),
                0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, true, null)));
        assertEquals(knee.policy(), l.policy(), "the knee's mark on the energy axis chooses the knee");
    }

    @Test
    void oneNumberForKAndBothAnswersNamed(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        robot.interact(() -> vm.navigate(Page.LEDGER));
        LedgerViewModel l = vm.ledger();
        await(() -> l.ledgerProperty().get() != null, 30);
        robot.interact(() -> l.kindProperty().set(PolicyKind.TOPK));
        Slider slider = robot.from(window.stage().getScene().getRoot()).lookup(".slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.0173));
        // The slider's label, the sparse heatmap's title (the policy's description) and the share used are one number.
        assertEquals(new SparsityPolicy.TopK(0, 0.017), l.policy());
        assertEquals("k = 1.7% of each layer", l.levelText());
        assertEquals("Top-k (1.7% of each layer)", l.ledgerProperty().get().sparse().policy().describe());
        javafx.scene.control.Label verdict = robot.lookup(".ll-verdict").queryAs(javafx.scene.control.Label.class);
        assertEquals(l.verdictText(), verdict.getText());
        // The dense pass's answer by its class name (the digits are named "0" to "9"), and the sparse one's where they differ.
        Ledger now = l.ledgerProperty().get();
        String dense = LedgerViewModel.className(org.latentledger.model.Evaluation.argmax(now.dense().output()), l.data().classNames());
        String sparse = LedgerViewModel.className(org.latentledger.model.Evaluation.argmax(now.sparse().output()), l.data().classNames());
        assertTrue(verdict.getText().startsWith(now.fidelity().sameTop1() ? "Same answer: " + dense
                : "DIFFERENT answer: dense " + dense + ", sparse " + sparse), verdict.getText());
        assertTrue(!verdict.getText().contains("KL -"), verdict.getText());
    }

    @Test
    void heatmapsSayWhatIsUnderTheMouse(FxRobot robot) {
        // On the FX thread: canvases check that they are touched only there.
        robot.interact(() -> {
            HeatmapCanvas h = new HeatmapCanvas(300, 200);
            h.resize(300, 200);
            h.show("t", java.util.List.of("a", "b"), java.util.List.of(new float[] {0, 1, 2, 3}, new float[] {5}), 3);
            h.redrawNow();
            String top = h.describe(93 + 1, 23);
            assertTrue(top.startsWith("a, unit 0: 0.0000 (off)"), top);
            assertEquals("", h.describe(5, 5));
        });
    }
}

package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.onFx;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentledger.economy.Economizer;
import org.latentledger.ui.FxTesting;

/** The economize dialog's fields: what they read into, what they refuse (and say), what they remember. */
class EconomizeFormTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    @Test
    void theFieldsReadIntoThePlanTheCommandLineWouldMake() throws Exception {
        Economizer.Plan plan = onFx(() -> {
            EconomizeForm f = new EconomizeForm();
            f.value.setText("15%");
            f.prune.setSelected(true);
            f.density.setText("0.25");
            f.epochs.getValueFactory().setValue(15);
            f.seed.getValueFactory().setValue(7);
            return f.plan().orElseThrow();
        });
        Economizer.Plan expected = Economizer.Plan.parse("kwta:15%", 15, 7).withLearningRate(1e-3).pruned(0.25);
        assertEquals(expected, plan);

        Economizer.Plan l1 = onFx(() -> {
            EconomizeForm f = new EconomizeForm();
            f.method.setValue(EconomizeForm.L1);
            f.value.setText("0.01");
            return f.plan().orElseThrow();
        });
        assertEquals(0.01, l1.l1(), 1e-12);
        assertNull(l1.density(), "pruning is off unless ticked");
    }

    @Test
    void aValueThatDoesNotReadIsNamedUnderTheFields() throws Exception {
        String[] said = onFx(() -> {
            EconomizeForm f = new EconomizeForm();
            f.value.setText("1.5");
            boolean empty1 = f.plan().isEmpty();
            String a = f.error.getText();
            f.value.setText("0.1");
            f.rate.setText("fast");
            boolean empty2 = f.plan().isEmpty();
            String b = f.error.getText();
            f.rate.setText("1e-3");
            f.prune.setSelected(true);
            f.density.setText("0");
            boolean empty3 = f.plan().isEmpty();
            String c = f.error.getText();
            f.density.setText("10%");
            boolean ok = f.plan().isPresent();
            return new String[] {empty1 + a, empty2 + b, empty3 + c, ok + f.error.getText()};
        });
        assertEquals("trueThe share of units kept must be above 0 and at most 1 (or 100%), not 1.5.", said[0]);
        assertEquals("trueThe learning rate must be a number, not 'fast'.", said[1]);
        assertEquals("trueThe share of weights kept must be above 0 and at most 1 (or 100%), not 0.", said[2]);
        assertEquals("true", said[3], "a plan that reads clears the message");
    }

    @Test
    void theLastPlanRunIsRemembered() throws Exception {
        Preferences prefs = Preferences.userRoot().node("latent-ledger-test-" + System.nanoTime());
        try {
            onFx(() -> {
                EconomizeForm f = new EconomizeForm();
                f.method.setValue(EconomizeForm.L1);
                f.value.setText("0.1");
                f.prune.setSelected(true);
                f.density.setText("0.06");
                f.epochs.getValueFactory().setValue(3);
                f.remember(prefs);
                return null;
            });
            EconomizeForm again = onFx(() -> {
                EconomizeForm f = new EconomizeForm();
                f.restore(prefs);
                return f;
            });
            assertEquals(EconomizeForm.L1, again.method.getValue());
            assertTrue(again.prune.isSelected());
            assertEquals("0.06", again.density.getText());
            assertEquals(3, again.epochs.getValue());
        } finally {
            prefs.removeNode();
        }
    }
}

package org.latentledger.ui.shell;

import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableIntegerValue;

/**
 * The window's one "settled" signal: nothing runs or waits (no job, no pass waiting for the
 * network, no timing waiting for the slider), and the page shown has what it shows, or a problem
 * or the lack of a model says why not. Lessons, screenshots and tests wait on it instead of
 * sleeping.
 */
final class SettledSignal {

    private SettledSignal() {
    }

    /**
     * @param sessions counts the sessions shown (0 before anything was opened)
     * @param canMap   whether the session has activations to map
     */
    static BooleanBinding of(MainViewModel vm, ObservableIntegerValue sessions, BooleanSupplier canMap) {
        var map = vm.map();
        var journey = vm.journey();
        var ledger = vm.ledger();
        return Bindings.createBooleanBinding(() -> {
            if (vm.busyProperty().get() || journey.pendingProperty().get() || ledger.pendingProperty().get()) {
                return false;
            }
            boolean opened = sessions.get() > 0;
            if (vm.problemProperty().get() != null || !opened || !canMap.getAsBoolean()) {
                return opened || vm.problemProperty().get() != null;
            }
            return switch (vm.pageProperty().get()) {
                case MAP -> map.sceneProperty().get() != null && map.atlasProperty().get() != null;
                case JOURNEY -> !journey.available() || journey.journeyProperty().get() != null
                        || !journey.atlasesProperty().get().isEmpty() && journey.awaitingQueryProperty().get();
                case LEDGER -> !ledger.available() || ledger.ledgerProperty().get() != null || !ledger.messageProperty().get().isEmpty();
            };
        }, vm.busyProperty(), journey.pendingProperty(), ledger.pendingProperty(), vm.problemProperty(), sessions, vm.pageProperty(),
                map.sceneProperty(), map.atlasProperty(), journey.journeyProperty(), journey.atlasesProperty(),
                journey.awaitingQueryProperty(), ledger.ledgerProperty(),
                ledger.messageProperty());
    }
}

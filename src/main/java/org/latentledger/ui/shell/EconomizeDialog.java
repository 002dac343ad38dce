package org.latentledger.ui.shell;

import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.latentledger.economy.Economizer;

/**
 * Asks how to economize the open model ({@link EconomizeForm}). OK with a field that does not
 * read keeps the dialog open and says why under the fields; the plan run is remembered.
 */
final class EconomizeDialog {

    private static final Preferences PREFS = Preferences.userNodeForPackage(EconomizeDialog.class);

    private EconomizeDialog() {
    }

    /** The plan chosen, or empty when cancelled. */
    static Optional<Economizer.Plan> ask(Window owner, String modelName) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Economize " + modelName);
        d.setHeaderText("Fine-tune a copy of " + modelName + " to compute almost nothing, keeping its task");
        EconomizeForm form = new EconomizeForm();
        form.restore(PREFS);
        d.getDialogPane().setContent(form);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            if (form.plan().isEmpty()) {
                e.consume(); // stays open, the reason under the fields
            }
        });
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        form.remember(PREFS);
        return form.plan();
    }
}

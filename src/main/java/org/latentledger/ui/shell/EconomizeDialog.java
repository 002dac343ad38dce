package org.latentledger.ui.shell;

import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.latentledger.economy.Economizer;

/**
 * Asks how to economize the open model: k-winners-take-all (a share of units) or an L1 penalty,
 * optional weight pruning, epochs, learning rate and seed; the same choices as {@code economize}.
 */
final class EconomizeDialog {

    private EconomizeDialog() {
    }

    /** The plan chosen, or empty when cancelled; a value that does not parse is said and nothing runs. */
    static Optional<Economizer.Plan> ask(Window owner, String modelName, MainViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Economize " + modelName);
        d.setHeaderText("Fine-tune a copy of " + modelName + " to compute almost nothing, keeping its task");
        ChoiceBox<String> method = new ChoiceBox<>(FXCollections.observableArrayList("k-winners-take-all", "L1 penalty"));
        method.setValue("k-winners-take-all");
        TextField value = new TextField("0.1");
        value.setTooltip(new Tooltip("k-WTA: the share of each hidden layer's units kept (0.1 = 10%); L1: the penalty's weight"));
        CheckBox prune = new CheckBox("Prune weights to");
        TextField density = new TextField("0.2");
        density.disableProperty().bind(prune.selectedProperty().not());
        density.setTooltip(new Tooltip("The share of each hidden layer's weights kept, by magnitude"));
        Spinner<Integer> epochs = new Spinner<>(1, 200, 10);
        TextField lr = new TextField("1e-3");
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 42);
        seed.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Method"), method);
        grid.addRow(1, new Label("Share kept / penalty"), value);
        grid.addRow(2, prune, density);
        grid.addRow(3, new Label("Epochs"), epochs);
        grid.addRow(4, new Label("Learning rate"), lr);
        grid.addRow(5, new Label("Seed"), seed);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        try {
            String spec = (method.getValue().startsWith("k") ? "kwta:" : "l1:") + value.getText().strip().toLowerCase(Locale.ROOT);
            Economizer.Plan plan = Economizer.Plan.parse(spec, epochs.getValue(), seed.getValue())
                    .withLearningRate(Double.parseDouble(lr.getText().strip()));
            return Optional.of(prune.isSelected() ? plan.pruned(Double.parseDouble(density.getText().strip())) : plan);
        } catch (IllegalArgumentException e) {
            vm.report("Could not economize " + modelName, e);
            return Optional.empty();
        }
    }
}

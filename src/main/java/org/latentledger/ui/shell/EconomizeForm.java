package org.latentledger.ui.shell;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.latentledger.economy.Economizer;

/**
 * The economize dialog's fields: k-winners-take-all (a share of units) or an L1 penalty,
 * optional weight pruning, epochs, learning rate and seed, the same choices as {@code economize}.
 * It reads them into a plan or says, under the fields, which one is wrong and why; it remembers
 * the last plan that was run.
 */
final class EconomizeForm extends GridPane {

    static final String KWTA = "k-winners-take-all";
    static final String L1 = "L1 penalty";

    final ChoiceBox<String> method = new ChoiceBox<>(FXCollections.observableArrayList(KWTA, L1));
    final TextField value = new TextField("0.1");
    final CheckBox prune = new CheckBox("Prune weights to");
    final TextField density = new TextField("0.2");
    final Spinner<Integer> epochs = new Spinner<>(1, 200, 10);
    final TextField rate = new TextField("1e-3");
    final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 42);
    final Label error = new Label();

    EconomizeForm() {
        method.setValue(KWTA);
        method.setId("economize-method");
        value.setId("economize-value");
        value.setTooltip(new Tooltip("k-WTA: the share of each hidden layer's units kept (0.1 or 10%); L1: the penalty's weight (e.g. 0.01)"));
        prune.setId("economize-prune");
        density.setId("economize-density");
        density.disableProperty().bind(prune.selectedProperty().not());
        density.setTooltip(new Tooltip("The share of each hidden layer's weights kept, by magnitude (0.1 or 10%)"));
        epochs.setEditable(true);
        epochs.setTooltip(new Tooltip("Passes over the training split; each one is a step of the progress bar"));
        rate.setId("economize-rate");
        rate.setTooltip(new Tooltip("Adam's learning rate (the bundled economical models used 1e-3)"));
        seed.setEditable(true);
        seed.setTooltip(new Tooltip("The same seed gives the same weights"));
        error.setId("economize-error");
        error.getStyleClass().add("ll-bad");
        error.setWrapText(true);
        error.setPrefWidth(360);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // two lines when the reason needs them, never "..."
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(12));
        addRow(0, new Label("Method"), method);
        addRow(1, new Label("Share kept / penalty"), value);
        addRow(2, prune, density);
        addRow(3, new Label("Epochs"), epochs);
        addRow(4, new Label("Learning rate"), rate);
        addRow(5, new Label("Seed"), seed);
        add(error, 0, 6, 2, 1);
    }

    /** The plan the fields say, or empty with the reason under the fields. */
    Optional<Economizer.Plan> plan() {
        try {
            Economizer.Plan plan;
            if (KWTA.equals(method.getValue())) {
                double f = share(value, "The share of units kept");
                plan = new Economizer.Plan(f, epochs.getValue(), seed.getValue());
            } else {
                double lambda = number(value, "The L1 penalty");
                if (!(lambda > 0)) {
                    throw new IllegalArgumentException("The L1 penalty must be positive, not " + value.getText().strip() + ".");
                }
                plan = Economizer.Plan.parse("l1:" + lambda, epochs.getValue(), seed.getValue());
            }
            double lr = number(rate, "The learning rate");
            if (!(lr > 0 && lr < 1)) {
                throw new IllegalArgumentException("The learning rate must be between 0 and 1 (e.g. 1e-3), not " + rate.getText().strip() + ".");
            }
            plan = plan.withLearningRate(lr);
            if (prune.isSelected()) {
                plan = plan.pruned(share(density, "The share of weights kept"));
            }
            error.setText("");
            return Optional.of(plan);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return Optional.empty();
        }
    }

    /** A share in (0, 1], as 0.05 or 5%. */
    private static double share(TextField field, String what) {
        String t = field.getText().strip();
        double v = t.endsWith("%") ? number(t.substring(0, t.length() - 1), what) / 100 : number(t, what);
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be above 0 and at most 1 (or 100%), not " + t + ".");
        }
        return v;
    }

    private static double number(TextField field, String what) {
        return number(field.getText().strip(), what);
    }

    private static double number(String t, String what) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + t + "'.");
        }
    }

    /** Fills the fields with the plan last run (from the preferences), where there is one. */
    void restore(Preferences prefs) {
        method.setValue(prefs.get("economize.method", KWTA).equals(L1) ? L1 : KWTA);
        value.setText(prefs.get("economize.value", value.getText()));
        prune.setSelected(prefs.getBoolean("economize.prune", false));
        density.setText(prefs.get("economize.density", density.getText()));
        epochs.getValueFactory().setValue(Math.max(1, Math.min(200, prefs.getInt("economize.epochs", epochs.getValue()))));
        rate.setText(prefs.get("economize.rate", rate.getText()));
        seed.getValueFactory().setValue(Math.max(0, prefs.getInt("economize.seed", seed.getValue())));
    }

    void remember(Preferences prefs) {
        prefs.put("economize.method", method.getValue());
        prefs.put("economize.value", value.getText().strip().toLowerCase(Locale.ROOT));
        prefs.putBoolean("economize.prune", prune.isSelected());
        prefs.put("economize.density", density.getText().strip());
        prefs.putInt("economize.epochs", epochs.getValue());
        prefs.put("economize.rate", rate.getText().strip());
        prefs.putInt("economize.seed", seed.getValue());
    }
}

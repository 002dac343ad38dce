package org.latentledger.ui.map;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;

/**
 * Which classes the map shows (a ControlsFX {@link CheckComboBox} of the data's labels): unticked
 * classes' points are left out of the map, its legend and its regions, and the title counts what
 * is drawn. The box's own face says "all 10" or "3 of 10", never a list cut short; it is hidden
 * for data without labels.
 */
final class ClassFilter {

    private ClassFilter() {
    }

    static Node build(MapViewModel vm) {
        CheckComboBox<String> box = new CheckComboBox<>();
        // An id, not a style class: the control's skin sets its style classes anew.
        box.setId("classes");
        box.setTooltip(new Tooltip("Show only some classes: the legend and the regions follow"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label("Classes");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(box);
        HBox row = new HBox(6, label, box);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.classNames()));
        row.managedProperty().bind(row.visibleProperty());

        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                // The title first: the box's skin reads it when the checks change, and does not watch it.
                box.setTitle(title(vm.classNames().size() - vm.hiddenLabels().size(), vm.classNames().size()));
                if (!box.getItems().equals(vm.classNames())) {
                    box.getCheckModel().clearChecks();
                    box.getItems().setAll(vm.classNames());
                }
                for (int c = 0; c < box.getItems().size(); c++) {
                    if (vm.hiddenLabels().contains(c)) {
                        box.getCheckModel().clearCheck(c);
                    } else {
                        box.getCheckModel().check(c);
                    }
                }
            } finally {
                syncing[0] = false;
            }
        };
        fromModel.run();
        vm.classNames().addListener((ListChangeListener<String>) c -> fromModel.run());
        vm.hiddenLabels().addListener((SetChangeListener<Integer>) c -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        // Added before the box has a skin, so it runs before the skin's own listener, which then shows the new title.
        box.getCheckModel().getCheckedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (syncing[0]) {
                return;
            }
            java.util.Set<Integer> hidden = new java.util.TreeSet<>();
            for (int i = 0; i < box.getItems().size(); i++) {
                if (!box.getCheckModel().isChecked(i)) {
                    hidden.add(i);
                }
            }
            box.setTitle(title(box.getItems().size() - hidden.size(), box.getItems().size()));
            syncing[0] = true;
            try {
                vm.hiddenLabels().retainAll(hidden);
                vm.hiddenLabels().addAll(hidden);
            } finally {
                syncing[0] = false;
            }
        });
        return row;
    }

    /** What the box's face says: "all 10", "3 of 10", "none of 10". */
    static String title(int shown, int of) {
        return shown == of ? String.format(Locale.ROOT, "all %d", of)
                : shown == 0 ? String.format(Locale.ROOT, "none of %d", of) : String.format(Locale.ROOT, "%d of %d", shown, of);
    }
}

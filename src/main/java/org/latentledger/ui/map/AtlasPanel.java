package org.latentledger.ui.map;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.latentledger.atlas.Axes;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Region;

/** The layer's regions (renamable: double-click) and axes, with a builder for concept axes. */
public final class AtlasPanel {

    private AtlasPanel() {
    }

    public static VBox build(MapViewModel vm) {
        Label regionsTitle = new Label("Regions (double-click to rename)");
        regionsTitle.getStyleClass().add("ll-section");
        ListView<Region> regions = new ListView<>(vm.regions());
        regions.setPrefHeight(180);
        regions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Region r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null
                        : String.format(Locale.ROOT, "%s   %d points, %.0f%% pure", r.name(), r.size(), 100 * r.purity()));
            }
        });
        regions.setOnMouseClicked(e -> {
            Region r = regions.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && r != null) {
                TextInputDialog dialog = new TextInputDialog(r.name());
                dialog.setTitle("Rename region");
                dialog.setHeaderText("New name for region " + (r.index() + 1) + " (" + r.size() + " points)");
                if (regions.getScene() != null) {
                    dialog.initOwner(regions.getScene().getWindow());
                }
                dialog.showAndWait().ifPresent(name -> vm.renameRegion(r.index(), name));
            }
        });
        ComboBox<Region> from = regionBox(vm);
        ComboBox<Region> to = regionBox(vm);
        Button add = new Button("Add axis");
        add.setTooltip(new Tooltip("The normalised difference of the two regions' centroids, drawn from one to the other"));
        add.disableProperty().bind(from.valueProperty().isNull().or(to.valueProperty().isNull()).or(from.valueProperty().isEqualTo(to.valueProperty())));
        add.setOnAction(e -> vm.addConceptAxis(from.getValue().index(), to.getValue().index()));
        HBox builder = new HBox(6, from, new Label("->"), to, add);
        builder.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(from, Priority.ALWAYS);
        HBox.setHgrow(to, Priority.ALWAYS);
        Label axesTitle = new Label("Axes");
        axesTitle.getStyleClass().add("ll-section");
        ListView<Axis> axes = new ListView<>(vm.axes());
        axes.setPrefHeight(120);
        axes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Axis a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : Axes.label(a));
            }
        });
        Label conceptTitle = new Label("Concept axis between two regions");
        conceptTitle.getStyleClass().add("ll-section");
        VBox box = new VBox(6, regionsTitle, regions, conceptTitle, builder, axesTitle, axes);
        VBox.setVgrow(regions, Priority.ALWAYS);
        box.setPadding(new Insets(8, 2, 2, 2));
        return box;
    }

    private static ComboBox<Region> regionBox(MapViewModel vm) {
        ComboBox<Region> box = new ComboBox<>(vm.regions());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("region");
        StringConverter<Region> names = new StringConverter<>() {
            @Override
            public String toString(Region r) {
                return r == null ? "" : r.name();
            }

            @Override
            public Region fromString(String s) {
                return null;
            }
        };
        box.setConverter(names);
        return box;
    }
}

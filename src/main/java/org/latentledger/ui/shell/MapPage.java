package org.latentledger.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import org.controlsfx.control.SearchableComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentledger.model.LayerInfo;
import org.latentledger.ui.map.Map3DView;
import org.latentledger.ui.map.MapToolbar;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.ui.map.PointPopOver;
import org.latentledger.ui.plot.MapCanvas;

/** The map page: the layer picker and projection toolbar, the 2D canvas or the 3D view, and the note under the map. */
final class MapPage {

    private MapPage() {
    }

    static Region build(MainViewModel vm, MapCanvas map) {
        // Searchable: an ONNX export has dozens of layers; typing "conv" or "relu" finds them.
        SearchableComboBox<LayerInfo> picker = new SearchableComboBox<>(vm.layers());
        picker.setConverter(ModelPanel.converter(vm.layers()));
        picker.setCellFactory(l -> new ModelPanel.LayerCell());
        picker.setButtonCell(new ModelPanel.LayerCell());
        picker.valueProperty().bindBidirectional(vm.selectedLayerProperty());
        picker.setTooltip(new Tooltip("Layer whose activations the map shows: type to search (Ctrl+Up / Ctrl+Down step through them)"));
        // As wide as its longest layer (presentation type included), within reason: the row has the room.
        picker.setMinWidth(150);
        picker.setMaxWidth(320);
        Label layerLabel = new Label("Layer");
        layerLabel.setMinWidth(Region.USE_PREF_SIZE);
        layerLabel.setLabelFor(picker);
        MapViewModel mvm = vm.map();
        Region toolbar = MapToolbar.build(mvm, map::fit, layerLabel, picker);

        map.setId("map");
        map.mapSceneProperty().bind(mvm.sceneProperty());
        map.selectionProperty().bind(mvm.selectionProperty());
        map.matchesProperty().bind(mvm.matchesProperty());
        map.focusProperty().bind(mvm.focusProperty());
        PointPopOver details = new PointPopOver(mvm, map);
        map.setOnPick(i -> {
            mvm.focusProperty().set(i);
            details.show(i);
        });
        // The details belong to the map drawn: another page, layer, method or filter closes them.
        vm.pageProperty().addListener(o -> details.hide());
        mvm.sceneProperty().addListener(o -> details.hide());
        map.setOnSelect(mvm::select);
        map.emptyMessageProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return vm.statusProperty().get();
            }
            if (!vm.mapMessageProperty().get().isEmpty()) {
                return vm.mapMessageProperty().get();
            }
            return vm.problemProperty().get() != null ? "Nothing to map: see the message above"
                    : "Open a model and data (File menu), or drop files here";
        }, vm.problemProperty(), vm.statusProperty(), vm.busyProperty(), vm.mapMessageProperty()));
        Map3DView view3d = new Map3DView();
        view3d.setId("map3d");
        Runnable refresh3d = () -> {
            if (mvm.settingsProperty().get().dims() == 3) {
                view3d.show(mvm.projectionProperty().get(), mvm.sceneProperty().get());
            }
        };
        mvm.sceneProperty().addListener(o -> refresh3d.run());
        view3d.visibleProperty().bind(Bindings.createBooleanBinding(() -> mvm.settingsProperty().get().dims() == 3,
                mvm.settingsProperty()));
        map.visibleProperty().bind(view3d.visibleProperty().not());
        Label note = new Label();
        note.getStyleClass().add("ll-muted");
        note.textProperty().bind(vm.map().noteProperty());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        // What Smile's engine warned of before this map started (no progress, cannot be stopped, minutes of work).
        Label warning = new Label();
        warning.getStyleClass().add("ll-muted");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(mvm.warningProperty());
        warning.visibleProperty().bind(mvm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        StackPane centre = new StackPane(map, view3d);
        VBox page = new VBox(8, toolbar, warning, centre, note);
        VBox.setVgrow(centre, Priority.ALWAYS);
        page.setPadding(new Insets(8, 0, 0, 0));
        return page;
    }
}

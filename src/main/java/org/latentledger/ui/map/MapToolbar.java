package org.latentledger.ui.map;

import org.latentledger.atlas.MapSpec;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.view.ConvView;
import org.latentledger.view.ColourMode;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The map's controls, in two rows that keep their layout whatever the method: what to project and
 * how (layer, method, dimensions, one button that says the method's parameters and opens them in
 * a sheet, fit), and how to look (colour, which classes, regions, axes, search, and in one place
 * the selection or, while t-SNE or UMAP runs, Pause). Each row wraps only where the window is
 * narrow; nothing in it changes width with the method, so changing the method never moves the plot.
 */
public final class MapToolbar {

    private MapToolbar() {
    }

    /**
     * @param leading nodes put first in the first row (the layer picker)
     * @param fit     what the Fit button does
     */
    public static Region build(MapViewModel vm, Runnable fit, Node... leading) {
        ChoiceBox<Method> method = new ChoiceBox<>(FXCollections.observableArrayList(Method.values()));
        method.setValue(vm.settingsProperty().get().method());
        method.setTooltip(new Tooltip("PCA: linear, instant. t-SNE (Barnes-Hut) and UMAP: neighbourhoods, seeded, animated"));
        ChoiceBox<String> dims = new ChoiceBox<>(FXCollections.observableArrayList("2D", "3D"));
        dims.setValue(vm.settingsProperty().get().dims() + "D");
        method.getStyleClass().add("ll-method");
        dims.getStyleClass().add("ll-dims");
        dims.setTooltip(new Tooltip("A flat map, or one to turn in 3D"));
        // The method's parameters live in one sheet behind a button that says what they are: one short row for every method.
        ProjectionParameters parameters = new ProjectionParameters(vm);
        Runnable apply = () -> {
            MapSpec now = vm.settingsProperty().get();
            MapSpec next = now.withMethod(method.getValue()).withDims(dims.getValue().startsWith("3") ? 3 : 2);
            if (!next.equals(now)) {
                vm.settingsProperty().set(next);
            }
        };
        // Settings changed elsewhere (a lesson, a screenshot request) show in the controls.
        vm.settingsProperty().addListener((o, a, now) -> {
            method.setValue(now.method());
            dims.setValue(now.dims() + "D");
        });
        method.valueProperty().addListener(o -> apply.run());
        dims.valueProperty().addListener(o -> apply.run());
        ToggleButton pause = new ToggleButton("Pause");
        pause.selectedProperty().bindBidirectional(vm.jobs().pausedProperty());
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(pause.selectedProperty()).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Hold the animation of t-SNE or UMAP where it is"));
        pause.setVisible(false);
        vm.convergingProperty().addListener((o, a, c) -> pause.setVisible(c));

        ChoiceBox<ConvView> conv = new ChoiceBox<>(FXCollections.observableArrayList(ConvView.values()));
        conv.valueProperty().bindBidirectional(vm.convViewProperty());
        conv.setTooltip(new Tooltip("A convolutional layer's map from one value per feature map (its mean), or from every unit"));
        HBox convBox = labelled("Conv maps", conv);
        convBox.visibleProperty().bind(vm.convolutionalProperty());
        convBox.managedProperty().bind(convBox.visibleProperty());

        HBox lead = new HBox(6, leading);
        lead.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<ColourMode> colour = new ChoiceBox<>(FXCollections.observableArrayList(ColourMode.values()));
        colour.valueProperty().bindBidirectional(vm.colourProperty());
        colour.setTooltip(new Tooltip("Predicted class and correct/wrong need a classifier of the data's labels"));
        CheckBox regions = new CheckBox("Regions");
        regions.selectedProperty().bindBidirectional(vm.showRegionsProperty());
        regions.setTooltip(new Tooltip("k-means clusters of the layer's activations, named by their majority class"));
        CheckBox axes = new CheckBox("Axes");
        axes.selectedProperty().bindBidirectional(vm.showAxesProperty());
        axes.setTooltip(new Tooltip("Principal components (and concept axes you add) drawn as arrows"));
        TextField search = new TextField();
        search.setPromptText("Search");
        search.getStyleClass().add("ll-search");
        search.setTooltip(new Tooltip("Find points by label, name or #index: they are ringed on the map"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefWidth(200);

        Button fitButton = new Button("Fit");
        fitButton.setTooltip(new Tooltip("Show the whole map (or double-click it). Wheel zooms, drag pans, "
                + "Shift-drag selects a box, Alt-drag a lasso"));
        fitButton.setOnAction(e -> fit.run());
        // One place for what the search found and what is selected (the selection when there is one).
        Label selection = new Label();
        selection.getStyleClass().add("ll-muted");
        selection.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !vm.selectionInfoProperty().get().isEmpty()
                ? vm.selectionInfoProperty().get() : vm.searchProperty().get().isBlank() ? "" : vm.matchesProperty().get().length + " found",
                vm.selectionInfoProperty(), vm.searchProperty(), vm.matchesProperty()));
        search.setMinWidth(90);
        for (Region keep : new Region[] {regions, axes, fitButton}) {
            // These never shrink to "...": the search field and the selection line give way first.
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        selection.setMinWidth(0);
        search.setPrefWidth(140);
        // A fixed width: a long selection is cut with its whole text in the tooltip, and never rewraps the row.
        selection.setPrefWidth(120);
        selection.setMaxWidth(120);
        Tooltip selectionTip = new Tooltip();
        selectionTip.textProperty().bind(selection.textProperty());
        selection.setTooltip(selectionTip);
        colour.getStyleClass().add("ll-colour");
        Node classes = ClassFilter.build(vm);
        Region second = row(labelled("Colour", colour), classes, regions, axes, fitButton, search, busyOrSelection(selection, pause));
        // Method, dimensions and the parameters' button in one row that wraps only where the window is narrow.
        Region first = row(lead, labelled("Method", method), dims, parameters.button(), convBox);
        VBox box = new VBox(6, first, second);
        box.getStyleClass().add("ll-toolbar");
        for (Region r : new Region[] {first, second}) {
            // Wrapped at the width it has, not FlowPane's default 400 px: a row asks for the lines it really takes, no blank line below.
            ((javafx.scene.layout.FlowPane) r).prefWrapLengthProperty().bind(box.widthProperty());
        }
        return box;
    }

    /** Pause while t-SNE or UMAP runs, else what is selected or found: one place, so neither moves the row. */
    private static Region busyOrSelection(Label selection, ToggleButton pause) {
        javafx.scene.layout.StackPane p = new javafx.scene.layout.StackPane(selection, pause);
        javafx.scene.layout.StackPane.setAlignment(selection, Pos.CENTER_LEFT);
        javafx.scene.layout.StackPane.setAlignment(pause, Pos.CENTER_LEFT);
        selection.visibleProperty().bind(pause.visibleProperty().not());
        // Laid out only while it shows something: an empty slot that wrapped onto a line of its own (a
        // narrow window, presentation's larger type) left a blank line above the map.
        p.managedProperty().bind(pause.visibleProperty().or(selection.textProperty().isNotEmpty()));
        p.visibleProperty().bind(p.managedProperty()); // an unmanaged slot keeps its old place: hidden, it takes no clicks there
        return p;
    }

    /** A row that wraps where the window is too narrow for it, the same way whatever the method. */
    private static Region row(Node... nodes) {
        javafx.scene.layout.FlowPane f = new javafx.scene.layout.FlowPane(10, 6, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        f.setMinHeight(Region.USE_PREF_SIZE);
        return f;
    }

    private static HBox labelled(String text, Node control) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(control);
        HBox h = new HBox(6, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}

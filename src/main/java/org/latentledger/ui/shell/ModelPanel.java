package org.latentledger.ui.shell;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.ui.map.AtlasPanel;
import org.latentledger.ui.map.PointPanel;
import org.latentledger.ui.model.LayerTableView;

/** The window's left side: the model's name and facts, its layer table, and tabs for the point, regions and axes, and the model card. */
final class ModelPanel {

    private ModelPanel() {
    }

    static Region build(MainViewModel vm, LayerTableView table) {
        Label name = new Label();
        name.getStyleClass().add("ll-title");
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedModel m = vm.modelProperty().get();
            return m == null ? "No model" : m.name();
        }, vm.modelProperty()));
        Label facts = new Label();
        facts.getStyleClass().add("ll-muted");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.textProperty().bind(Bindings.createStringBinding(() -> modelFacts(vm), vm.modelProperty(), vm.datasetProperty(),
                vm.busyProperty()));
        Label tableTitle = new Label("Layers");
        tableTitle.getStyleClass().add("ll-section");
        Label hint = new Label("Select a layer to map its activations. Dense MACs: multiply-accumulates of one inference "
                + "when every connection fires.");
        hint.getStyleClass().add("ll-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        // The table is as tall as its rows; the model card uses the space below.
        table.setFixedCellSize(28);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> (Math.max(2, vm.layers().size()) + 1.6) * 28,
                vm.layers()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        Label card = new Label();
        card.setWrapText(true);
        card.getStyleClass().add("ll-card");
        card.textProperty().bind(Bindings.createStringBinding(() -> vm.modelProperty().get() == null ? "-"
                : ModelCardText.of(vm.cardProperty().get()), vm.cardProperty(), vm.modelProperty()));
        ScrollPane cardPane = new ScrollPane(card);
        cardPane.setFitToWidth(true);
        card.setPadding(new Insets(8, 2, 2, 2));
        TabPane tabs = new TabPane(new Tab("Point", PointPanel.build(vm.map())), new Tab("Regions & axes", AtlasPanel.build(vm.map())),
                new Tab("Model card", cardPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.map().focusProperty().addListener((o, a, f) -> {
            if (f != null && f >= 0) {
                tabs.getSelectionModel().select(0);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, name, facts, new Separator(), tableTitle, table, hint, tabs);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("ll-side");
        box.setMinWidth(550);
        return box;
    }

    private static String modelFacts(MainViewModel vm) {
        LoadedModel m = vm.modelProperty().get();
        Dataset d = vm.datasetProperty().get();
        if (m == null && d != null) {
            return String.format(Locale.ROOT, "No model: the map shows the data itself.%nData: %s · %,d points · %d values each",
                    d.name(), d.size(), d.columns());
        }
        if (m == null) {
            return vm.busyProperty().get() ? "Opening ..." : "No model is open. File > Open model, Open sample, or drop a file here.";
        }
        long macs = m.layers().stream().mapToLong(LayerInfo::denseMacs).sum();
        String model = String.format(Locale.ROOT, "%s · %d layers · %,d parameters · input %s%n%,d dense MACs per inference",
                m.kind(), m.layers().size(), m.parameterCount(), m.input().describe(), macs);
        if (d == null) {
            return model;
        }
        String shape = d.image() == null ? d.columns() + " columns" : d.image() + " images";
        return model + String.format(Locale.ROOT, "\nData: %s · %,d points · %s · %s", d.name(), d.size(), shape, d.scaling());
    }

    /** Shows a layer as "name · type · width". */
    static final class LayerCell extends ListCell<LayerInfo> {
        @Override
        protected void updateItem(LayerInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : describe(item));
        }
    }

    /** A layer as the pickers name it (and search it): name, type and output shape. */
    static String describe(LayerInfo item) {
        return String.format(Locale.ROOT, "%s · %s · %s", item.name(), item.type(), item.outputShape());
    }

    /** The pickers' converter: a layer's description, and back (for the searchable picker's typed text). */
    static javafx.util.StringConverter<LayerInfo> converter(javafx.collections.ObservableList<LayerInfo> layers) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LayerInfo l) {
                return l == null ? "" : describe(l);
            }

            @Override
            public LayerInfo fromString(String s) {
                return layers.stream().filter(l -> describe(l).equals(s)).findFirst().orElse(null);
            }
        };
    }
}

package org.latentledger.ui.model;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.latentledger.model.LayerInfo;

/** The layer table of the open model; selecting a row chooses the layer the map shows. */
public final class LayerTableView extends TableView<LayerInfo> {

    public LayerTableView(ObservableList<LayerInfo> layers) {
        super(layers);
        getStyleClass().add("ll-layer-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No model open"));
        getColumns().add(text("Layer", LayerInfo::name, 104, "Layer name in the model file"));
        getColumns().add(text("Type", LayerInfo::type, 64, "Layer kind"));
        getColumns().add(text("Output", LayerInfo::outputShape, 84, "Shape of one output (channels x height x width for maps)"));
        getColumns().add(number("Params", LayerInfo::parameters, 62, "Trainable weights and biases"));
        getColumns().add(number("Dense MACs", LayerInfo::denseMacs, 98,
                "Multiply-accumulates of one dense inference: n_in x n_out for dense layers, "
                        + "H_out x W_out x C_out x k_h x k_w x C_in for convolutions"));
        getColumns().add(text("Activation", LayerInfo::activation, 86, "Activation function"));
    }

    private static TableColumn<LayerInfo, String> text(String title, Function<LayerInfo, String> value, double width, String tip) {
        TableColumn<LayerInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        header(c, title, tip);
        return c;
    }

    private static TableColumn<LayerInfo, Long> number(String title, Function<LayerInfo, Long> value, double width, String tip) {
        TableColumn<LayerInfo, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item));
                if (!getStyleClass().contains("ll-number")) {
                    getStyleClass().add("ll-number");
                }
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        header(c, title, tip);
        return c;
    }

    private static void header(TableColumn<LayerInfo, ?> c, String title, String tip) {
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        c.setText(null);
        c.setGraphic(header);
    }
}

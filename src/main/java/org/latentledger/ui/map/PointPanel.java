package org.latentledger.ui.map;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentledger.atlas.Neighbours;

/** The focused point: its image, label, prediction, region, axis coordinates and nearest neighbours. */
public final class PointPanel {

    private PointPanel() {
    }

    public static VBox build(MapViewModel vm) {
        Canvas thumb = new Canvas(84, 84);
        Label facts = new Label("Click a point on the map.");
        facts.setWrapText(true);
        facts.getStyleClass().add("ll-card");
        HBox head = new HBox(10, thumb, facts);
        Label coordTitle = new Label("Axes");
        coordTitle.getStyleClass().add("ll-section");
        Label coords = new Label();
        coords.getStyleClass().add("ll-card");
        coords.setWrapText(true);
        // One line per axis, all of them: a squeezed panel (a lesson beside it) must scroll, not cut them to one.
        coords.setMinHeight(Region.USE_PREF_SIZE);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        ChoiceBox<Neighbours.Metric> metric = new ChoiceBox<>(FXCollections.observableArrayList(Neighbours.Metric.values()));
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        Label nnTitle = new Label("Nearest in the layer's own space");
        nnTitle.getStyleClass().add("ll-section");
        TableView<PointDetails.Neighbour> nn = neighbourTable();
        nn.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            PointDetails d = vm.detailsProperty().get();
            if (d != null && i.intValue() >= 0 && i.intValue() < d.neighbourIndices().size()) {
                int next = d.neighbourIndices().get(i.intValue());
                javafx.application.Platform.runLater(() -> vm.focusProperty().set(next));
            }
        });
        nn.setMaxHeight(Region.USE_PREF_SIZE);
        thumb.setVisible(false);
        thumb.setManaged(false);
        vm.detailsProperty().addListener((o, a, d) -> {
            thumb.getGraphicsContext2D().clearRect(0, 0, 84, 84);
            boolean image = d != null && d.image() != null;
            thumb.setVisible(image);
            thumb.setManaged(image);
            if (d == null) {
                facts.setText("Click a point on the map.");
                coords.setText("");
                nn.getItems().clear();
                return;
            }
            facts.setText(facts(d));
            coords.setText(String.join("\n", d.coordinates()));
            nn.getItems().setAll(d.neighbours());
            if (d.image() != null) {
                drawImage(thumb, d.image(), d.imageShape().height(), d.imageShape().width());
            }
        });
        HBox nnHead = new HBox(8, nnTitle, metric);
        for (javafx.scene.Node n : new javafx.scene.Node[] {coordTitle, coords, nnHead, nn}) {
            n.visibleProperty().bind(vm.detailsProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }
        VBox box = new VBox(6, head, coordTitle, coords, nnHead, nn);
        box.setPadding(new Insets(8, 2, 2, 2));
        return box;
    }

    /** What the point is: index and name, its gloss, label, prediction and region, one per line. */
    static String facts(PointDetails d) {
        return "#" + d.index() + (d.name().startsWith("#") ? "" : "  " + d.name())
                + (d.note().isEmpty() ? "" : "\n\u201c" + d.note() + "\u201d") + "\nLabel: " + d.label()
                + "\nPredicted: " + d.predicted() + "\nRegion: " + d.region();
    }

    /** Index, label (and name, when rows have names) and distance, in compact rows under named columns. */
    private static TableView<PointDetails.Neighbour> neighbourTable() {
        TableView<PointDetails.Neighbour> t = new TableView<>();
        t.setId("neighbours");
        t.getStyleClass().add("ll-neighbours");
        t.setPlaceholder(new Label("-"));
        TableColumn<PointDetails.Neighbour, String> index = new TableColumn<>("Index");
        index.setCellValueFactory(c -> new ReadOnlyStringWrapper("#" + c.getValue().index()));
        TableColumn<PointDetails.Neighbour, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name().isEmpty() || c.getValue().name().startsWith("#")
                ? c.getValue().label() : c.getValue().name() + " · " + c.getValue().label()));
        TableColumn<PointDetails.Neighbour, String> distance = new TableColumn<>("Distance");
        distance.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.3f", c.getValue().distance())));
        distance.setStyle("-fx-alignment: CENTER-RIGHT;");
        index.setStyle("-fx-alignment: CENTER-RIGHT;");
        t.getColumns().setAll(List.of(index, label, distance));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        index.setPrefWidth(70);
        label.setPrefWidth(160);
        distance.setPrefWidth(80);
        t.setFixedCellSize(24);
        // The header and eight rows, no more: compact, and the panel above keeps its room.
        t.setPrefHeight(24 * 8 + 30);
        return t;
    }

    static void drawImage(Canvas c, float[] px, int h, int w) {
        float max = 1e-6f;
        for (float v : px) {
            max = Math.max(max, v);
        }
        double cell = c.getWidth() / Math.max(h, w);
        var g = c.getGraphicsContext2D();
        for (int r = 0; r < h; r++) {
            for (int q = 0; q < w; q++) {
                g.setFill(Color.gray(Math.max(0, Math.min(1, px[r * w + q] / max))));
                g.fillRect(q * cell, r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
    }
}

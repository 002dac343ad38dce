package org.latentledger.ui.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.plot.MapScene;

/**
 * The journey's mini-maps, one per layer, with the query on each: a row that scrolls sideways
 * above the large map, or on a short page a column that scrolls down beside it. Either way the
 * current layer's mini-map is scrolled into view and outlined; a click on one makes its layer the
 * current one.
 */
final class MiniMaps {

    private static final double ROW_WIDTH = 164;
    private static final double ROW_HEIGHT = 128;
    /** Smaller in the column, where more of them are in view at once. */
    private static final double COLUMN_WIDTH = 136;
    private static final double COLUMN_HEIGHT = 100;
    private static final double SCROLL_BAR = 16;

    private final List<MapCanvas> maps = new ArrayList<>();
    private final HBox row = new HBox(8);
    private final VBox column = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(row);
    private final IntConsumer onPick;
    private boolean inColumn;

    MiniMaps(IntConsumer onPick) {
        this.onPick = onPick;
        row.setId("journey-minis");
        column.setId("journey-minis"); // only one of the two is in the scene at a time
        scroll.setId("journey-minis-scroll");
        arrange(false);
    }

    /** The scroll pane that holds them, to be placed in the page. */
    Node node() {
        return scroll;
    }

    /** One mini-map per scene, in order. */
    void show(List<MapScene> scenes) {
        maps.clear();
        for (int l = 0; l < scenes.size(); l++) {
            MapCanvas c = new MapCanvas();
            c.compactProperty().set(true);
            c.mapSceneProperty().set(scenes.get(l));
            int layer = l;
            c.setOnPick(i -> onPick.accept(layer));
            c.getStyleClass().add("ll-mini-map");
            maps.add(c);
        }
        (inColumn ? column : row).getChildren().setAll(maps);
        size();
    }

    /** In a column (a short page) or a row. */
    void arrange(boolean asColumn) {
        inColumn = asColumn;
        (asColumn ? row : column).getChildren().clear();
        (asColumn ? column : row).getChildren().setAll(maps);
        scroll.setContent(asColumn ? column : row);
        scroll.setFitToHeight(!asColumn);
        scroll.setFitToWidth(asColumn);
        scroll.setHbarPolicy(asColumn ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(asColumn ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        size();
    }

    /** Outlines the current layer's mini-map, puts each layer's query mark on its own, and scrolls the current one into view. */
    void mark(int current, IntFunction<MapCanvas.QueryMark> queryAt) {
        for (int l = 0; l < maps.size(); l++) {
            MapCanvas c = maps.get(l);
            c.getStyleClass().remove("ll-mini-current");
            if (l == current) {
                c.getStyleClass().add("ll-mini-current");
            }
            c.queryProperty().set(queryAt.apply(l));
        }
        follow(current);
    }

    /** Scrolls the row or column so layer {@code current}'s mini-map is in view (after the next layout). */
    void follow(int current) {
        Platform.runLater(() -> {
            if (current < 0 || current >= maps.size()) {
                return;
            }
            Bounds viewport = scroll.getViewportBounds();
            Bounds content = scroll.getContent().getLayoutBounds();
            double length = inColumn ? content.getHeight() : content.getWidth();
            double view = inColumn ? viewport.getHeight() : viewport.getWidth();
            if (length <= view || view <= 0) {
                return;
            }
            Bounds b = maps.get(current).getBoundsInParent();
            double start = inColumn ? b.getMinY() : b.getMinX();
            double end = inColumn ? b.getMaxY() : b.getMaxX();
            double offset = (inColumn ? scroll.getVvalue() : scroll.getHvalue()) * (length - view);
            if (start < offset) {
                offset = start;
            } else if (end > offset + view) {
                offset = end - view;
            }
            if (inColumn) {
                scroll.setVvalue(offset / (length - view));
            } else {
                scroll.setHvalue(offset / (length - view));
            }
        });
    }

    private void size() {
        double w = inColumn ? COLUMN_WIDTH : ROW_WIDTH;
        double h = inColumn ? COLUMN_HEIGHT : ROW_HEIGHT;
        if (inColumn) {
            // As wide as a mini-map and the scroll bar; as tall as the large map beside it.
            scroll.setMinHeight(0);
            scroll.setPrefHeight(Region.USE_COMPUTED_SIZE);
            scroll.setMinWidth(w + SCROLL_BAR);
            scroll.setPrefWidth(w + SCROLL_BAR);
            scroll.setMaxWidth(w + SCROLL_BAR);
        } else {
            // As tall as a mini-map and the scroll bar: small enough to leave the large map its height.
            scroll.setMinWidth(0);
            scroll.setPrefWidth(Region.USE_COMPUTED_SIZE);
            scroll.setMaxWidth(Double.MAX_VALUE);
            scroll.setPrefHeight(h + 18);
            scroll.setMinHeight(h + 18);
        }
        for (MapCanvas c : maps) {
            c.setPrefSize(w, h);
            c.setMinSize(w, h);
        }
    }
}

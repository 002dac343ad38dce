package org.latentledger.ui.map;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.latentledger.ui.plot.MapCanvas;

/**
 * The clicked point's details beside it on the map (a ControlsFX {@link PopOver}): its image,
 * label, prediction and region, and its five nearest neighbours in the layer's own space as links
 * that move the details to them. The model panel's Point tab says the same at length; this reads
 * where the eye already is, and is all there is when the panel is put away. Closes on Esc or a
 * click elsewhere, and with the map's focus.
 */
public final class PointPopOver {

    private static final int NEIGHBOURS = 5;

    private final MapViewModel vm;
    private final MapCanvas map;
    private final PopOver pop = new PopOver();
    private final Canvas thumb = new Canvas(56, 56);
    private final Label facts = new Label();
    private final VBox neighbours = new VBox(0);

    public PointPopOver(MapViewModel vm, MapCanvas map) {
        this.vm = vm;
        this.map = map;
        facts.setWrapText(true);
        facts.setMaxWidth(300);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        Label nn = new Label("Nearest in the layer's own space");
        nn.getStyleClass().add("ll-section");
        HBox head = new HBox(10, thumb, facts);
        VBox content = new VBox(6, head, nn, neighbours);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("ll-point-popover");
        pop.setContentNode(content);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        pop.setHideOnEscape(true);
        // A click elsewhere on the map closes the details and still reaches the map (it may pick the next point).
        pop.setConsumeAutoHidingEvents(false);
        pop.setAnimated(false);
        pop.setArrowLocation(PopOver.ArrowLocation.LEFT_TOP);
        vm.detailsProperty().addListener((o, a, d) -> {
            if (d == null) {
                pop.hide();
            } else if (pop.isShowing()) {
                fill(d);
                place(d.index());
            }
        });
    }

    /** Shows the details of point i beside it (after the map has focused it). */
    public void show(int i) {
        PointDetails d = vm.detailsProperty().get();
        if (d == null || d.index() != i || map.getScene() == null) {
            pop.hide();
            return;
        }
        fill(d);
        place(i);
    }

    public boolean showing() {
        return pop.isShowing();
    }

    public void hide() {
        pop.hide();
    }

    private void place(int i) {
        Point2D at = map.drawnAt(i);
        if (at == null) {
            pop.hide();
            return;
        }
        Point2D screen = map.localToScreen(at.getX() + 8, at.getY());
        if (screen == null) {
            return;
        }
        // Left of the point when it is in the map's right half, so the details stay on the map.
        boolean right = at.getX() > map.getWidth() / 2;
        pop.setArrowLocation(right ? PopOver.ArrowLocation.RIGHT_TOP : PopOver.ArrowLocation.LEFT_TOP);
        if (pop.isShowing()) {
            pop.hide(javafx.util.Duration.ZERO);
        }
        pop.show(map, right ? screen.getX() - 16 : screen.getX(), screen.getY());
    }

    private void fill(PointDetails d) {
        facts.setText(PointPanel.facts(d));
        boolean image = d.image() != null;
        thumb.setVisible(image);
        thumb.setManaged(image);
        thumb.getGraphicsContext2D().clearRect(0, 0, thumb.getWidth(), thumb.getHeight());
        if (image) {
            PointPanel.drawImage(thumb, d.image(), d.imageShape().height(), d.imageShape().width());
        }
        neighbours.getChildren().clear();
        for (int k = 0; k < Math.min(NEIGHBOURS, d.neighbours().size()); k++) {
            PointDetails.Neighbour n = d.neighbours().get(k);
            String who = n.name().isEmpty() || n.name().startsWith("#") ? n.label() : n.name() + " · " + n.label();
            Hyperlink link = new Hyperlink(String.format(Locale.ROOT, "#%d · %s · at %.3f", n.index(), who, n.distance()));
            link.setTooltip(new Tooltip("Show this point's details (distance in the layer's own space)"));
            link.setOnAction(e -> vm.focusProperty().set(n.index()));
            neighbours.getChildren().add(link);
        }
    }
}

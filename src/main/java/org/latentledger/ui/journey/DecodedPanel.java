package org.latentledger.ui.journey;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * For a model that reads text: what the shown layer's state means, in words the model computed
 * (and how), and the synsets nearest to it at that layer with their glosses. Hidden otherwise.
 */
final class DecodedPanel {

    private DecodedPanel() {
    }

    static Node of(ObservableValue<Decoding.Decoded> decoded) {
        Label title = wrapped(new Label());
        title.getStyleClass().add("ll-section");
        Label words = wrapped(new Label());
        Label how = wrapped(new Label("the words whose own one-word query lands nearest to this state (cosine)"));
        how.getStyleClass().add("ll-muted");
        Label nearestTitle = new Label("Nearest synsets at this layer (distance)");
        nearestTitle.getStyleClass().add("ll-muted");
        Label nearest = wrapped(new Label());
        VBox box = new VBox(2, title, words, how, nearestTitle, nearest);
        box.setId("decoded");
        Runnable show = () -> {
            Decoding.Decoded d = decoded.getValue();
            box.setVisible(d != null);
            box.setManaged(d != null);
            boolean near = d != null && !d.nearest().isEmpty();
            for (Node n : new Node[] {nearestTitle, nearest}) {
                n.setVisible(near);
                n.setManaged(near);
            }
            if (d == null) {
                return;
            }
            title.setText("Decoded at " + d.layer() + (d.steered() ? ", steered" : ""));
            words.setText(d.words().stream().map(w -> String.format(Locale.ROOT, "%s %.2f", w.word(), w.score()))
                    .collect(Collectors.joining(" · ")));
            nearest.setText(d.nearest().stream().map(n -> String.format(Locale.ROOT, "%s (%s, %.2f): %s", n.name(), n.label(),
                    n.distance(), n.note())).collect(Collectors.joining("\n")));
        };
        decoded.addListener(o -> show.run());
        show.run();
        return box;
    }

    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}

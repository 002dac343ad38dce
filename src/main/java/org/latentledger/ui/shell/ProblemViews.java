package org.latentledger.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** How the window shows a problem: a banner above the pages, and a dialog with the technical details folded away. */
final class ProblemViews {

    private ProblemViews() {
    }

    static Region banner(MainViewModel vm, java.util.function.Consumer<Problem> showDetails) {
        Label title = new Label();
        title.getStyleClass().add("ll-banner-title");
        Label message = new Label();
        message.setWrapText(true);
        Button details = new Button("Details ...");
        details.setOnAction(e -> {
            if (vm.problemProperty().get() != null) {
                showDetails.accept(vm.problemProperty().get());
            }
        });
        details.setMinWidth(Region.USE_PREF_SIZE);
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.clearProblem());
        VBox text = new VBox(2, title, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(10, text, details, dismiss);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("ll-banner");
        banner.visibleProperty().bind(vm.problemProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.problemProperty().addListener((o, a, p) -> {
            title.setText(p == null ? "" : p.title());
            message.setText(p == null ? "" : p.message());
        });
        return banner;
    }

    static void showDialog(Problem p, javafx.stage.Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Latent Ledger");
        alert.setHeaderText(p.title());
        String message = p.file() != null && p.message().startsWith(p.file() + ": ") ? p.message().substring(p.file().length() + 2)
                : p.message();
        alert.setContentText((p.file() == null ? "" : "File: " + p.file() + "\n\n") + capitalise(message)
                + "\n\nThe app stays open; whatever was open before is still there.");
        TextArea trace = new TextArea(p.details().isEmpty() ? "(no technical details)" : p.details());
        trace.setEditable(false);
        trace.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(trace);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package org.latentledger.ui.tour;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson's side panel: the lesson's title, progress through its steps, the step's title and
 * text, and Back / Next (also Page Up / Page Down, which presenter remotes send) and Close.
 */
public final class TourPanel extends VBox {

    public TourPanel(LessonPlayer player, Runnable close) {
        super(10);
        getStyleClass().add("ll-tour");
        setId("tour");
        setPadding(new Insets(14));
        setPrefWidth(340);
        setMinWidth(300);
        setMaxWidth(420);
        Label lesson = new Label();
        lesson.getStyleClass().add("ll-muted");
        lesson.setWrapText(true);
        lesson.textProperty().bind(Bindings.createStringBinding(() -> player.lessonProperty().get() == null ? ""
                : "Lesson: " + player.lessonProperty().get().title(), player.lessonProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            Lesson l = player.lessonProperty().get();
            return l == null ? 0 : (player.stepProperty().get() + 1.0) / l.steps().size();
        }, player.lessonProperty(), player.stepProperty()));
        Label count = new Label();
        count.getStyleClass().add("ll-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            Lesson l = player.lessonProperty().get();
            return l == null ? "" : String.format(Locale.ROOT, "Step %d of %d%s", player.stepProperty().get() + 1, l.steps().size(),
                    player.workingProperty().get() ? " · setting up ..." : "");
        }, player.lessonProperty(), player.stepProperty(), player.workingProperty()));
        Label title = new Label();
        title.getStyleClass().add("ll-title");
        title.setWrapText(true);
        Label text = new Label();
        text.getStyleClass().add("ll-tour-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Runnable show = () -> {
            Lesson l = player.lessonProperty().get();
            int k = player.stepProperty().get();
            boolean has = l != null && k >= 0 && k < l.steps().size();
            title.setText(has ? l.steps().get(k).title() : "");
        };
        // What the step computed is filled in by the player once the step's actions are done.
        text.textProperty().bind(player.textProperty());
        player.stepProperty().addListener(o -> show.run());
        player.lessonProperty().addListener(o -> show.run());
        Label problem = new Label();
        problem.getStyleClass().add("ll-error");
        problem.setWrapText(true);
        problem.textProperty().bind(player.messageProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        ScrollPane textPane = new ScrollPane(new VBox(10, title, text, problem));
        textPane.setFitToWidth(true);
        textPane.getStyleClass().add("ll-tour-scroll");
        VBox.setVgrow(textPane, Priority.ALWAYS);
        Button back = new Button("Back");
        back.setTooltip(new Tooltip("The previous step (Page Up)"));
        back.setOnAction(e -> player.back());
        back.disableProperty().bind(player.stepProperty().lessThanOrEqualTo(0));
        Button next = new Button("Next");
        next.setDefaultButton(true);
        next.setTooltip(new Tooltip("The next step (Page Down)"));
        next.setOnAction(e -> player.next());
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> player.lessonProperty().get() == null
                || player.stepProperty().get() >= player.lessonProperty().get().steps().size() - 1,
                player.lessonProperty(), player.stepProperty()));
        Button done = new Button("Close");
        done.setTooltip(new Tooltip("End the lesson; the window stays as it is"));
        done.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, next, gap, done);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(lesson, progress, count, textPane, buttons);
    }
}

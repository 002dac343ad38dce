package org.latentledger.ui.journey;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentledger.data.Dataset;
import org.latentledger.data.ImageShape;

/** The journey's query controls, one set per source: a point (with find), the drawing pad, two points and t, or a typed row. */
final class QueryControls {

    private final JourneyViewModel vm;
    private final StackPane pane;
    /** Listeners the current controls put on the view model, removed when they are replaced. */
    private final List<Runnable> detach = new java.util.ArrayList<>();

    QueryControls(JourneyViewModel vm, StackPane pane) {
        this.vm = vm;
        this.pane = pane;
    }

    private int size() {
        return vm.data() == null ? 1 : vm.data().size();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private <T> void listen(javafx.beans.value.ObservableValue<T> value, javafx.beans.value.ChangeListener<? super T> listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    /** Shows the controls of the query source chosen now (their ranges follow the data). */
    void showSource() {
        detach.forEach(Runnable::run);
        detach.clear();
        Node controls = switch (vm.sourceProperty().get()) {
            case POINT -> pointControls();
            case DRAWING -> drawingControls();
            case INTERPOLATION -> interpolationControls();
            case TYPED -> typedControls();
            case TEXT -> textControls();
        };
        pane.getChildren().setAll(controls);
    }

    private Node pointControls() {
        Spinner<Integer> index = new Spinner<>(0, Math.max(0, size() - 1), vm.pointProperty().get());
        index.setEditable(true);
        index.setPrefWidth(90);
        index.valueProperty().addListener((o, a, v) -> vm.pointProperty().set(v));
        listen(vm.pointProperty(), (o, a, v) -> index.getValueFactory().setValue(v.intValue()));
        Label what = new Label();
        what.getStyleClass().add("ll-muted");
        // The hint is a tooltip: in a narrow window it was the label that got cut ("(or click a point on the ...").
        what.setTooltip(new javafx.scene.control.Tooltip("Or click a point on the map to make it the query"));
        what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable describe = () -> what.setText(vm.data() == null || vm.pointProperty().get() >= size() ? ""
                : "label " + vm.data().labelName(vm.pointProperty().get()));
        listen(vm.pointProperty(), (o, a, v) -> describe.run());
        describe.run();
        TextField find = new TextField();
        find.setPromptText("find label or name, Enter");
        find.setPrefColumnCount(14);
        find.setOnAction(e -> {
            int found = vm.data() == null ? -1 : vm.data().find(find.getText(), vm.pointProperty().get());
            if (found >= 0) {
                vm.pointProperty().set(found);
            }
        });
        find.setTooltip(new Tooltip("Enter again for the next match"));
        HBox h = new HBox(8, label("#"), index, find, what);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node drawingControls() {
        Dataset d = vm.data();
        ImageShape shape = d == null ? null : d.image();
        if (shape == null || shape.channels() != 1) {
            return new Label("Drawing needs a model with grey image inputs (digits, Fashion-MNIST).");
        }
        DrawingPad pad = new DrawingPad(shape.height(), shape.width(), shape.width() <= 8 ? 128 : 140);
        pad.setPixels(vm.drawingProperty().get());
        pad.setOnChange(p -> vm.drawingProperty().set(p));
        ToggleButton eraser = new ToggleButton("Eraser");
        eraser.selectedProperty().addListener((o, a, e) -> pad.setErasing(e));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> pad.clear());
        Button fromPoint = new Button("Start from #" + vm.pointProperty().get());
        fromPoint.setOnAction(e -> {
            float[] px = vm.data().features()[vm.pointProperty().get()];
            pad.setPixels(px);
            vm.drawingProperty().set(pad.pixels());
        });
        VBox tools = new VBox(6, new Label("Draw with the mouse;\nthe journey follows."), eraser, clear, fromPoint);
        HBox h = new HBox(10, pad, tools);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node interpolationControls() {
        Spinner<Integer> a = new Spinner<>(0, Math.max(0, size() - 1), vm.pointAProperty().get());
        Spinner<Integer> b = new Spinner<>(0, Math.max(0, size() - 1), vm.pointBProperty().get());
        for (Spinner<Integer> s : List.of(a, b)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        a.valueProperty().addListener((o, x, v) -> vm.pointAProperty().set(v));
        b.valueProperty().addListener((o, x, v) -> vm.pointBProperty().set(v));
        Slider t = new Slider(0, 1, vm.tProperty().get());
        t.setPrefWidth(220);
        t.valueProperty().bindBidirectional(vm.tProperty());
        Label value = new Label();
        value.textProperty().bind(vm.tProperty().asString(Locale.ROOT, "t = %.2f"));
        HBox h = new HBox(8, label("A #"), a, label("B #"), b, t, value);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node typedControls() {
        TextField row = new TextField(vm.typedProperty().get());
        row.setPromptText("numbers separated by commas or spaces");
        row.setPrefColumnCount(36);
        Button apply = new Button("Send");
        apply.setOnAction(e -> vm.typedProperty().set(row.getText()));
        row.setOnAction(e -> vm.typedProperty().set(row.getText()));
        Label error = new Label();
        error.getStyleClass().add("ll-error");
        error.textProperty().bind(vm.errorProperty());
        HBox h = new HBox(8, row, apply, error);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A sentence for a model that reads text, and what it made of it: the lemmas it knows, the words it ignored. */
    private Node textControls() {
        if (!vm.readsText()) {
            return new Label("This model does not read text: text needs a model with a vocabulary beside it, such as concepts.");
        }
        TextField sentence = new TextField(vm.textProperty().get());
        listen(vm.textProperty(), (o, a, v) -> {
            if (!v.equals(sentence.getText())) {
                sentence.setText(v);
            }
        });
        sentence.setPromptText("a sentence, e.g. why do leaves change colour in autumn");
        sentence.setPrefColumnCount(22);
        HBox.setHgrow(sentence, javafx.scene.layout.Priority.ALWAYS);
        sentence.setOnAction(e -> vm.textProperty().set(sentence.getText()));
        Button send = new Button("Send");
        send.setOnAction(e -> vm.textProperty().set(sentence.getText()));
        send.setTooltip(new Tooltip("Send the sentence through the model (Enter)"));
        send.setMinWidth(Button.USE_PREF_SIZE);
        Label read = new Label();
        read.getStyleClass().add("ll-muted");
        Runnable describe = () -> {
            var t = vm.tokensProperty().get();
            read.setText(!vm.errorProperty().get().isEmpty() ? vm.errorProperty().get() : t == null ? ""
                    : "read: " + String.join(", ", t.known()) + (t.unknown().isEmpty() ? "" : "  ·  not in its vocabulary: "
                    + String.join(", ", t.unknown())));
        };
        // The whole reading is in the tooltip when the window is too narrow for the label.
        Tooltip full = new Tooltip();
        full.textProperty().bind(read.textProperty());
        read.setTooltip(full);
        listen(vm.tokensProperty(), (o, a, v) -> describe.run());
        listen(vm.errorProperty(), (o, a, v) -> describe.run());
        describe.run();
        HBox h = new HBox(8, sentence, send, read);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}

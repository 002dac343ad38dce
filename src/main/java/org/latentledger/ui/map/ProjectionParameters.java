package org.latentledger.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.PropertySheet;
import org.latentledger.atlas.MapSpec;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;

/**
 * The projection's parameters in one editable panel (a ControlsFX {@link PropertySheet} in a
 * {@link PopOver} under the toolbar's button): engine, perplexity or neighbours and min-dist,
 * iterations and seed, each with what it does. Edits are a draft until Apply (or Enter), so typing
 * "50" does not start a t-SNE at "5"; the button itself says what the map is made with, so the
 * toolbar stays one short row whatever the method.
 */
final class ProjectionParameters {

    /** A draft of the spec being edited, one property per row of the sheet. */
    private MapSpec draft;
    private final MapViewModel vm;
    private final Button button = new Button();
    private final PropertySheet sheet = new PropertySheet();
    private final Label problem = new Label();
    private PopOver pop;

    ProjectionParameters(MapViewModel vm) {
        this.vm = vm;
        button.getStyleClass().add("ll-parameters");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("The projection's parameters: engine, perplexity or neighbours and min-dist, iterations, seed"));
        button.setOnAction(e -> open());
        button.fontProperty().addListener(o -> holdWidth());
        button.insetsProperty().addListener(o -> holdWidth());
        button.setAlignment(Pos.CENTER_LEFT);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        problem.getStyleClass().add("ll-muted");
        problem.setWrapText(true);
        summarise(vm.settingsProperty().get());
        vm.settingsProperty().addListener((o, a, now) -> summarise(now));
    }

    Button button() {
        return button;
    }

    /** "Perplexity 30 · 1,000 iterations · seed 42", or PCA's "no parameters" (the button is then off). */
    static String summary(MapSpec s) {
        String engine = s.effectiveEngine() == Engine.SMILE ? " · Smile" : "";
        return switch (s.method()) {
            case PCA -> "No parameters";
            case TSNE -> String.format(Locale.ROOT, "Perplexity %s · %,d iter. · seed %d%s", number(s.perplexity()),
                    s.iterations() > 0 ? s.iterations() : MapSpec.TSNE_ITERATIONS, s.seed(), engine);
            case UMAP -> String.format(Locale.ROOT, "%d neighbours · min-dist %s · seed %d%s", s.neighbours(), number(s.minDist()),
                    s.seed(), engine);
        };
    }

    private void summarise(MapSpec s) {
        button.setText(summary(s) + (s.method() == Method.PCA ? "" : " ▾"));
        button.setDisable(s.method() == Method.PCA);
        holdWidth();
    }

    /**
     * As wide as the longest of the three methods' summaries in the button's font, so choosing
     * another method never changes the row's width (and never moves the plot).
     */
    private void holdWidth() {
        MapSpec s = vm.settingsProperty().get();
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(button.getFont());
        double widest = 0;
        for (Method m : Method.values()) {
            t.setText(summary(s.withMethod(m)) + " ▾");
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        javafx.geometry.Insets in = button.getInsets();
        double pad = in.getLeft() + in.getRight() > 0 ? in.getLeft() + in.getRight() : 2 * button.getFont().getSize();
        button.setPrefWidth(Math.ceil(widest + pad + 4));
        button.setMinWidth(Region.USE_PREF_SIZE);
    }

    private void open() {
        draft = vm.settingsProperty().get();
        sheet.getItems().setAll(items(draft.method()));
        problem.setText("");
        Button apply = new Button("Apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> apply());
        Button defaults = new Button("Defaults");
        defaults.setTooltip(new Tooltip("The method's default parameters (the seed stays)"));
        defaults.setOnAction(e -> {
            MapSpec d = MapSpec.DEFAULT;
            draft = new MapSpec(draft.method(), draft.engine(), draft.dims(), d.perplexity(), d.neighbours(), d.minDist(), 0,
                    draft.seed(), draft.convView());
            sheet.getItems().setAll(items(draft.method()));
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, problem, grow, defaults, apply);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label title = new Label(draft.method().label() + " parameters");
        title.getStyleClass().add("ll-heading");
        VBox content = new VBox(8, title, sheet, buttons);
        content.setPadding(new Insets(10));
        content.setPrefWidth(420);
        content.getStyleClass().add("ll-parameter-sheet");
        pop = new PopOver(content);
        // Opening towards the window's middle, so the sheet stays inside it.
        boolean rightHalf = button.getScene() != null
                && button.localToScene(button.getWidth() / 2, 0).getX() > button.getScene().getWidth() / 2;
        pop.setArrowLocation(rightHalf ? PopOver.ArrowLocation.TOP_RIGHT : PopOver.ArrowLocation.TOP_LEFT);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        pop.setHeaderAlwaysVisible(false);
        pop.show(button);
    }

    /** Whether the sheet is showing (tests and lessons close it). */
    boolean showing() {
        return pop != null && pop.isShowing();
    }

    /** Checks the draft and makes it the map's settings, or says what is wrong and keeps the sheet open. */
    void apply() {
        Optional<String> wrong = check(draft);
        if (wrong.isPresent()) {
            problem.setText(wrong.get());
            return;
        }
        if (pop != null) {
            pop.hide();
        }
        if (!draft.equals(vm.settingsProperty().get())) {
            vm.settingsProperty().set(draft);
        }
    }

    /** What a spec's parameters may be: the same ranges the command line accepts. */
    static Optional<String> check(MapSpec s) {
        if (s.method() == Method.TSNE && (s.perplexity() < 2 || s.perplexity() > 200)) {
            return Optional.of("Perplexity is between 2 and 200");
        }
        if (s.method() == Method.UMAP && (s.neighbours() < 2 || s.neighbours() > 200)) {
            return Optional.of("Neighbours are between 2 and 200");
        }
        if (s.method() == Method.UMAP && (s.minDist() < 0 || s.minDist() > 1)) {
            return Optional.of("Min-dist is between 0 and 1");
        }
        if (s.iterations() > 100_000) {
            return Optional.of("At most 100,000 iterations");
        }
        return Optional.empty();
    }

    private List<PropertySheet.Item> items(Method m) {
        List<PropertySheet.Item> out = new ArrayList<>();
        out.add(new Param<>("Engine", Engine.class, "Whose t-SNE / UMAP: ours (Barnes-Hut, seeded, animated, cancellable) or Smile's",
                () -> draft.engine(), v -> draft = draft.withEngine(v)));
        if (m == Method.TSNE) {
            out.add(new Param<>("Perplexity", Double.class, "The effective number of neighbours each point keeps (2-200; default 30)",
                    () -> draft.perplexity(), v -> draft = draft.withParameters(v, draft.neighbours(), draft.minDist())));
            out.add(new Param<>("Iterations", Integer.class, "Gradient steps (default 1,000)",
                    () -> draft.iterations() > 0 ? draft.iterations() : MapSpec.TSNE_ITERATIONS,
                    v -> draft = draft.withIterations(v == MapSpec.TSNE_ITERATIONS ? 0 : Math.max(0, v))));
        } else {
            out.add(new Param<>("Neighbours", Integer.class, "The size of each point's neighbourhood (2-200; default 15)",
                    () -> draft.neighbours(), v -> draft = draft.withParameters(draft.perplexity(), v, draft.minDist())));
            out.add(new Param<>("Min-dist", Double.class, "How tightly points may pack (0-1; default 0.1)",
                    () -> draft.minDist(), v -> draft = draft.withParameters(draft.perplexity(), draft.neighbours(), v)));
            out.add(new Param<>("Epochs", Integer.class, "Optimisation epochs (0 = 500 up to 10,000 points, else 200)",
                    () -> draft.iterations(), v -> draft = draft.withIterations(Math.max(0, v))));
        }
        out.add(new Param<>("Seed", Long.class, "The same seed gives the same picture", () -> draft.seed(),
                v -> draft = draft.withSeed(v)));
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** One row of the sheet, reading and writing the draft. */
    private static final class Param<T> implements PropertySheet.Item {
        private final String name;
        private final Class<T> type;
        private final String description;
        private final java.util.function.Supplier<T> get;
        private final java.util.function.Consumer<T> set;

        Param(String name, Class<T> type, String description, java.util.function.Supplier<T> get, java.util.function.Consumer<T> set) {
            this.name = name;
            this.type = type;
            this.description = description;
            this.get = get;
            this.set = set;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return "Projection";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return get.get();
        }

        @Override
        public void setValue(Object value) {
            if (value == null) {
                return;
            }
            // The sheet's number fields give whichever Number they parsed: convert to the row's own type.
            Object v = value;
            if (value instanceof Number n && type != value.getClass()) {
                v = type == Integer.class ? Integer.valueOf(n.intValue()) : type == Long.class ? Long.valueOf(n.longValue())
                        : type == Double.class ? Double.valueOf(n.doubleValue()) : value;
            }
            set.accept(type.cast(v));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}

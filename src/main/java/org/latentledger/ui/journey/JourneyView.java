package org.latentledger.ui.journey;

import org.latentledger.view.QuerySource;
import org.latentledger.projection.Method;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.latentledger.atlas.Axes;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Journey;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.data.Dataset;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.plot.MapScene;

/**
 * The journey page: the query (point, drawing, interpolation, typed row), one mini-map per layer
 * with the query on it, the current layer's map large with play / step, the route strip, the
 * answer, and steering along an axis.
 */
public final class JourneyView extends BorderPane {

    private final JourneyViewModel vm;
    private final MapCanvas main = new MapCanvas();
    /** One mini-map per layer, in a row above the large map, or on a short page in a column beside it. */
    private final MiniMaps minis;
    /** The route in one row: it scrolls sideways (following the current layer) rather than taking the large map's height. */
    private final HBox route = new HBox(6);
    /** As tall as its chips (and the scroll bar when they are wider than it), worked out in each layout pass, never late. */
    private final ScrollPane routeScroll = new ScrollPane(route) {
        @Override
        protected double computeMinHeight(double width) {
            return routeHeight(width);
        }

        @Override
        protected double computePrefHeight(double width) {
            return routeHeight(width);
        }
    };

    private double routeHeight(double width) {
        double w = width > 0 ? width : routeScroll.getWidth();
        return route.prefHeight(-1) + (route.prefWidth(-1) > w ? 16 : 2);
    }
    private final OutputChart output = new OutputChart(340, 270);
    private final StackPane sourcePane = new StackPane();
    private final QueryControls queryControls;

    public JourneyView(JourneyViewModel vm) {
        this.vm = vm;
        this.queryControls = new QueryControls(vm, sourcePane);
        getStyleClass().add("ll-journey");
        setTop(queryBar());
        minis = new MiniMaps(layer -> vm.currentLayerProperty().set(layer));
        main.setId("journey-map");
        heightProperty().addListener(o -> arrange()); // re-arranges only when the page turns short or tall
        playRow = playBar();
        routeRow = routeBox();
        arrange();
        // The output, decoding and steering scroll when the window is too small for them all.
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("edge-to-edge");
        side.setMinWidth(356);
        setRight(side);
        BorderPane.setMargin(getRight(), new Insets(0, 0, 0, 10));
        vm.scenesProperty().addListener(o -> rebuildMinis());
        vm.datasetProperty().addListener(o -> queryControls.showSource()); // the controls' ranges depend on the data
        vm.journeyProperty().addListener(o -> refresh());
        vm.currentLayerProperty().addListener(o -> refresh());
        vm.steeredProperty().addListener(o -> refreshOutput());
        main.emptyMessageProperty().set("Preparing the maps of every layer ...");
        main.setOnPick(i -> {
            if (i >= 0) {
                vm.sourceProperty().set(QuerySource.POINT);
                vm.pointProperty().set(i);
            }
        });
    }

    private Node queryBar() {
        ChoiceBox<QuerySource> source = new ChoiceBox<>(FXCollections.observableArrayList(QuerySource.values()));
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        ChoiceBox<Method> maps = new ChoiceBox<>(FXCollections.observableArrayList(Method.values()));
        maps.valueProperty().bindBidirectional(vm.methodProperty());
        maps.setTooltip(new Tooltip("How each layer is mapped for the journey"));
        Label placement = new Label();
        placement.getStyleClass().add("ll-muted");
        placement.textProperty().bind(vm.placementProperty());
        placement.setWrapText(true);
        vm.sourceProperty().addListener(o -> queryControls.showSource());
        queryControls.showSource();
        HBox first = new HBox(10, label("Query"), source, sourcePane, spacer(), label("Layer maps"), maps);
        first.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, first, placement);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }


    /** Below this page height the page is a short one (a presentation at 1024 x 640 or 1280 x 720). */
    private static final double SHORT_PAGE = 760;

    private Node playRow;
    private Node routeRow;
    /** Whether the page is laid out as a short one, or not yet laid out. */
    private Boolean laidOutShort;

    /**
     * The large map is drawn at one scale on both axes, so its height decides how large the data
     * is, and it has width to spare. A tall page has the mini-maps in a row above it; a short one,
     * where the row took a third of the large map's height, has them in a column at its left.
     */
    private void arrange() {
        boolean tight = getHeight() > 0 && getHeight() < SHORT_PAGE;
        if (laidOutShort != null && laidOutShort == tight) {
            return;
        }
        laidOutShort = tight;
        minis.arrange(tight);
        VBox centre;
        if (tight) {
            HBox maps = new HBox(8, minis.node(), main);
            HBox.setHgrow(main, Priority.ALWAYS);
            centre = new VBox(8, playRow, maps, routeRow);
            VBox.setVgrow(maps, Priority.ALWAYS);
        } else {
            centre = new VBox(8, minis.node(), playRow, main, routeRow);
            VBox.setVgrow(main, Priority.ALWAYS);
        }
        setCenter(centre);
        minis.follow(vm.currentLayerProperty().get());
    }

    private void rebuildMinis() {
        List<MapScene> scenes = vm.scenesProperty().get();
        minis.show(java.util.stream.IntStream.range(0, scenes.size())
                .mapToObj(l -> scenes.get(l).withoutRegions().withTitle((l + 1) + ". " + scenes.get(l).title())).toList());
        refresh();
    }

    private Node playBar() {
        ToggleButton play = new ToggleButton("Play");
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.textProperty().bind(javafx.beans.binding.Bindings.when(play.selectedProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Follow the query layer by layer (Space)"));
        Button back = new Button("<");
        back.setOnAction(e -> vm.step(-1));
        back.setTooltip(new Tooltip("Previous layer (Left)"));
        Button next = new Button(">");
        next.setOnAction(e -> vm.step(1));
        next.setTooltip(new Tooltip("Next layer (Right)"));
        Slider speed = new Slider(0.3, 3, vm.secondsPerLayerProperty().get());
        speed.valueProperty().bindBidirectional(vm.secondsPerLayerProperty());
        speed.setPrefWidth(120);
        speed.setTooltip(new Tooltip("Seconds per layer"));
        Label layer = new Label();
        Runnable describe = () -> {
            List<LayerAtlas> a = vm.atlasesProperty().get();
            int l = vm.currentLayerProperty().get();
            layer.setText(a.isEmpty() ? "" : String.format(Locale.ROOT, "Layer %d of %d: %s", l + 1, a.size(), a.get(l).layer().name()));
        };
        vm.currentLayerProperty().addListener(o -> describe.run());
        vm.atlasesProperty().addListener(o -> describe.run());
        HBox h = new HBox(8, play, back, next, label("Speed"), speed, layer);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node routeBox() {
        route.setAlignment(Pos.CENTER_LEFT);
        route.setPadding(new Insets(0, 0, 2, 0));
        routeScroll.setFitToHeight(true);
        routeScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        routeScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        routeScroll.getStyleClass().add("edge-to-edge");
        // Its name in the row itself: the large map keeps the line a heading would take.
        Label title = new Label("Route");
        title.getStyleClass().add("ll-section");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, title, routeScroll);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(routeScroll, Priority.ALWAYS);
        box.setId("route");
        return box;
    }

    private Node sidePanel() {
        // Searchable: an ONNX graph's journey has dozens of stops to steer at.
        org.controlsfx.control.SearchableComboBox<LayerAtlas> layer = new org.controlsfx.control.SearchableComboBox<>();
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerAtlas a) {
                return a == null ? "" : a.layer().name();
            }

            @Override
            public LayerAtlas fromString(String s) {
                return layer.getItems().stream().filter(a -> a.layer().name().equals(s)).findFirst().orElse(null);
            }
        });
        layer.setTooltip(new Tooltip("The layer whose activations are moved along the axis: type to search"));
        vm.atlasesProperty().addListener((o, x, a) -> {
            // A new list, not the old one changed in place: the searchable box's filtered view of a list
            // changing under its value fails inside JavaFX's combo-box skin.
            layer.setValue(null);
            layer.setItems(FXCollections.observableArrayList(a));
            if (!a.isEmpty()) {
                layer.setValue(a.get(Math.min(Math.max(0, vm.steerLayerProperty().get()), a.size() - 1)));
            }
        });
        layer.valueProperty().addListener((o, x, a) -> {
            if (a != null) {
                vm.steerLayerProperty().set(vm.atlasesProperty().get().indexOf(a));
            }
        });
        vm.steerLayerProperty().addListener((o, x, l) -> {
            List<LayerAtlas> a = vm.atlasesProperty().get();
            int i = l.intValue();
            if (i >= 0 && i < a.size() && layer.getValue() != a.get(i)) {
                layer.setValue(a.get(i));
            }
        });
        ChoiceBox<Axis> axis = new ChoiceBox<>();
        axis.setConverter(new StringConverter<>() {
            @Override
            public String toString(Axis a) {
                return a == null ? "" : Axes.label(a);
            }

            @Override
            public Axis fromString(String s) {
                return null;
            }
        });
        Runnable axes = () -> {
            axis.getItems().setAll(vm.axesOf(vm.steerLayerProperty().get()));
            axis.setValue(vm.steerAxisProperty().get());
        };
        vm.steerLayerProperty().addListener(o -> axes.run());
        vm.steering().axesChanged.addListener(o -> axes.run());
        axis.valueProperty().addListener((o, x, a) -> {
            if (a != null && a != vm.steerAxisProperty().get()) {
                vm.steerAxisProperty().set(a);
            }
        });
        Slider alpha = new Slider(-4, 4, 0);
        alpha.setShowTickMarks(true);
        alpha.setMajorTickUnit(2);
        alpha.setTooltip(new Tooltip("alpha in standard deviations of the data along the axis; 0 gives the original output exactly"));
        alpha.valueProperty().addListener((o, x, v) -> vm.alphaProperty().set(v.doubleValue() * vm.steerSpread()));
        vm.steerAxisProperty().addListener(o -> alpha.setValue(0));
        // Set from elsewhere (a lesson): the controls follow the view model.
        vm.steerAxisProperty().addListener((o, x, a) -> {
            if (a != null && axis.getValue() != a) {
                axis.setValue(a);
            }
        });
        vm.alphaProperty().addListener((o, x, v) -> {
            double sd = v.doubleValue() / vm.steerSpread();
            if (Math.abs(alpha.getValue() - sd) > 1e-9) {
                alpha.setValue(sd);
            }
        });
        Label alphaValue = new Label();
        alphaValue.textProperty().bind(alpha.valueProperty().asString(Locale.ROOT, "alpha = %+.2f sd"));
        Button reset = new Button("Reset");
        reset.setTooltip(new Tooltip("alpha back to 0: the original output"));
        reset.setOnAction(e -> alpha.setValue(0));
        Label note = new Label();
        note.getStyleClass().add("ll-muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.steerNoteProperty());
        Label steerTitle = new Label("Steer: move along an axis, decode");
        steerTitle.getStyleClass().add("ll-section");
        steerTitle.setWrapText(true);
        Node decodedBox = DecodedPanel.of(vm.decodedProperty());
        // The choices fill the panel's width: a layer or axis name must not run under the arrow.
        for (javafx.scene.layout.Region c : List.<javafx.scene.layout.Region>of(layer, axis)) {
            c.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
        }
        Label layerLabel = label("Layer");
        Label axisLabel = label("Axis");
        // Whole, in any type size, and one width for both so the two boxes line up.
        layerLabel.setMinWidth(Region.USE_PREF_SIZE);
        axisLabel.minWidthProperty().bind(layerLabel.widthProperty());
        HBox.setHgrow(alpha, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(8, output, decodedBox, steerTitle, new HBox(8, layerLabel, layer), new HBox(8, axisLabel, axis),
                phraseAxisControls(), new HBox(8, alpha, reset), alphaValue, note);
        // The scroll pane fits it to its width: a fixed minimum wider than the viewport (once its scroll
        // bar shows) clipped the decoded images at the right edge.
        box.setPrefWidth(340);
        box.setMinWidth(280);
        box.setPadding(new Insets(0, 4, 0, 0));
        box.setId("steering");
        return box;
    }

    /** For a model that reads text: an axis from one phrase to another at the steering layer, named by the user. */
    private Node phraseAxisControls() {
        TextField from = new TextField();
        from.setPromptText("from, e.g. green leaf chlorophyll summer");
        TextField to = new TextField();
        to.setPromptText("to, e.g. yellow orange red autumn");
        TextField name = new TextField();
        name.setPromptText("name, e.g. chlorophyll breakdown");
        Button add = new Button("Add axis");
        add.setTooltip(new Tooltip("The direction from the first phrase's state to the second's at the steering layer"));
        Label problem = new Label();
        problem.getStyleClass().add("ll-error");
        problem.setWrapText(true);
        add.setOnAction(e -> problem.setText(vm.addPhraseAxis(from.getText(), to.getText(), name.getText())));
        VBox fields = new VBox(4, from, to, new HBox(6, name, add), problem);
        // Folded until wanted: the steering panel must fit a small window.
        javafx.scene.control.TitledPane box = new javafx.scene.control.TitledPane("Axis from phrases", fields);
        box.setExpanded(false);
        box.setAnimated(false);
        box.setId("phrase-axis");
        Runnable visible = () -> {
            box.setVisible(vm.readsText());
            box.setManaged(vm.readsText());
        };
        vm.atlasesProperty().addListener(o -> visible.run());
        visible.run();
        return box;
    }

    private void refresh() {
        List<MapScene> scenes = vm.scenesProperty().get();
        int current = vm.currentLayerProperty().get();
        Journey j = vm.journeyProperty().get();
        if (current >= 0 && current < scenes.size()) {
            main.mapSceneProperty().set(scenes.get(current).withTitle(String.format(Locale.ROOT, "Journey · layer %d of %d · %s",
                    current + 1, scenes.size(), scenes.get(current).title())));
        }
        minis.mark(current, l -> mark(j, l, false));
        main.queryProperty().set(mark(j, current, true));
        refreshRoute(j, current);
        refreshOutput();
    }

    private MapCanvas.QueryMark mark(Journey j, int l, boolean withTrail) {
        if (j == null || l < 0 || l >= j.stops().size()) {
            return null;
        }
        Journey.Stop s = j.stops().get(l);
        float[][] trail = withTrail ? vm.trail(l) : new float[][] {null, null};
        return new MapCanvas.QueryMark(s.x(), s.y(), String.format(Locale.ROOT, "query: %s (%.0f%%)", s.regionName(), 100 * s.certainty()),
                trail[0], trail[1]);
    }

    private void refreshRoute(Journey j, int current) {
        route.getChildren().clear();
        if (j == null) {
            return;
        }
        for (int l = 0; l < j.stops().size(); l++) {
            Journey.Stop s = j.stops().get(l);
            String moved = s.movedMost().isEmpty() ? "" : "\nalong " + String.join(", ", s.movedMost().stream()
                    .map(a -> String.format(Locale.ROOT, "%s %+.1f sd", a, s.standing().get(a))).toList());
            Label chip = new Label(String.format(Locale.ROOT, "%s · %s (%.0f%%)%s", s.layer().name(), s.regionName(), 100 * s.certainty(), moved));
            chip.getStyleClass().add(l == current ? "ll-chip-current" : "ll-chip");
            int layer = l;
            chip.setOnMouseClicked(e -> vm.currentLayerProperty().set(layer));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            route.getChildren().addAll(chip, new Label("→"));
        }
        if (!j.answered()) {
            Label end = new Label("no answer: the model was opened in part");
            end.setTooltip(new javafx.scene.control.Tooltip(j.noAnswer()));
            end.getStyleClass().add("ll-chip-answer");
            route.getChildren().add(end);
            return;
        }
        Dataset d = vm.data();
        float[] p = org.latentledger.model.Outputs.probabilities(j.output()); // as the output chart shows it
        String answer = j.reconstruction() ? "decoded image"
                : String.format(Locale.ROOT, "answer: %s (%.0f%%)", j.prediction() < d.classNames().size() ? d.classNames().get(j.prediction())
                : "#" + j.prediction(), 100 * p[j.prediction()]);
        Label end = new Label(answer);
        end.getStyleClass().add("ll-chip-answer");
        end.setMinWidth(Region.USE_PREF_SIZE);
        route.getChildren().add(end);
        followCurrent(current);
    }

    /** Scrolls the route so the current layer's chip (and the one after it) is in view. */
    private void followCurrent(int current) {
        javafx.application.Platform.runLater(() -> {
            int at = 2 * current;
            if (at >= route.getChildren().size()) {
                return;
            }
            double content = route.getWidth();
            double view = routeScroll.getViewportBounds().getWidth();
            if (content <= view || view <= 0) {
                return;
            }
            Node chip = route.getChildren().get(at);
            Node next = route.getChildren().get(Math.min(route.getChildren().size() - 1, at + 2));
            double left = chip.getBoundsInParent().getMinX();
            double right = next.getBoundsInParent().getMaxX();
            double offset = routeScroll.getHvalue() * (content - view);
            if (left < offset) {
                offset = left;
            } else if (right > offset + view) {
                offset = Math.min(left, right - view);
            }
            routeScroll.setHvalue(offset / (content - view));
        });
    }

    private void refreshOutput() {
        Journey j = vm.journeyProperty().get();
        if (j == null || !j.answered()) {
            output.showProbabilities(null, null, List.of());
            return;
        }
        float[] steered = vm.steeredProperty().get();
        boolean moved = steered != null && vm.alphaProperty().get() != 0;
        if (j.reconstruction() && vm.data().image() != null) {
            output.showReconstruction(vm.queryProperty().get(), j.output(), moved ? steered : null, vm.data().image().height(),
                    vm.data().image().width());
        } else {
            output.showProbabilities(j.output(), moved ? steered : null, vm.data().classNames());
        }
    }

    private int size() {
        return vm.data() == null ? 1 : vm.data().size();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}

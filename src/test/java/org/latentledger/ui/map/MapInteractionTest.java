package org.latentledger.ui.map;

import org.latentledger.atlas.MapSpec;
import org.latentledger.projection.Method;
import org.latentledger.view.ColourMode;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.plot.MapFrame;
import org.latentledger.ui.plot.MapScene;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/** The map as a person uses it, headless: box-select, click a point, zoom, search, and watch t-SNE converge. */
class MapInteractionTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    private MapCanvas canvas(FxRobot robot) {
        Stage stage = window.stage();
        return robot.from(stage.getScene().getRoot()).lookup("#map").queryAs(MapCanvas.class);
    }

    @Test
    void boxSelectClickZoomAndSearch(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        assertEquals(10, map.regions().size(), "a region per digit class by default");
        robot.interact(() -> window.view().modelPanelProperty().set(true));
        MapCanvas c = canvas(robot);
        Bounds b = c.localToScreen(c.getBoundsInLocal());

        robot.press(KeyCode.SHIFT);
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.30, b.getMinY() + b.getHeight() * 0.30));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.55, b.getMinY() + b.getHeight() * 0.70));
        robot.release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        await(() -> map.selectionProperty().get().length > 0, 10);
        assertTrue(map.selectionInfoProperty().get().contains("selected"), map.selectionInfoProperty().get());

        MapScene scene = map.sceneProperty().get();
        int target = map.selectionProperty().get()[0];
        robot.clickOn(screenPoint(c, scene, target));
        await(() -> map.detailsProperty().get() != null, 10);
        PointDetails d = map.detailsProperty().get();
        assertEquals(8, d.neighbours().size());
        javafx.scene.control.TableView<?> table = robot.from(stage.getScene().getRoot()).lookup("#neighbours")
                .queryAs(javafx.scene.control.TableView.class);
        assertEquals(List.of("Index", "Label", "Distance"), table.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList());
        assertEquals(8, table.getItems().size());
        assertTrue(table.getFixedCellSize() > 0 && table.getFixedCellSize() <= 26, "compact rows: " + table.getFixedCellSize());
        assertEquals(3, d.coordinates().size(), "PC1..PC3");
        assertNotNull(d.image(), "digits are images: the panel shows the input");

        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.4, b.getMinY() + b.getHeight() * 0.5));
        robot.scroll(10, javafx.geometry.VerticalDirection.UP);

        TextField search = robot.from(stage.getScene().getRoot()).lookup(".ll-search").queryAs(TextField.class);
        robot.clickOn(search);
        robot.write("7");
        await(() -> map.matchesProperty().get().length == 179, 10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClassFilterLeavesClassesOutAndTheLegendFollows(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        org.controlsfx.control.CheckComboBox<String> classes = robot.from(stage.getScene().getRoot()).lookup("#classes")
                .queryAs(org.controlsfx.control.CheckComboBox.class);
        assertEquals(vm.datasetProperty().get().classNames(), classes.getItems());
        assertEquals("all 10", classes.getTitle());
        assertEquals(10, map.sceneProperty().get().legendEntries().size());

        robot.interact(() -> {
            classes.getCheckModel().clearCheck(3);
            classes.getCheckModel().clearCheck(7);
        });
        assertEquals(java.util.Set.of(3, 7), map.hiddenLabels());
        assertEquals("8 of 10", classes.getTitle());
        MapScene s = map.sceneProperty().get();
        int[] labels = vm.datasetProperty().get().labels();
        long kept = java.util.Arrays.stream(labels).filter(l -> l != 3 && l != 7).count();
        assertEquals(kept, s.filter().drawn(), "every point of the other classes, and none of 3 and 7");
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i] != 3 && labels[i] != 7, s.shown(i));
        }
        assertEquals(List.of(0, 1, 2, 4, 5, 6, 8, 9), s.legendEntries(), "the legend names what is drawn");
        assertTrue(s.title().contains(String.format(java.util.Locale.ROOT, "%,d of 1,797 points (8 of 10 classes)", kept)), s.title());
        MapCanvas c = canvas(robot);
        int hidden = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == 3).findFirst().orElseThrow();
        robot.interact(() -> { });
        assertTrue(c.drawnAt(hidden) == null, "a left-out point is not drawn (nor hovered or picked)");

        // The point's details beside it: what the view model says, in a PopOver.
        int shown = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == 1).findFirst().orElseThrow();
        Point2D at = c.drawnAt(shown);
        assertNotNull(at);
        robot.clickOn(c.localToScreen(at));
        await(() -> map.detailsProperty().get() != null, 10);
        robot.interact(() -> { });
        assertTrue(javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof org.controlsfx.control.PopOver p && p.isShowing()
                && p.getContentNode().lookup(".label") != null), "the details show beside the point");
        org.controlsfx.control.PopOver shownPop = (org.controlsfx.control.PopOver) javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof org.controlsfx.control.PopOver p && p.isShowing()).findFirst().orElseThrow();
        String text = shownPop.getContentNode().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .reduce("", (a, b) -> a + "\n" + b);
        PointDetails d = map.detailsProperty().get();
        assertTrue(text.contains("#" + d.index()) && text.contains("Label: " + d.label()), text);
        robot.interact(() -> classes.getCheckModel().checkAll());
        assertTrue(map.hiddenLabels().isEmpty());
        assertTrue(!shownPop.isShowing(), "another picture closes the details");
        assertEquals("all 10", classes.getTitle());
    }

    @Test
    void theParametersSheetChangesTheMapOnlyOnApply(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        javafx.scene.control.Button button = robot.from(stage.getScene().getRoot()).lookup(".ll-parameters")
                .queryAs(javafx.scene.control.Button.class);
        assertTrue(button.isDisabled(), "PCA has no parameters");
        double width = button.getWidth();
        robot.interact(() -> map.settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP)));
        robot.interact(() -> { });
        assertEquals(width, button.getWidth(), 0.5, "as wide for every method: the row never moves");
        assertTrue(button.getText().startsWith("15 neighbours · min-dist 0.1 · seed 42"), button.getText());
        robot.clickOn(button);
        org.controlsfx.control.PropertySheet sheet = robot.lookup(".property-sheet").queryAs(org.controlsfx.control.PropertySheet.class);
        List<String> names = sheet.getItems().stream().map(org.controlsfx.control.PropertySheet.Item::getName).toList();
        assertEquals(List.of("Engine", "Neighbours", "Min-dist", "Epochs", "Seed"), names);
        MapSpec before = map.settingsProperty().get();
        robot.interact(() -> sheet.getItems().get(4).setValue(7));
        assertEquals(before, map.settingsProperty().get(), "a draft until Apply");
        robot.interact(() -> sheet.getItems().get(1).setValue(1));
        robot.clickOn(robot.lookup(".button").match(n -> "Apply".equals(((javafx.scene.control.Button) n).getText()))
                .queryAs(javafx.scene.control.Button.class));
        assertEquals(before, map.settingsProperty().get(), "1 neighbour is refused");
        assertTrue(robot.lookup(".label").match(n -> "Neighbours are between 2 and 200".equals(((javafx.scene.control.Label) n).getText()))
                .tryQuery().isPresent(), "and the sheet says why");
        robot.interact(() -> sheet.getItems().get(1).setValue(12));
        robot.clickOn(robot.lookup(".button").match(n -> "Apply".equals(((javafx.scene.control.Button) n).getText()))
                .queryAs(javafx.scene.control.Button.class));
        assertEquals(12, map.settingsProperty().get().neighbours());
        assertEquals(7, map.settingsProperty().get().seed());
        robot.interact(vm::cancel);
        await(vm::isSettled, 60);
    }

    @Test
    void tsneAnimatesThenSettlesAndTheSameSeedGivesTheSamePicture(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        List<MapScene> frames = new ArrayList<>();
        robot.interact(() -> map.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                frames.add(s);
            }
        }));
        MapSpec tsne = MapSpec.DEFAULT.withMethod(Method.TSNE).withSeed(5).withIterations(400); // 40 partial layouts, as long as needed
        robot.interact(() -> map.settingsProperty().set(tsne));
        await(() -> vm.isSettled() && map.atlasProperty().get() != null
                && map.atlasProperty().get().map().method().startsWith("t-SNE"), 120);
        assertTrue(frames.size() >= 5, "partial layouts shown while converging: " + frames.size());
        float[] first = map.atlasProperty().get().map().axis(0).clone();
        robot.interact(() -> map.settingsProperty().set(MapSpec.DEFAULT));
        await(() -> vm.isSettled() && map.atlasProperty().get().map().method().startsWith("PCA"), 60);
        robot.interact(() -> map.settingsProperty().set(tsne));
        await(() -> vm.isSettled() && map.atlasProperty().get().map().method().startsWith("t-SNE"), 60);
        assertArrayEquals(first, map.atlasProperty().get().map().axis(0));
    }

    @Test
    void aStoppedTsneGoesBackToTheLastMapAndTheToolbarNeverMovesThePlot(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        MapCanvas c = canvas(robot);
        double top = c.localToScene(0, 0).getY();
        String pcaNote = map.noteProperty().get();
        assertTrue(pcaNote.contains("PCA") && pcaNote.contains("Trustworthiness"), pcaNote);
        javafx.scene.control.ToggleButton pause = robot.from(stage.getScene().getRoot()).lookup(".toggle-button")
                .match(n -> "Pause".equals(((javafx.scene.control.ToggleButton) n).getText())).queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(!pause.isVisible(), "no Pause while nothing runs");

        // Held at its first partial layout, so it is still running when stopped.
        robot.interact(() -> {
            map.sceneProperty().addListener((o, a, now) -> {
                if (now != null && now.title().contains("t-SNE") && map.convergingProperty().get()) {
                    map.jobs().pausedProperty().set(true);
                }
            });
            map.settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.TSNE).withSeed(5));
        });
        await(() -> map.sceneProperty().get() != null && map.sceneProperty().get().title().contains("t-SNE"), 60);
        robot.interact(() -> { });
        assertTrue(map.sceneProperty().get().title().endsWith("· converging"), map.sceneProperty().get().title());
        assertTrue(!map.noteProperty().get().contains("Trustworthiness") && map.noteProperty().get().contains("converging"),
                "no numbers of the last map under a moving one: " + map.noteProperty().get());
        assertTrue(pause.isVisible());
        assertEquals(top, c.localToScene(0, 0).getY(), 0.5, "the toolbar keeps its height for t-SNE");

        robot.interact(vm::cancel);
        await(() -> vm.isSettled() && map.sceneProperty().get() != null && map.sceneProperty().get().title().contains("PCA"), 60);
        robot.interact(() -> { });
        assertEquals(Method.PCA, map.settingsProperty().get().method(), "the controls say what is shown");
        assertEquals(pcaNote, map.noteProperty().get());
        assertTrue(!pause.isVisible(), "no Pause once stopped");
        assertEquals(top, c.localToScene(0, 0).getY(), 0.5);

        robot.interact(() -> map.settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP)));
        robot.interact(() -> { });
        assertEquals(top, c.localToScene(0, 0).getY(), 0.5, "nor for UMAP");
        robot.interact(vm::cancel);
        await(vm::isSettled, 60);
    }

    @Test
    void conceptAxisRenameAndColourModes(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        MapViewModel map = vm.map();
        robot.interact(() -> map.addConceptAxis(0, 1));
        assertEquals(4, map.axes().size());
        assertTrue(map.axes().get(3).name().contains(" -> "));
        assertTrue(map.showAxesProperty().get());
        assertEquals(4, map.sceneProperty().get().arrows().size());
        robot.interact(() -> map.renameRegion(0, "loops"));
        assertEquals("loops", map.regions().get(0).name());
        assertTrue(map.sceneProperty().get().regions().stream().anyMatch(r -> r.name().equals("loops")));
        robot.interact(() -> map.colourProperty().set(ColourMode.CORRECT));
        assertEquals(List.of("correct", "wrong"), map.sceneProperty().get().categoryNames());
        robot.interact(() -> map.colourProperty().set(ColourMode.DENSITY));
        assertNotNull(map.sceneProperty().get().value());
        robot.interact(() -> map.colourProperty().set(ColourMode.PREDICTED));
        assertEquals("Predicted", map.sceneProperty().get().legendTitle());
    }

    @Test
    void threeDimensionsSayWhenThePlatformCannot(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        Stage stage = window.stage();
        await(vm::isSettled, 120);
        Map3DView view = robot.from(stage.getScene().getRoot()).lookup(".ll-map3d").queryAs(Map3DView.class);
        robot.interact(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withDims(3)));
        await(() -> vm.isSettled() && vm.map().projectionProperty().get() != null
                && vm.map().projectionProperty().get().dimensions() == 3, 60);
        assertTrue(view.isVisible());
        if (Map3DView.supported()) {
            assertEquals(1797 * 8, view.triangles());
        } else {
            assertTrue(view.getChildren().getFirst() instanceof javafx.scene.control.Label label
                    && label.getText().contains("SCENE3D"), "says why there is no 3D");
        }
    }

    /** Where point i is on screen, by the canvas's own fit rule (equal scale, 8% margin, centred). */
    private static Point2D screenPoint(MapCanvas c, MapScene s, int i) {
        Bounds b = c.localToScreen(c.getBoundsInLocal());
        MapFrame f = MapFrame.fit(s.x(), s.y(), 72, 40, c.getWidth() - 170, c.getHeight() - 52);
        return new Point2D(b.getMinX() + f.sx(s.x()[i]), b.getMinY() + f.sy(s.y()[i]));
    }
}

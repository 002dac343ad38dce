package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.Provenance;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Method;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.testfx.api.FxRobot;

/**
 * A lesson started while the map shows UMAP and the journey's maps are still being made by
 * t-SNE: it must finish (it used to stay at "setting up" for good), and what is exported after it
 * must say what is drawn (it used to record the controls' PCA for a UMAP picture).
 */
class LessonProvenanceTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_AUTOENCODER);

    @Test
    void aLessonOverRunningTsneMapsFinishesAndItsExportsSayWhatIsDrawn(FxRobot robot, @TempDir Path dir) throws Exception {
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
        await(vm::isSettled, 120);
        // Short runs (300 UMAP epochs, then 300 t-SNE iterations for the journey's maps): what is checked is what they say, not how well they converge.
        robot.interact(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP).withSeed(3).withIterations(300)));
        await(() -> vm.isSettled() && vm.map().atlasProperty().get() != null
                && vm.map().atlasProperty().get().spec().method() == Method.UMAP, 120);
        robot.interact(() -> {
            vm.journey().methodProperty().set(Method.TSNE);
            vm.navigate(Page.JOURNEY);
        });
        Lesson lesson = LessonReader.shipped(ResourceRoot.classpath()).stream().filter(l -> l.title().startsWith("Where meaning"))
                .findFirst().orElseThrow();
        LessonPlayer player = view.lessons();
        robot.interact(() -> {
            view.startLesson(lesson);
            player.go(5);
        });
        await(() -> !player.workingProperty().get(), 300);
        assertEquals("", onFx(() -> player.messageProperty().get()), "the lesson's step 6 finished");
        assertEquals(5, (int) onFx(() -> player.stepProperty().get()));

        // The map: the lesson chose PCA, and the map, its control and its sidecar all say PCA.
        Path map = dir.resolve("map.png");
        onFx(() -> view.exporter().png(ExportTarget.MAP, 1, map));
        JsonObject side = JsonParser.parseString(Files.readString(Provenance.sidecarOf(map))).getAsJsonObject();
        String drawn = onFx(() -> vm.map().projectionProperty().get().method());
        assertTrue(drawn.startsWith("PCA"), drawn);
        assertEquals(Method.PCA, onFx(() -> vm.map().settingsProperty().get().method()), "the control says what is drawn");
        assertEquals("pca", side.get("method").getAsString());
        assertEquals("pca", side.getAsJsonObject("map").get("method").getAsString());
        assertEquals("bottleneck", side.get("layer").getAsString());

        // The journey: its layer maps are the lesson's PCA ones (the t-SNE ones were superseded), and steering is recorded.
        Path journey = dir.resolve("journey.png");
        onFx(() -> view.exporter().png(ExportTarget.JOURNEY, 1, journey));
        JsonObject js = JsonParser.parseString(Files.readString(Provenance.sidecarOf(journey))).getAsJsonObject();
        String layerMaps = onFx(() -> vm.journey().atlasesProperty().get().getFirst().map().method());
        assertTrue(layerMaps.startsWith("PCA"), layerMaps);
        JsonObject section = js.getAsJsonObject("journey");
        assertEquals("pca", section.getAsJsonObject("layer_maps").get("method").getAsString());
        assertEquals(3, section.getAsJsonObject("layer_maps").get("seed").getAsLong(), "the map page's seed");
        assertEquals("point 3", section.get("query").getAsString());
        assertEquals("PC1", section.getAsJsonObject("steering").get("axis").getAsString());
        assertEquals("pca", js.get("method").getAsString());
    }
}

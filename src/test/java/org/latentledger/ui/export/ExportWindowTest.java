package org.latentledger.ui.export;

import org.latentledger.view.Page;
import org.latentledger.view.FrameArea;
import org.latentledger.view.Sweep;
import org.latentledger.view.ExportTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.assertThrowsOnFx;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.AnimatedGif;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.Theme;
import org.testfx.api.FxRobot;

/**
 * Exports from the real window, headless: a panel at 2x is twice the size of 1x and rendered,
 * not blank; the sidecar names the model's real hash; the journey GIF has a frame per layer;
 * the dark theme reaches the plots.
 */
class ExportWindowTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    /** Distinct colours in the image. */
    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Share of pixels in the middle half of the image that differ from its corner (the paper). */
    private static double inked(BufferedImage img) {
        int paper = img.getRGB(1, 1);
        int inked = 0;
        int all = 0;
        for (int y = img.getHeight() / 4; y < img.getHeight() * 3 / 4; y++) {
            for (int x = img.getWidth() / 4; x < img.getWidth() * 3 / 4; x++) {
                all++;
                inked += img.getRGB(x, y) != paper ? 1 : 0;
            }
        }
        return (double) inked / all;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void panelsExportCrispWithTheirProvenanceAndTheJourneyAsAGif(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
        await(vm::isSettled, 120);
        Exporter ex = view.exporter();
        Path one = dir.resolve("map-1x.png");
        Path two = dir.resolve("map-2x.png");
        BufferedImage a = onFx(() -> ex.png(ExportTarget.MAP, 1, one));
        BufferedImage b = onFx(() -> ex.png(ExportTarget.MAP, 2, two));
        assertEquals(2 * a.getWidth(), b.getWidth(), 1);
        assertEquals(2 * a.getHeight(), b.getHeight(), 1);
        BufferedImage written = ImageIO.read(two.toFile());
        assertEquals(b.getWidth(), written.getWidth());
        assertTrue(colours(written) > 40, "points, regions and text in many colours: " + colours(written));
        assertTrue(inked(written) > 0.05, "the plot area has content: " + inked(written));

        // The sidecar's model hash is the SHA-256 of the model file's bytes, counted here independently.
        byte[] zip = ResourceRoot.classpath().read("sample-models/digits-mlp.zip");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        var side = JsonParser.parseString(Files.readString(dir.resolve("map-2x.png.json"))).getAsJsonObject();
        assertEquals(sha, side.get("model_sha256").getAsString());
        assertEquals("map", side.get("view").getAsString());
        assertEquals(2.0, side.get("scale").getAsDouble());
        assertEquals(b.getWidth(), side.get("width").getAsInt());
        assertEquals(onFx(() -> vm.selectedLayerProperty().get().name()), side.get("layer").getAsString());

        // The map as Embedding-Projector TSV: one row of coordinates per point, metadata beside it.
        Path vectors = dir.resolve("vectors.tsv");
        Path meta = onFx(() -> ex.mapTsv(vectors));
        List<String> coords = Files.readAllLines(vectors);
        int points = onFx(() -> vm.datasetProperty().get().size());
        assertEquals(points, coords.size());
        assertEquals(2, coords.getFirst().split("\t").length, "2D coordinates");
        assertEquals(points + 1, Files.readAllLines(meta).size(), "a header and a row per point");

        // The whole window at 1x is the scene's size.
        BufferedImage window = onFx(() -> ex.image(ExportTarget.WINDOW, 1));
        assertEquals(1280, window.getWidth());
        assertEquals(800, window.getHeight());
        assertTrue(rootCause(assertThrowsOnFx(Exception.class, () -> ex.image(ExportTarget.MAP3D, 1))).getMessage()
                .contains("3D view is not shown"));
        assertTrue(rootCause(assertThrowsOnFx(Exception.class, () -> {
            ex.frontierCsv(dir.resolve("f.csv"));
            return null;
        })).getMessage().contains("compute the frontier first"));

        // The ledger's heatmaps at 2x.
        robot.interact(() -> vm.navigate(Page.LEDGER));
        await(() -> vm.ledger().ledgerProperty().get() != null, 60);
        BufferedImage ledger = onFx(() -> ex.png(ExportTarget.LEDGER, 2, dir.resolve("ledger.png")));
        assertTrue(colours(ledger) > 40, "viridis cells and text: " + colours(ledger));
        onFx(() -> {
            ex.ledgerCsv(dir.resolve("ledger.csv"));
            return null;
        });
        List<String> rows = Files.readAllLines(dir.resolve("ledger.csv"));
        assertEquals(1 + 4 + 1, rows.size(), "header, four layers, total");

        // The journey: one GIF frame per layer.
        robot.interact(() -> vm.navigate(Page.JOURNEY));
        await(ex::journeyReady, 120);
        List<BufferedImage> frames = onFx(() -> ex.frames(Sweep.LAYERS, 0, 1, FrameArea.MAPS));
        List<BufferedImage> pages = onFx(() -> ex.frames(Sweep.LAYERS, 0, 1, FrameArea.PAGE));
        // The maps-and-route frame holds the large map and route but not the controls: smaller than the page, and
        // as tall as the three parts it stacks.
        double mapHeight = onFx(() -> view.lookup("#journey-map").getLayoutBounds().getHeight());
        double routeHeight = onFx(() -> view.lookup("#route").getLayoutBounds().getHeight());
        double minisHeight = onFx(() -> view.lookup("#journey-minis").getLayoutBounds().getHeight());
        double pageHeight = onFx(() -> view.lookup(".ll-journey").getLayoutBounds().getHeight());
        // A short page has its mini-maps in a column beside the large map, and the frame keeps them there.
        boolean column = onFx(() -> view.lookup("#journey-minis") instanceof javafx.scene.layout.VBox);
        assertEquals(pageHeight < 760, column, "a column on a short page only (" + pageHeight + " px)");
        double stacked = column ? Math.max(Math.round(minisHeight), Math.round(mapHeight)) + Math.round(routeHeight) + 3 * 8
                : Math.round(mapHeight) + Math.round(routeHeight) + Math.round(minisHeight) + 4 * 8;
        assertEquals(stacked, frames.get(0).getHeight(), 3.0);
        assertTrue(frames.get(0).getHeight() < pages.get(0).getHeight(), frames.get(0).getHeight() + " vs " + pages.get(0).getHeight());
        assertEquals(pages.size(), frames.size());
        int layers = onFx(() -> vm.journey().atlasesProperty().get().size());
        assertEquals(4, layers);
        assertEquals(layers, frames.size());
        Path gif = dir.resolve("journey.gif");
        onFx(() -> {
            ex.gif(frames, Sweep.LAYERS, FrameArea.MAPS, 1, gif);
            return null;
        });
        assertEquals(layers, AnimatedGif.frameCount(gif));
        assertTrue(Files.exists(dir.resolve("journey.gif.json")));
        assertTrue(frames.get(0).getRGB(frames.get(0).getWidth() / 2, frames.get(0).getHeight() / 2)
                != 0 || colours(frames.get(0)) > 40);

        // The dark theme reaches the plots: the map's paper turns dark.
        robot.interact(() -> {
            vm.appearance().themeProperty().set(Theme.DARK);
            vm.navigate(Page.MAP);
        });
        BufferedImage dark = onFx(() -> ex.image(ExportTarget.MAP, 1));
        int paper = dark.getRGB(3, 3);
        double luminance = (0.2126 * (paper >> 16 & 255) + 0.7152 * (paper >> 8 & 255) + 0.0722 * (paper & 255)) / 255;
        assertTrue(luminance < 0.2, "dark paper: " + Integer.toHexString(paper));
        robot.interact(() -> vm.appearance().themeProperty().set(Theme.LIGHT));
    }
}

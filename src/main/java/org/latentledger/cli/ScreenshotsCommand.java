package org.latentledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.PngWriter;
import org.latentledger.model.SampleModel;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.ui.Screenshots;
import org.latentledger.ui.ShotRequest;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = {"Regenerates every image in screenshots/: one per view, the dark theme, presentation mode, exports at 2x, "
                + "and the lesson steps worth showing. Headless by default; with --display it renders on the machine's "
                + "display (under xvfb-run too), which the 3D map needs."})
final class ScreenshotsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out-dir", defaultValue = "screenshots", description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--only", description = "Only the shots whose file name contains this text.")
    String only;

    @Option(names = "--display", description = "Render on the display (GTK) instead of the headless screen; needed for the 3D map.")
    boolean display;

    @Option(names = "--list", description = "List the shots and exit.")
    boolean list;

    /** One picture: its file, what it shows, and how it is made. */
    private record Shot(String file, String what, Capture capture) {
    }

    @FunctionalInterface
    private interface Capture {
        Screenshots.Result take() throws Exception;
    }

    private static ShotRequest window(SampleModel sample, Page page, Method method, int dims, boolean axes, String policy,
                                      boolean frontier, Theme theme, boolean presentation, ExportTarget target, double scale, int query) {
        ShotRequest.Shown shown = new ShotRequest.Shown(target, page, method, Engine.OURS, dims, 42, axes, null, query, null,
                policy == null ? null : SparsityPolicy.parse(policy), frontier);
        return new ShotRequest(ShotRequest.Open.sample(ResourceRoot.classpath(), sample), shown,
                new ShotRequest.Look(1440, 900, scale, theme, presentation), Duration.ofMinutes(10));
    }

    private static List<Shot> shots() {
        List<Shot> s = new ArrayList<>();
        s.add(new Shot("main-window.png", "the window on the bundled digits model, PCA map of its last hidden layer",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("main-window-dark.png", "the same in the dark theme",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.DARK, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("map-umap-digits-axes.png", "UMAP of the digits model's last hidden layer with its principal axes",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.MAP, Method.UMAP, 2, true, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("map-tsne-fashion-cnn.png", "t-SNE of the Fashion-MNIST CNN's dense layer",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_CNN, Page.MAP, Method.TSNE, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("map-3d-umap-digits.png", "UMAP in 3D (needs --display: 3D is not available headless)",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.MAP, Method.UMAP, 3, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("digits-autoencoder.png", "the digits autoencoder's bottleneck",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_AUTOENCODER, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("fashion-cnn.png", "the Fashion-MNIST CNN",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_CNN, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("journey-digits-autoencoder.png", "a digit's journey through the autoencoder, decoded",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_AUTOENCODER, Page.JOURNEY, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, 3))));
        s.add(new Shot("journey-fashion-cnn-umap.png", "a Fashion-MNIST image's journey through the CNN's UMAP maps",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_CNN, Page.JOURNEY, Method.UMAP, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, 0))));
        s.add(new Shot("ledger-digits-topk.png", "the ledger: top-k 10% against dense, with the frontier and its knee",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.LEDGER, Method.PCA, 2, false, "topk:0.1", true,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, 3))));
        s.add(new Shot("ledger-fashion-mlp-routed.png", "latent routing (rank 32) on the Fashion-MNIST MLP, dark theme",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_MLP, Page.LEDGER, Method.PCA, 2, false, "routed:32:0.52", false,
                        Theme.DARK, false, ExportTarget.WINDOW, 1, 0))));
        s.add(new Shot("presentation-journey.png", "presentation mode: larger type and marks, no menus",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.JOURNEY, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, true, ExportTarget.WINDOW, 1, 3))));
        s.add(new Shot("export-map-digits@2x.png", "Export > Map as PNG at 2x (text and points drawn at 2x, not upscaled)",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.MAP, Method.UMAP, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.MAP, 2, -1))));
        s.add(new Shot("export-frontier-digits.png", "Export > Frontier as PNG",
                () -> Screenshots.captureMainWindow(window(SampleModel.DIGITS_MLP, Page.LEDGER, Method.PCA, 2, false, "topk:0.1", true,
                        Theme.LIGHT, false, ExportTarget.FRONTIER, 2, 3))));
        s.add(new Shot("lesson-knee.png", "the lesson \"Computing almost nothing and still being right\" at the frontier's knee",
                () -> Screenshots.captureLesson(window(SampleModel.DIGITS_MLP, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1), "Computing almost nothing", 5)));
        s.add(new Shot("lesson-economical.png", "the lesson \"Computing almost nothing\": the economical model's frontier beside the original's",
                () -> Screenshots.captureLesson(window(SampleModel.DIGITS_MLP, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1), "Computing almost nothing", 6)));
        s.add(new Shot("lesson-steering.png", "the lesson \"Where meaning lives\" steering the autoencoder's bottleneck",
                () -> Screenshots.captureLesson(window(SampleModel.DIGITS_AUTOENCODER, Page.MAP, Method.PCA, 2, false, null, false,
                        Theme.LIGHT, false, ExportTarget.WINDOW, 1, -1), "Where meaning lives", 5)));
        s.add(new Shot("lesson-autumn-leaves.png", "the lesson \"Autumn leaves\" moving along the phrase axis and decoding",
                () -> Screenshots.captureLesson(window(SampleModel.CONCEPTS, Page.MAP, Method.PCA, 2, false, null, false, Theme.LIGHT, false,
                        ExportTarget.WINDOW, 1, -1), "Autumn leaves", 3)));
        s.add(new Shot("journey-concepts-text.png", "a sentence's journey through the model of words, decoded to words",
                () -> {
                    ShotRequest r = window(SampleModel.CONCEPTS, Page.JOURNEY, Method.PCA, 2, false, null, false, Theme.LIGHT, false,
                            ExportTarget.WINDOW, 1, -1);
                    ShotRequest.Shown sh = r.shown();
                    return Screenshots.captureMainWindow(r.with(new ShotRequest.Shown(sh.target(), sh.page(), sh.method(), sh.engine(),
                            sh.dims(), sh.seed(), sh.axes(), sh.layerMaps(), sh.query(), "maple oak tree leaves forest", sh.policy(),
                            sh.frontier())));
                }));
        s.add(new Shot("frontier-fashion-mlp-economical.png", "Export > Frontier of fashion-mlp-economical beside fashion-mlp's (top-k)",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_MLP_ECONOMICAL, Page.LEDGER, Method.PCA, 2, false, "topk:0.1",
                        true, Theme.LIGHT, false, ExportTarget.FRONTIER, 2, 3))));
        s.add(new Shot("ledger-fashion-mlp-economical.png", "the ledger of fashion-mlp-economical: k-WTA and pruned weights, natural zeros",
                () -> Screenshots.captureMainWindow(window(SampleModel.FASHION_MLP_ECONOMICAL, Page.LEDGER, Method.PCA, 2, false, "natural",
                        false, Theme.DARK, false, ExportTarget.WINDOW, 1, 3))));
        s.add(new Shot("map-concepts-umap.png", "the map of meaning: 4,000 WordNet synsets at the latent layer of concepts, by category (UMAP)",
                () -> Screenshots.captureMainWindow(window(SampleModel.CONCEPTS, Page.MAP, Method.UMAP, 2, false, null, false, Theme.LIGHT,
                        false, ExportTarget.WINDOW, 1, -1))));
        s.add(new Shot("ledger-concepts-text.png", "the ledger of a typed sentence on concepts: natural zeros, dark theme",
                () -> {
                    ShotRequest r = window(SampleModel.CONCEPTS, Page.LEDGER, Method.PCA, 2, false, "natural", false, Theme.DARK, false,
                            ExportTarget.WINDOW, 1, -1);
                    ShotRequest.Shown sh = r.shown();
                    return Screenshots.captureMainWindow(r.with(new ShotRequest.Shown(sh.target(), sh.page(), sh.method(), sh.engine(),
                            sh.dims(), sh.seed(), sh.axes(), sh.layerMaps(), sh.query(), "why do leaves change colour in autumn",
                            sh.policy(), sh.frontier())));
                }));
        return s;
    }

    @Override
    public Integer call() throws Exception {
        List<Shot> todo = shots().stream().filter(s -> only == null || s.file().contains(only)).toList();
        if (list) {
            todo.forEach(s -> System.out.printf("%-34s %s%n", s.file(), s.what()));
            return 0;
        }
        Screenshots.useDisplay(display);
        int failed = 0;
        for (Shot s : todo) {
            if (s.file().startsWith("map-3d") && !display) {
                System.out.println("Skipped " + s.file() + ": 3D needs --display (e.g. under xvfb-run)");
                continue;
            }
            long t0 = System.nanoTime();
            try {
                Screenshots.Result r = s.capture().take();
                PngWriter.write(r.image(), outDir.resolve(s.file()));
                System.out.printf("Wrote %s (%d x %d, %.1f s)%s%n", outDir.resolve(s.file()), r.image().getWidth(), r.image().getHeight(),
                        (System.nanoTime() - t0) / 1e9, r.problem() == null ? "" : "  [the window reported: " + r.problem() + "]");
                failed += r.problem() == null ? 0 : 1;
            } catch (Exception e) {
                if (Screenshots.cannotRender(e)) {
                    System.err.println("Could not make " + s.file() + ": " + e.getMessage() + ". No images were made.");
                    return 2;
                }
                failed++;
                // An exception without a message (a timeout, a null) still says what it was.
                System.err.println("Could not make " + s.file() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                if (spec.commandLine().getParseResult().hasMatchedOption("--debug")) {
                    e.printStackTrace();
                }
            }
        }
        return failed == 0 ? 0 : 2;
    }
}

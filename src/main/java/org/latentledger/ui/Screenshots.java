package org.latentledger.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.map.MapCanvas;
import org.latentledger.ui.map.MapSettings;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.shell.Problem;

/**
 * The narrow entry point through which the headless {@code shot} command reaches the UI: it
 * starts JavaFX on Monocle's headless platform (no display needed), opens the real main window
 * on a bundled model, waits until the map is drawn and returns a snapshot rendered at the
 * requested scale. No JavaFX type crosses this boundary.
 */
public final class Screenshots {

    /**
     * @param files where the bundled models and data are read from
     * @param layer layer name to show, or null for the default layer
     * @param modelFile a model file to open instead of the sample, or null
     * @param dataFile  a data file or folder to open (with the sample's model if no model file), or null
     */
    public record Request(ResourceRoot files, SampleModel sample, String layer, int width, int height, double scale,
                          Duration timeout, Path modelFile, Path dataFile, String method, int dims, long seed, boolean axes,
                          String view, int query, String policy, boolean frontier) {

        public Request(ResourceRoot files, SampleModel sample, String layer, int width, int height, double scale, Duration timeout) {
            this(files, sample, layer, width, height, scale, timeout, null, null, "pca", 2, 42, false, "window", -1, null, false);
        }
    }

    /** What was captured, and the problem the window reported, if any (the shot is taken anyway). */
    public record Result(BufferedImage image, String problem) {
    }

    private Screenshots() {
    }

    public static Result captureMainWindow(Request r) throws Exception {
        startHeadless(r.width(), r.height());
        long deadline = System.nanoTime() + r.timeout().toNanos();
        Stage stage = onFx(Stage::new);
        MainViewModel vm = onFx(() -> {
            MainViewModel model = new MainViewModel(r.files(), AppExecutor.shared());
            stage.setScene(LatentLedgerApp.createScene(model, false, r.width(), r.height()));
            MapSettings.Method method = switch (r.method()) {
                case "tsne" -> MapSettings.Method.TSNE;
                case "umap" -> MapSettings.Method.UMAP;
                default -> MapSettings.Method.PCA;
            };
            MapSettings d = MapSettings.DEFAULT;
            model.map().settingsProperty().set(new MapSettings(method, r.dims(), d.perplexity(), d.neighbours(), d.minDist(), r.seed()));
            model.map().showAxesProperty().set(r.axes());
            stage.show();
            if (r.modelFile() == null && r.dataFile() == null) {
                model.openSample(r.sample());
            } else if (r.modelFile() == null) {
                model.openSample(r.sample());
            } else {
                model.open(r.modelFile(), r.dataFile());
            }
            return model;
        });
        try {
            awaitSettled(vm, deadline);
            if (r.modelFile() == null && r.dataFile() != null) {
                onFx(() -> {
                    vm.openData(r.dataFile());
                    return null;
                });
                awaitSettled(vm, deadline);
            }
            if (r.layer() != null) {
                selectLayer(vm, r);
                awaitSettled(vm, deadline);
            }
            if ("journey".equals(r.view())) {
                onFx(() -> {
                    if (r.query() >= 0) {
                        vm.journey().pointProperty().set(r.query());
                    }
                    vm.journey().methodProperty().set(vm.map().settingsProperty().get().method());
                    ((org.latentledger.ui.shell.MainView) stage.getScene().getRoot()).showJourney();
                    return null;
                });
                long journeyDeadline = deadline;
                while (!onFx(() -> !vm.busyProperty().get() && vm.journey().journeyProperty().get() != null)) {
                    if (System.nanoTime() > journeyDeadline) {
                        throw new TimeoutException("the journey did not finish in time");
                    }
                    Thread.sleep(100);
                }
                onFx(() -> {
                    if (r.layer() != null) {
                        vm.journey().currentLayerProperty().set(vm.journey().atlasesProperty().get().size() - 1);
                    }
                    return null;
                });
            }
            if ("ledger".equals(r.view())) {
                onFx(() -> {
                    if (r.query() >= 0) {
                        vm.journey().pointProperty().set(r.query());
                    }
                    if (r.policy() != null) {
                        vm.ledger().apply(org.latentledger.economy.SparsityPolicy.parse(r.policy()));
                    }
                    ((org.latentledger.ui.shell.MainView) stage.getScene().getRoot()).showLedger();
                    if (r.frontier()) {
                        vm.ledger().computeFrontier();
                    }
                    return null;
                });
                while (!onFx(() -> !vm.busyProperty().get() && vm.ledger().ledgerProperty().get() != null
                        && (!r.frontier() || vm.ledger().frontierProperty().get() != null))) {
                    if (System.nanoTime() > deadline) {
                        throw new TimeoutException("the ledger did not finish in time");
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(400); // the measured times appear once the slider has settled
                onFx(() -> null);
            }
            BufferedImage image = onFx(() -> snapshot(stage.getScene(), r.scale()));
            Problem p = onFx(() -> vm.problemProperty().get());
            return new Result(image, p == null ? null : p.title() + ": " + p.message());
        } finally {
            onFx(() -> {
                vm.cancel();
                stage.hide();
                return null;
            });
        }
    }

    /** Selects the layer named, or numbered (0-based), as every command's --layer takes it. */
    private static void selectLayer(MainViewModel vm, Request r) throws Exception {
        String problem = onFx(() -> {
            if (vm.modelProperty().get() == null) {
                return "no model is open";
            }
            try {
                LayerInfo wanted = vm.modelProperty().get().layer(r.layer());
                vm.selectedLayerProperty().set(vm.layers().get(wanted.index()));
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Times the map canvas drawing {@code points} seeded points (ten Gaussian blobs, ten classes),
     * headless, with regions off: the whole draw (raster, axes, legend) of each repeat, in ms.
     */
    public static double[] drawBenchmark(int points, int width, int height, int repeats) throws Exception {
        startHeadless(width, height);
        return onFx(() -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            float[] x = new float[points];
            float[] y = new float[points];
            int[] c = new int[points];
            String[] labels = new String[points];
            for (int i = 0; i < points; i++) {
                c[i] = i % 10;
                x[i] = (float) (Math.cos(c[i]) * 10 + r.nextGaussian());
                y[i] = (float) (Math.sin(c[i]) * 10 + r.nextGaussian());
                labels[i] = Integer.toString(c[i]);
            }
            java.util.List<String> names = java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList();
            java.util.List<javafx.scene.paint.Color> colours = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(k -> org.latentledger.ui.map.Palette.category(k, 10)).toList();
            org.latentledger.ui.map.MapScene scene = new org.latentledger.ui.map.MapScene("benchmark", "x", "y", x, y, c, names, colours,
                    null, "", "Label", java.util.List.of(), labels, null, null, java.util.List.of(), java.util.List.of());
            MapCanvas canvas = new MapCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(canvas), width, height));
            stage.show();
            canvas.mapSceneProperty().set(scene);
            canvas.applyCss();
            canvas.resize(width, height);
            double[] ms = new double[repeats];
            for (int k = 0; k < repeats; k++) {
                canvas.redrawNow();
                ms[k] = canvas.lastDrawMillis();
            }
            if (canvas.drawnPoints() != points) {
                throw new IllegalStateException("drew " + canvas.drawnPoints() + " of " + points + " points");
            }
            stage.hide();
            return ms;
        });
    }

    /**
     * Slider latency of the ledger page: the FX-thread time from setting the slider to the sparse
     * pass, costs, verdict and both heatmaps redrawn (the pulse's composition is not included).
     * Medians in milliseconds, one per bundled model asked for.
     */
    public static double ledgerLatency(SampleModel sample, int moves) throws Exception {
        startHeadless(1280, 800);
        Stage stage = onFx(Stage::new);
        MainViewModel vm = onFx(() -> {
            MainViewModel model = new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared());
            stage.setScene(LatentLedgerApp.createScene(model, false, 1280, 800));
            stage.show();
            model.openSample(sample);
            return model;
        });
        try {
            awaitSettled(vm, System.nanoTime() + Duration.ofMinutes(3).toNanos());
            onFx(() -> {
                ((org.latentledger.ui.shell.MainView) stage.getScene().getRoot()).showLedger();
                vm.ledger().kindProperty().set(org.latentledger.ui.ledger.LedgerViewModel.Kind.TOPK);
                return null;
            });
            double[] ms = onFx(() -> {
                double[] t = new double[moves];
                for (int k = 0; k < moves + 10; k++) {
                    double level = 0.02 + 0.9 * ((k * 37) % 100) / 100.0;
                    long t0 = System.nanoTime();
                    vm.ledger().levelProperty().set(level);
                    stage.getScene().getRoot().layout();
                    if (k >= 10) {
                        t[k - 10] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                return t;
            });
            java.util.Arrays.sort(ms);
            return ms[ms.length / 2];
        } finally {
            onFx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    /** Renders a scene at {@code scale}: canvases are redrawn oversampled, text is laid out at that scale. */
    public static BufferedImage snapshot(Scene scene, double scale) {
        javafx.scene.Parent root = scene.getRoot();
        for (Node n : root.lookupAll("." + MapCanvas.STYLE_CLASS)) {
            ((MapCanvas) n).setOversample(scale);
        }
        root.applyCss();
        root.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage img = root.snapshot(params, null);
        for (Node n : root.lookupAll("." + MapCanvas.STYLE_CLASS)) {
            ((MapCanvas) n).setOversample(1);
        }
        return toBufferedImage(img);
    }

    static BufferedImage toBufferedImage(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = img.getPixelReader();
        reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static void awaitSettled(MainViewModel vm, long deadline) throws Exception {
        while (!onFx(vm::isSettled)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the window did not finish loading in time (status: " + onFx(() -> vm.statusProperty().get()) + ")");
            }
            Thread.sleep(100);
        }
        // One more pulse so the canvas has drawn what the view model now holds.
        onFx(() -> null);
    }

    private static synchronized void startHeadless(int width, int height) throws InterruptedException {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            // Started by someone else in this JVM (a test harness): use it as it is.
            ready.complete(null);
        }
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start headless", e);
        }
        started = true;
    }

    private static boolean started;

    static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}

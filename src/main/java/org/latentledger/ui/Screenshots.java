package org.latentledger.ui;

import org.latentledger.economy.PolicyKind;
import org.latentledger.view.Sweep;
import org.latentledger.projection.Method;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.map.MapSettings;
import org.latentledger.export.Provenance;
import org.latentledger.view.ExportTarget;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.export.NodeImages;
import org.latentledger.ui.shell.MainView;
import org.latentledger.view.Theme;
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
     * What was captured, its provenance, and the problem the window reported, if any (the shot is
     * taken anyway).
     */
    public record Result(BufferedImage image, Provenance provenance, String problem) {
    }

    /** An animation captured headless: its frames, how long each is shown, and its provenance. */
    public record Animation(List<BufferedImage> frames, int frameMillis, double renderSeconds, Provenance provenance, String problem) {
    }

    private Screenshots() {
    }

    public static Result captureMainWindow(ShotRequest r) throws Exception {
        return withWindow(r, (stage, vm) -> {
            ExportTarget target = r.shown().target();
            BufferedImage image = onFx(() -> target == ExportTarget.WINDOW ? NodeImages.render(stage.getScene().getRoot(), r.look().scale())
                    : view(stage).exporter().image(target, r.look().scale()));
            Provenance p = onFx(() -> vm.provenance().withImage(target.cliName(), r.look().scale(), image.getWidth(), image.getHeight()));
            return new Result(image, p, problem(vm));
        });
    }

    /**
     * The journey's frames headless: one per layer ({@code layers}), or {@code steps} of a sweep
     * ({@code interpolation}, {@code steering}).
     */
    public static Animation captureJourney(ShotRequest r, Sweep sweep, int steps) throws Exception {
        return withWindow(r, (stage, vm) -> {
            onFx(() -> {
                prepareSweep(vm, sweep, r.shown().query());
                return null;
            });
            long t0 = System.nanoTime();
            List<BufferedImage> frames = onFx(() -> view(stage).exporter().frames(sweep, steps, r.look().scale()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Provenance p = onFx(() -> vm.provenance().withImage("journey-gif:" + sweep.name().toLowerCase(java.util.Locale.ROOT), r.look().scale(),
                    frames.getFirst().getWidth(), frames.getFirst().getHeight()));
            return new Animation(frames, sweep == Sweep.LAYERS ? Exporter.FRAME_MS : Exporter.SWEEP_FRAME_MS, seconds, p,
                    problem(vm));
        });
    }

    /**
     * Interpolation runs from the query to the first later point with another label; steering
     * moves along the first axis of the middle layer.
     */
    private static void prepareSweep(MainViewModel vm, Sweep sweep, int query) {
        var j = vm.journey();
        if (sweep == Sweep.INTERPOLATION && j.data() != null) {
            int a = Math.max(0, query);
            int[] labels = j.data().labels();
            int b = (a + 1) % j.data().size();
            for (int i = 1; labels != null && i < labels.length; i++) {
                int k = (a + i) % labels.length;
                if (labels[k] != labels[a]) {
                    b = k;
                    break;
                }
            }
            j.pointAProperty().set(a);
            j.pointBProperty().set(b);
        } else if (sweep == Sweep.STEERING) {
            int middle = j.atlasesProperty().get().size() / 2;
            j.steerLayerProperty().set(middle);
            var axes = j.atlasesProperty().get().get(middle).axes();
            j.steerAxisProperty().set(axes.isEmpty() ? null : axes.getFirst());
        }
    }

    /**
     * The whole window with a shipped lesson shown at a step (0-based): the lesson's actions up to
     * that step applied, its panel at the right. Lessons are found by a part of their title.
     */
    public static Result captureLesson(ShotRequest r, String lessonTitle, int step) throws Exception {
        org.latentledger.ui.tour.Lesson lesson = org.latentledger.ui.tour.LessonReader.shipped(r.open().files()).stream()
                .filter(l -> l.title().toLowerCase(java.util.Locale.ROOT).contains(lessonTitle.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no shipped lesson's title contains '" + lessonTitle + "'"));
        long deadline = System.nanoTime() + r.timeout().toNanos();
        return withWindow(r, (stage, vm) -> {
            MainView view = view(stage);
            onFx(() -> {
                view.startLesson(lesson);
                view.lessons().go(step);
                return null;
            });
            while (onFx(() -> view.lessons().workingProperty().get())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the lesson's step did not finish in time");
                }
                Thread.sleep(100);
            }
            String failed = onFx(() -> view.lessons().messageProperty().get());
            if (!failed.isEmpty()) {
                throw new IllegalStateException(failed);
            }
            Thread.sleep(400);
            BufferedImage image = onFx(() -> NodeImages.render(stage.getScene().getRoot(), r.look().scale()));
            Provenance p = onFx(() -> vm.provenance().withImage("lesson", r.look().scale(), image.getWidth(), image.getHeight()));
            onFx(() -> {
                view.closeLesson();
                return null;
            });
            return new Result(image, p, problem(vm));
        });
    }

    /**
     * Render on the machine's display (GTK, with 3D where the graphics allow) instead of
     * Monocle's headless screen; call before the first capture.
     */
    public static synchronized void useDisplay(boolean display) {
        onDisplay = display;
    }

    private static boolean onDisplay;

    /** True when 3D scenes can be rendered (never on the headless screen). */
    public static boolean supports3D() throws Exception {
        return onFx(() -> javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D));
    }

    @FunctionalInterface
    private interface WindowWork<T> {
        T run(Stage stage, MainViewModel vm) throws Exception;
    }

    private static MainView view(Stage stage) {
        return (MainView) stage.getScene().getRoot();
    }

    private static String problem(MainViewModel vm) throws Exception {
        Problem p = onFx(() -> vm.problemProperty().get());
        return p == null ? null : p.title() + ": " + p.message();
    }

    /** Opens the real main window headless as the request says, brings it to rest, and runs the work on it. */
    private static <T> T withWindow(ShotRequest r, WindowWork<T> work) throws Exception {
        startHeadless(r.look().width(), r.look().height());
        long deadline = System.nanoTime() + r.timeout().toNanos();
        ExportTarget target = r.shown().target();
        Stage stage = onFx(Stage::new);
        MainViewModel vm = onFx(() -> {
            MainViewModel model = new MainViewModel(r.open().files(), AppExecutor.shared());
            model.appearance().themeProperty().set(r.look().theme());
            stage.setScene(LatentLedgerApp.createScene(model, false, r.look().width(), r.look().height()));
            Method method = r.shown().method();
            MapSettings d = MapSettings.DEFAULT;
            int dims = target == ExportTarget.MAP3D ? 3 : r.shown().dims();
            model.map().settingsProperty().set(new MapSettings(method, dims, d.perplexity(), d.neighbours(), d.minDist(), r.shown().seed()));
            model.map().showAxesProperty().set(r.shown().axes());
            stage.show();
            // Presentation mode without full screen: the headless screen is the size asked for.
            model.appearance().presentationProperty().set(r.look().presentation());
            if (r.open().modelFile() == null) {
                model.openSample(r.open().sample());
            } else {
                model.open(r.open().modelFile(), r.open().dataFile());
            }
            return model;
        });
        try {
            awaitSettled(vm, deadline);
            if (r.open().modelFile() == null && r.open().dataFile() != null) {
                onFx(() -> {
                    vm.openData(r.open().dataFile());
                    return null;
                });
                awaitSettled(vm, deadline);
            }
            if (r.open().layer() != null) {
                selectLayer(vm, r);
                awaitSettled(vm, deadline);
            }
            switch (r.shown().shownPage()) {
                case JOURNEY -> showJourney(stage, vm, r, deadline);
                case LEDGER -> showLedger(stage, vm, r, target == ExportTarget.FRONTIER || r.shown().frontier(), deadline);
                case MAP -> { }
            }
            return work.run(stage, vm);
        } finally {
            onFx(() -> {
                vm.cancel();
                vm.appearance().presentationProperty().set(false);
                stage.hide();
                return null;
            });
        }
    }

    private static void showJourney(Stage stage, MainViewModel vm, ShotRequest r, long deadline) throws Exception {
        onFx(() -> {
            if (r.shown().query() >= 0) {
                vm.journey().pointProperty().set(r.shown().query());
            }
            vm.journey().methodProperty().set(r.shown().journeyMaps());
            view(stage).showJourney();
            return null;
        });
        while (!onFx(() -> !vm.busyProperty().get() && vm.journey().journeyProperty().get() != null)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the journey did not finish in time");
            }
            Thread.sleep(100);
        }
        onFx(() -> {
            // The layer asked for, or the one before the output (the output's own map is mostly its classes' corners).
            var atlases = vm.journey().atlasesProperty().get();
            int shown = Math.max(0, atlases.size() - 2);
            for (int l = 0; l < atlases.size(); l++) {
                if (vm.selectedLayerProperty().get() != null && r.open().layer() != null
                        && atlases.get(l).layer().name().equals(vm.selectedLayerProperty().get().name())) {
                    shown = l;
                }
            }
            vm.journey().currentLayerProperty().set(Math.max(0, shown));
            return null;
        });
    }

    private static void showLedger(Stage stage, MainViewModel vm, ShotRequest r, boolean frontier, long deadline) throws Exception {
        onFx(() -> {
            if (r.shown().query() >= 0) {
                vm.journey().pointProperty().set(r.shown().query());
            }
            if (r.shown().policy() != null) {
                vm.ledger().apply(r.shown().policy());
            }
            view(stage).showLedger();
            if (frontier) {
                vm.ledger().computeFrontier();
            }
            return null;
        });
        while (!onFx(() -> !vm.busyProperty().get() && vm.ledger().ledgerProperty().get() != null
                && (!frontier || vm.ledger().frontierProperty().get() != null))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the ledger did not finish in time");
            }
            Thread.sleep(100);
        }
        Thread.sleep(400); // the measured times appear once the slider has settled
        onFx(() -> null);
    }

    /** Selects the layer named, or numbered (0-based), as every command's --layer takes it. */
    private static void selectLayer(MainViewModel vm, ShotRequest r) throws Exception {
        String problem = onFx(() -> {
            if (vm.modelProperty().get() == null) {
                return "no model is open";
            }
            try {
                LayerInfo wanted = vm.modelProperty().get().layer(r.open().layer());
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
                    .mapToObj(k -> org.latentledger.ui.plot.Palette.category(k, 10)).toList();
            org.latentledger.ui.plot.MapScene scene = new org.latentledger.ui.plot.MapScene("benchmark", "x", "y", x, y, c, names, colours,
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
                vm.ledger().kindProperty().set(org.latentledger.economy.PolicyKind.TOPK);
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
        return NodeImages.render(scene.getRoot(), scale);
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
        if (!onDisplay) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", Math.max(width, 1600) + "x" + Math.max(height, 1000) + "-32");
        } else if (System.getProperty("prism.forceGPU") == null) {
            // Software OpenGL (Mesa under Xvfb) is refused by default, which would leave 3D unsupported.
            System.setProperty("prism.forceGPU", "true");
        }
        System.setProperty("java.awt.headless", "true");
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

package org.latentledger.ui.bench;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.HeadlessFx;
import org.latentledger.ui.LatentLedgerApp;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.plot.MapScene;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.Page;

/**
 * The benchmarks that must run on the JavaFX thread (drawing the map, the ledger's slider), for
 * {@code bench --map-draw} and {@code bench --ledger-latency}: the measuring half lives here, next to
 * what it measures; the {@code bench} package reports.
 */
public final class FxBenchmarks {

    private FxBenchmarks() {
    }

    /** The draws' times (ms), whether they drew density, and the median time to find the point under the mouse (µs). */
    public record Draws(double[] millis, boolean density, double pickMicros) {
    }

    /**
     * Times the map canvas drawing {@code points} seeded points (ten Gaussian blobs, ten classes),
     * headless, with regions off: the whole draw (raster, axes, legend) of each repeat, in ms; then
     * 1,000 mouse moves over the plot, each finding the point under it. Writes the last drawing to
     * {@code png} when given.
     */
    public static Draws drawBenchmark(int points, int width, int height, int repeats, java.nio.file.Path png) throws Exception {
        HeadlessFx.start(width, height);
        return HeadlessFx.onFx(() -> {
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
                    null, "", "Label", java.util.List.of(), java.util.List.of(), labels, null, null, java.util.List.of(), java.util.List.of(), null);
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
            boolean density = canvas.drewDensity();
            if (png != null) {
                try {
                    org.latentledger.export.PngWriter.write(org.latentledger.ui.export.NodeImages.toBufferedImage(canvas.snapshot(null, null)), png);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            double[] pick = new double[1000];
            for (int k = 0; k < pick.length; k++) {
                double mx = width * (0.1 + 0.6 * r.nextDouble());
                double my = height * (0.1 + 0.8 * r.nextDouble());
                javafx.scene.input.MouseEvent move = new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED, mx, my, mx, my,
                        javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null);
                long t0 = System.nanoTime();
                canvas.getOnMouseMoved().handle(move);
                pick[k] = (System.nanoTime() - t0) / 1e3;
            }
            java.util.Arrays.sort(pick);
            stage.hide();
            return new Draws(ms, density, pick[pick.length / 2]);
        });
    }

    /**
     * Slider latency of the ledger page: the FX-thread time from setting the slider to the sparse
     * pass, costs, verdict and both heatmaps redrawn (the pulse's composition is not included).
     * Medians in milliseconds, one per bundled model asked for.
     */
    public static double ledgerLatency(SampleModel sample, int moves) throws Exception {
        HeadlessFx.start(1280, 800);
        Stage stage = HeadlessFx.onFx(Stage::new);
        MainViewModel vm = HeadlessFx.onFx(() -> {
            MainViewModel model = new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared());
            stage.setScene(LatentLedgerApp.createScene(model, false, 1280, 800));
            stage.show();
            model.openSample(sample);
            return model;
        });
        try {
            HeadlessFx.awaitSettled(vm, System.nanoTime() + Duration.ofMinutes(3).toNanos());
            HeadlessFx.onFx(() -> {
                vm.navigate(Page.LEDGER);
                vm.ledger().kindProperty().set(org.latentledger.economy.PolicyKind.TOPK);
                return null;
            });
            double[] ms = HeadlessFx.onFx(() -> {
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
            HeadlessFx.onFx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    /** What {@link #launch} measured: seconds from {@code main} to the first drawn map, and whether that map was remembered from an earlier opening. */
    public record Launch(double seconds, boolean remembered) {
    }

    /**
     * What a fresh launch does, in this JVM (meant to be a new process): the native warm-up and the
     * headless window started as the app starts them, then {@code sample} opened and its map drawn.
     * Measures the seconds from {@code main} to the first drawn map, and whether it was a layout
     * remembered from an earlier opening (drawn before the forward pass).
     */
    public static Launch launch(SampleModel sample, long mainNanos) throws Exception {
        org.latentledger.economy.NativeWarmup.start(sample);
        // As the app starts: the sample is asked for before the window is built.
        BenchWindow window = BenchWindow.open("ll-bench-launch", sample);
        if (Boolean.getBoolean("ll.bench.trace")) {
            System.err.printf(java.util.Locale.ROOT, "window shown %.2f s%n", (System.nanoTime() - mainNanos) / 1e9);
            HeadlessFx.onFx(() -> {
                window.vm().statusProperty().addListener((o, a, b) -> System.err.printf(java.util.Locale.ROOT, "%.2f s %s%n",
                        (System.nanoTime() - mainNanos) / 1e9, b));
                return null;
            });
        }
        awaitFirstDraw(window.stage(), window.vm(), sample, null);
        double seconds = (System.nanoTime() - mainNanos) / 1e9;
        boolean remembered = HeadlessFx.onFx(() -> {
            MapCanvas canvas = (MapCanvas) window.stage().getScene().lookup("#map");
            var r = window.vm().map().rememberedProperty().get();
            return r != null && canvas.drawnScene() == window.vm().map().sceneProperty().get();
        });
        if (Boolean.getBoolean("ll.bench.trace")) {
            System.err.printf(java.util.Locale.ROOT, "%.2f s first map drawn%s%n", seconds, remembered ? " (remembered)" : "");
        }
        if (Boolean.getBoolean("ll.bench.trace")) {
            // What follows the first map, traced to the end of the opening (the map made afresh, the ledger prepared).
            HeadlessFx.awaitSettled(window.vm(), System.nanoTime() + Duration.ofMinutes(3).toNanos());
            System.err.printf(java.util.Locale.ROOT, "%.2f s settled%n", (System.nanoTime() - mainNanos) / 1e9);
        }
        window.close();
        return new Launch(seconds, remembered);
    }

    /**
     * Waits until the map canvas has drawn points of {@code sample}'s opening (it draws on the pulse
     * after a layout arrives), a scene other than {@code before}: the first drawn map, remembered
     * or the pass's own, before the regions, axes and trustworthiness that follow it.
     */
    private static void awaitFirstDraw(Stage stage, MainViewModel vm, SampleModel sample, MapScene before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!HeadlessFx.onFx(() -> {
            MapCanvas canvas = (MapCanvas) stage.getScene().lookup("#map");
            // Another model's map (the one open before) does not count: this opening's remembered one or its own.
            boolean ofSample = vm.map().rememberedProperty().get() != null
                    || vm.modelProperty().get() != null && vm.modelProperty().get().name().equals(sample.fileName());
            MapScene drawn = canvas.drawnScene();
            return ofSample && canvas.drawnPoints() > 0 && drawn != null && drawn != before && drawn == vm.map().sceneProperty().get();
        })) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("the map of " + sample.fileName() + " drew no points in 3 minutes");
            }
            Thread.sleep(2);
        }
    }

    /**
     * Seconds from asking a running window to open a bundled model ({@code openSample}, as File >
     * Open sample does) to its first map drawn. The window is as a person has it when they choose
     * another model: started on a bundled sample (digits-mlp, or the autoencoder when digits-mlp is
     * the one measured), settled, the native warm-up over. The first opening is this model's first
     * on the machine (a fresh cache folder: its layout is computed); the rest reopen it, the first
     * map the layout the first one drew (remembered, decision 0021).
     */
    public static double[] openToMap(SampleModel sample, int repeats) throws Exception {
        SampleModel start = sample == SampleModel.DIGITS_MLP ? SampleModel.DIGITS_AUTOENCODER : SampleModel.DIGITS_MLP;
        org.latentledger.economy.NativeWarmup.start(start);
        BenchWindow window = BenchWindow.open("ll-bench-open", start);
        HeadlessFx.awaitSettled(window.vm(), System.nanoTime() + Duration.ofMinutes(3).toNanos());
        org.latentledger.economy.NativeWarmup.opened();
        org.latentledger.economy.NativeWarmup.await(60_000);
        Stage stage = window.stage();
        MainViewModel vm = window.vm();
        double[] seconds = new double[repeats];
        try {
            for (int k = 0; k < repeats; k++) {
                // Chosen with the window's model open, as a person does: its map stands until this opening draws one.
                MapScene before = HeadlessFx.onFx(() -> ((MapCanvas) stage.getScene().lookup("#map")).drawnScene());
                long t0 = System.nanoTime();
                javafx.beans.value.ChangeListener<String> trace = (o, a, b) -> System.err.printf(java.util.Locale.ROOT, "%.2f s %s%n",
                        (System.nanoTime() - t0) / 1e9, b);
                HeadlessFx.onFx(() -> {
                    if (Boolean.getBoolean("ll.bench.trace")) {
                        vm.statusProperty().addListener(trace);
                    }
                    vm.openSample(sample);
                    return null;
                });
                awaitFirstDraw(stage, vm, sample, before);
                seconds[k] = (System.nanoTime() - t0) / 1e9;
                HeadlessFx.onFx(() -> {
                    vm.statusProperty().removeListener(trace);
                    return null;
                });
                // What follows the map (regions, axes, trustworthiness) ends before the next opening.
                HeadlessFx.awaitSettled(vm, System.nanoTime() + Duration.ofMinutes(3).toNanos());
            }
            return seconds;
        } finally {
            HeadlessFx.onFx(() -> {
                stage.hide();
                return null;
            });
        }
    }
}

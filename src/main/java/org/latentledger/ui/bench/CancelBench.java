package org.latentledger.ui.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentledger.atlas.MapSpec;
import org.latentledger.economy.Economizer;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Method;
import org.latentledger.ui.HeadlessFx;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.view.FrameArea;
import org.latentledger.view.Page;
import org.latentledger.view.Sweep;

/**
 * How long each kind of long job takes to stop once cancelled (Esc, Cancel), for {@code bench
 * --cancel}: each is started on the real window headless, left to run, cancelled, and timed from
 * the cancel to the window being idle again. A job that finished before it could be cancelled is
 * said to have, with no time.
 */
public final class CancelBench {

    /**
     * @param kind     what was cancelled
     * @param cancelMs from the cancel to the window idle, or NaN when the job had already finished
     * @param ranMs    how long it ran before the cancel
     * @param ended    whether it ended (within a minute of the cancel)
     */
    public record Result(String kind, double cancelMs, double ranMs, boolean ended) {
    }

    private CancelBench() {
    }

    /**
     * @param sample the model whose data the jobs work on (fashion-cnn makes every job long)
     * @param runMs  how long each job runs before it is cancelled
     */
    public static List<Result> run(SampleModel sample, long runMs) throws Exception {
        Path scratch = Files.createTempDirectory("ll-bench-cancel-out");
        BenchWindow window = BenchWindow.open("ll-bench-cancel");
        MainViewModel vm = window.vm();
        HeadlessFx.onFx(() -> {
            vm.openSample(sample);
            return null;
        });
        List<Result> out = new ArrayList<>();
        try {
            HeadlessFx.awaitSettled(vm, System.nanoTime() + Duration.ofMinutes(5).toNanos());
            SampleModel other = sample == SampleModel.FASHION_CNN ? SampleModel.FASHION_MLP : SampleModel.FASHION_CNN;
            out.add(measure(window, "open (reading the model, its forward pass over the data)", runMs, () -> vm.openSample(other)));
            out.add(measure(window, "map t-SNE", runMs, () -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.TSNE).withSeed(11))));
            out.add(measure(window, "map UMAP", runMs, () -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP).withSeed(12))));
            out.add(measure(window, "journey layer maps (t-SNE)", runMs, () -> {
                vm.navigate(Page.JOURNEY);
                vm.journey().methodProperty().set(Method.TSNE);
            }));
            out.add(measure(window, "ledger frontier", runMs, () -> {
                vm.navigate(Page.LEDGER);
                vm.ledger().computeFrontier();
            }));
            out.add(measure(window, "economize (fine-tuning a copy)", runMs,
                    () -> vm.economize(Economizer.Plan.parse("kwta:0.1", 3, 1), scratch.resolve("economized.zip"))));
            List<BufferedImage> frames = noise(120, 640, 400);
            out.add(measure(window, "export (GIF encoding)", runMs, () -> vm.jobs().run(Lane.EXPORT, "Writing a GIF", (progress, partial) -> {
                Exporter.writeGif(frames, Sweep.LAYERS, FrameArea.MAPS, 1, scratch.resolve("bench.gif"), null, progress);
                return "written";
            }, null, done -> { }, error -> { })));
            return out;
        } finally {
            window.close();
        }
    }

    private static Result measure(BenchWindow window, String kind, long runMs, Runnable start) throws Exception {
        MainViewModel vm = window.vm();
        window.awaitIdle();
        long began = System.nanoTime();
        HeadlessFx.onFx(() -> {
            start.run();
            return null;
        });
        Thread.sleep(runMs);
        if (!HeadlessFx.onFx(() -> vm.busyProperty().get())) {
            return new Result(kind, Double.NaN, (System.nanoTime() - began) / 1e6, true);
        }
        long t0 = System.nanoTime();
        HeadlessFx.onFx(() -> {
            vm.cancel();
            return null;
        });
        long deadline = t0 + Duration.ofMinutes(1).toNanos();
        boolean ended = false;
        while (System.nanoTime() < deadline) {
            if (!HeadlessFx.onFx(() -> vm.busyProperty().get())) {
                ended = true;
                break;
            }
            Thread.sleep(2);
        }
        return new Result(kind, (System.nanoTime() - t0) / 1e6, (t0 - began) / 1e6, ended);
    }

    private static List<BufferedImage> noise(int count, int w, int h) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, r.nextInt(1 << 24));
                }
            }
            frames.add(img);
        }
        return frames;
    }
}

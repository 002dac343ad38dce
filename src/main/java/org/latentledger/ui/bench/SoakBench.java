package org.latentledger.ui.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Method;
import org.latentledger.ui.HeadlessFx;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.tour.Lesson;
import org.latentledger.ui.tour.LessonReader;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;

/**
 * Hours without a leak, for {@code bench --soak MINUTES}: the real window, headless, driven
 * through a scripted session over and over (every bundled model opened, every page, every
 * projection method, steering, policies, the frontier, exports, a lesson, theme and presentation
 * switched, every other long job cancelled half-way) while a sampler records, each minute, the
 * heap after a full GC, the process's resident memory (ND4J keeps its arrays off the heap), the
 * live threads and the longest the FX thread was kept from a 50 ms heartbeat.
 */
public final class SoakBench {

    /** One minute of the soak: heap after GC (MB), live threads, longest FX stall (ms), and rounds of the script finished so far. */
    public record Minute(int minute, double heapMb, double rssMb, int threads, double longestStallMs, int rounds) {
    }

    /** The process's resident memory (heap, ND4J's off-heap arrays, natives, code), from /proc; NaN where there is none. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1e3;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the heap alone is reported
        }
        return Double.NaN;
    }

    private SoakBench() {
    }

    /**
     * @param minutes how long to drive the window
     * @param each    called with every minute's sample as it is taken (progress for the terminal)
     */
    public static List<Minute> run(double minutes, Consumer<Minute> each) throws Exception {
        Path out = Files.createTempDirectory("ll-soak-out");
        BenchWindow window = BenchWindow.open("ll-soak");
        MainViewModel vm = window.vm();
        Stage stage = window.stage();
        HeadlessFx.onFx(() -> {
            ((MainView) stage.getScene().getRoot()).presentInWindow();
            return null;
        });
        List<Lesson> lessons = LessonReader.shipped(ResourceRoot.classpath());
        // The heartbeat: every 50 ms a no-op is posted to the FX thread; how late it runs is how long the thread was busy.
        AtomicLong longest = new AtomicLong();
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> longest.accumulateAndGet(System.nanoTime() - posted, Math::max));
        }, 50, 50, TimeUnit.MILLISECONDS);
        List<Minute> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextSample = start + 60_000_000_000L;
        int rounds = 0;
        int step = 0;
        try {
            samples.add(sample(0, longest, rounds));
            each.accept(samples.getLast());
            List<Runnable> script = script(vm, stage, lessons, out);
            while (System.nanoTime() < end) {
                Runnable action = script.get(step % script.size());
                HeadlessFx.onFx(() -> {
                    action.run();
                    return null;
                });
                // Every other long job is cancelled half-way; the rest run to the end.
                if (step % 2 == 1) {
                    Thread.sleep(300);
                    HeadlessFx.onFx(() -> {
                        vm.cancel();
                        return null;
                    });
                }
                Thread.sleep(30);
                window.awaitIdle();
                step++;
                if (step % script.size() == 0) {
                    rounds++;
                }
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample((int) Math.round((System.nanoTime() - start) / 60e9), longest, rounds));
                    each.accept(samples.getLast());
                    nextSample += 60_000_000_000L;
                }
            }
            return samples;
        } finally {
            beat.shutdownNow();
            window.close();
        }
    }

    /** What the script does, one action at a time: each on the FX thread, the window left to go idle after it. */
    private static List<Runnable> script(MainViewModel vm, Stage stage, List<Lesson> lessons, Path out) {
        MainView view = (MainView) stage.getScene().getRoot();
        List<Runnable> s = new ArrayList<>();
        int[] seed = {1};
        for (SampleModel m : SampleModel.values()) {
            s.add(() -> vm.openSample(m));
            s.add(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.TSNE).withSeed(seed[0]++)));
            s.add(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP).withSeed(seed[0]++)));
            s.add(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT));
            s.add(() -> {
                vm.navigate(Page.JOURNEY);
                vm.journey().pointProperty().set(seed[0] % 50);
            });
            s.add(() -> vm.journey().alphaProperty().set(vm.journey().steerSpread() * ((seed[0]++ % 5) - 2)));
            s.add(() -> {
                vm.navigate(Page.LEDGER);
                vm.ledger().apply(SparsityPolicy.parse(seed[0]++ % 2 == 0 ? "topk:0.1" : "natural"));
            });
            s.add(() -> vm.ledger().computeFrontier());
            s.add(() -> {
                for (ExportTarget t : List.of(ExportTarget.MAP, ExportTarget.JOURNEY, ExportTarget.LEDGER)) {
                    view.exporter().image(t, 1);
                }
                vm.navigate(Page.MAP);
            });
        }
        s.add(() -> vm.openSample(SampleModel.DIGITS_MLP));
        s.add(() -> view.startLesson(lessons.get(seed[0]++ % lessons.size())));
        for (int k = 0; k < 4; k++) {
            s.add(() -> view.lessons().next());
        }
        s.add(view::closeLesson);
        s.add(() -> vm.appearance().themeProperty().set(vm.appearance().themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        s.add(() -> vm.appearance().presentationProperty().set(!vm.appearance().presentationProperty().get()));
        return s;
    }

    private static Minute sample(int minute, AtomicLong longest, int rounds) {
        System.gc();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        double stall = longest.getAndSet(0) / 1e6;
        return new Minute(minute, heap.getUsed() / 1e6, rssMb(), threads, stall, rounds);
    }

    /** The least-squares slope of the heap over the minutes, MB per minute. */
    public static double heapSlope(List<Minute> ms) {
        double n = ms.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Minute m : ms) {
            sx += m.minute();
            sy += m.heapMb();
            sxx += (double) m.minute() * m.minute();
            sxy += m.minute() * m.heapMb();
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }
}

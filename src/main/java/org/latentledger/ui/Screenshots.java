package org.latentledger.ui;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import org.latentledger.export.Provenance;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.export.NodeImages;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.tour.Lesson;
import org.latentledger.ui.tour.LessonPreview;
import org.latentledger.ui.tour.LessonReader;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Sweep;

/**
 * The narrow entry point through which the headless {@code shot}, {@code export-gif}, {@code lesson} and
 * {@code screenshots} commands reach the UI: it opens the real main window headless (no display
 * needed) as a {@link ShotRequest} says, waits until it has settled, and returns what it drew
 * rendered at the requested scale, with the provenance of what was drawn. No JavaFX type crosses
 * this boundary.
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

    /** The window or one of its panels, as the request says. */
    public static Result captureMainWindow(ShotRequest r) throws Exception {
        return ShotWindow.with(r, (stage, vm) -> {
            ExportTarget target = r.shown().target();
            if (target == ExportTarget.WINDOW && r.shown().dims() == 3 && r.shown().shownPage() == org.latentledger.view.Page.MAP
                    && !HeadlessFx.supports3D()) {
                throw new IllegalStateException(org.latentledger.ui.map.Map3DView.UNSUPPORTED);
            }
            double scale = r.look().scale();
            BufferedImage image = HeadlessFx.onFx(() -> target == ExportTarget.WINDOW ? NodeImages.render(stage.getScene().getRoot(), scale)
                    : ShotWindow.view(stage).exporter().image(target, scale));
            Provenance p = HeadlessFx.onFx(() -> vm.provenance(target).withImage(target.cliName(), scale, image.getWidth(), image.getHeight()));
            return new Result(image, p, ShotWindow.problem(vm));
        });
    }

    /**
     * The journey's frames headless: one per layer ({@code layers}), or {@code steps} of a sweep
     * ({@code interpolation}, {@code steering}).
     */
    public static Animation captureJourney(ShotRequest r, Sweep sweep, int steps, org.latentledger.view.FrameArea area) throws Exception {
        return ShotWindow.with(r, (stage, vm) -> {
            HeadlessFx.onFx(() -> {
                prepareSweep(vm, sweep, r.shown().query());
                return null;
            });
            long t0 = System.nanoTime();
            double scale = r.look().scale();
            List<BufferedImage> frames = HeadlessFx.onFx(() -> ShotWindow.view(stage).exporter().frames(sweep, steps, scale, area));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Provenance p = HeadlessFx.onFx(() -> vm.provenance(ExportTarget.JOURNEY).withImage("journey-gif:" + sweep.cliName() + ":" + area.cliName(), scale,
                    frames.getFirst().getWidth(), frames.getFirst().getHeight()));
            return new Animation(frames, sweep == Sweep.LAYERS ? Exporter.FRAME_MS : Exporter.SWEEP_FRAME_MS, seconds, p,
                    ShotWindow.problem(vm));
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
        Lesson lesson = LessonReader.shipped(r.open().files()).stream()
                .filter(l -> l.title().toLowerCase(Locale.ROOT).contains(lessonTitle.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no shipped lesson's title contains '" + lessonTitle + "'"));
        long deadline = System.nanoTime() + r.timeout().toNanos();
        return ShotWindow.with(r, (stage, vm) -> {
            MainView view = ShotWindow.view(stage);
            java.util.concurrent.CompletableFuture<String> played = new java.util.concurrent.CompletableFuture<>();
            HeadlessFx.onFx(() -> {
                view.lessons().workingProperty().addListener((o, was, working) -> {
                    if (!working) {
                        played.complete(view.lessons().messageProperty().get());
                    }
                });
                view.startLesson(lesson);
                view.lessons().go(step);
                return null;
            });
            String failed = played.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (!failed.isEmpty()) {
                throw new IllegalStateException(failed);
            }
            HeadlessFx.awaitSettled(vm, deadline);
            BufferedImage image = HeadlessFx.onFx(() -> NodeImages.render(stage.getScene().getRoot(), r.look().scale()));
            Provenance p = HeadlessFx.onFx(() -> vm.provenance().withImage("lesson", r.look().scale(), image.getWidth(), image.getHeight()));
            HeadlessFx.onFx(() -> {
                view.closeLesson();
                return null;
            });
            return new Result(image, p, ShotWindow.problem(vm));
        });
    }

    /** A lesson as the {@code lesson} command finds it: its title, where it was read from, and its steps' titles. */
    public record LessonInfo(String title, String source, List<String> steps) {
    }

    /** One step of a lesson played headless: its number (1-based), title, picture and provenance (null without pictures), seconds taken. */
    public record LessonStep(int step, int steps, String title, BufferedImage image, Provenance provenance, double seconds) {
    }

    /** Receives each step of a lesson played headless, the one that did not finish too. */
    @FunctionalInterface
    public interface LessonSteps {
        void step(LessonStep step) throws Exception;
    }

    /** How far a lesson played headless got: {@code failure} is null when every step finished, else names the step and why. */
    public record LessonOutcome(int finished, int steps, String failure) {
    }

    /** The shipped lessons' names (their files without .json), in order. */
    public static List<String> shippedLessons(org.latentledger.data.ResourceRoot root) throws java.io.IOException {
        return LessonReader.shippedNames(root);
    }

    /** A shipped lesson by name, or a lesson file; refused with the shipped lessons' names, or with what is wrong in the file. */
    public static LessonInfo lesson(org.latentledger.data.ResourceRoot root, String ref) throws java.io.IOException {
        Lesson l = LessonReader.find(root, ref);
        return new LessonInfo(l.title(), l.source(), l.steps().stream().map(Lesson.Step::title).toList());
    }

    /**
     * Plays a lesson (a shipped one's name, or a lesson file) from its first step to its last on
     * the real window headless, as Next shows each step; the window opens on the lesson's first
     * sample, looks as the request says, and makes the journey's layer maps by the request's
     * {@code layerMaps} (null: as the lesson says). Each step may take the request's timeout.
     *
     * @param pictures render each step (the whole window, at the request's scale) with its provenance
     */
    public static LessonOutcome playLesson(ShotRequest r, String ref, boolean pictures, LessonSteps sink) throws Exception {
        Lesson lesson = LessonReader.find(r.open().files(), ref);
        // The window opens on the lesson's first sample, so that the step opening it finds it open.
        int opens = 0;
        String sample = null;
        search:
        for (int k = 0; k < lesson.steps().size(); k++) {
            for (var a : lesson.steps().get(k).actions()) {
                if (a instanceof org.latentledger.ui.tour.LessonAction.Open o) {
                    opens = k;
                    sample = o.sample();
                    break search;
                }
            }
        }
        org.latentledger.model.SampleModel first = sample == null ? r.open().sample()
                : org.latentledger.model.SampleModel.find(sample).orElse(r.open().sample());
        ShotRequest opening = r.with(ShotRequest.Open.sample(r.open().files(), first));
        var settings = new LessonPreview.Settings(r.shown().layerMaps(), pictures ? r.look().scale() : 0, r.timeout());
        int n = lesson.steps().size();
        try {
            return ShotWindow.with(opening, (stage, vm) -> {
                LessonPreview.Outcome o = LessonPreview.play(ShotWindow.view(stage), vm, lesson, settings,
                        shot -> sink.step(new LessonStep(shot.step(), n, shot.title(), shot.image(), shot.provenance(), shot.seconds())));
                return new LessonOutcome(o.finished(), o.steps(), o.failure());
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // Only opening the window waits outside the steps: it opens what a step of the lesson opens.
            return new LessonOutcome(0, n, String.format(java.util.Locale.ROOT, "step %d of %d (%s): opening %s for it: %s", opens + 1, n,
                    lesson.steps().get(opens).title(), first.fileName(), e.getMessage()));
        }
    }

    /** Renders on the machine's display (GTK, with 3D where the graphics allow); call before the first capture. */
    /** True when a capture failed because JavaFX cannot start in this JVM (no display, no GTK): no capture can succeed after it. */
    public static boolean cannotRender(Exception e) {
        return e instanceof HeadlessFx.StartFailure;
    }

    public static void useDisplay(boolean display) {
        HeadlessFx.useDisplay(display);
    }

    /** True when 3D scenes can be rendered (never on the headless screen). */
    public static boolean supports3D() throws Exception {
        return HeadlessFx.supports3D();
    }

    /** Renders a scene at {@code scale}: canvases are redrawn oversampled, text is laid out at that scale. */
    public static BufferedImage snapshot(Scene scene, double scale) {
        return NodeImages.render(scene.getRoot(), scale);
    }

    /** Times drawing the map ({@code bench --map-draw}); see {@link org.latentledger.ui.bench.FxBenchmarks}. */
    public static org.latentledger.ui.bench.FxBenchmarks.Draws drawBenchmark(int points, int width, int height, int repeats,
                                                                            java.nio.file.Path png) throws Exception {
        return org.latentledger.ui.bench.FxBenchmarks.drawBenchmark(points, width, height, repeats, png);
    }

    /** The ledger slider's latency ({@code bench --ledger-latency}); see {@link org.latentledger.ui.bench.FxBenchmarks}. */
    public static double ledgerLatency(org.latentledger.model.SampleModel sample, int moves) throws Exception {
        return org.latentledger.ui.bench.FxBenchmarks.ledgerLatency(sample, moves);
    }

    /** Seconds from opening a bundled model to its first map ({@code bench --open}); see {@link org.latentledger.ui.bench.FxBenchmarks}. */
    public static double[] openToMap(org.latentledger.model.SampleModel sample, int repeats) throws Exception {
        return org.latentledger.ui.bench.FxBenchmarks.openToMap(sample, repeats);
    }
}

package org.latentledger.ui.tour;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.value.ChangeListener;
import org.latentledger.export.Provenance;
import org.latentledger.projection.Method;
import org.latentledger.ui.HeadlessFx;
import org.latentledger.ui.export.NodeImages;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;

/**
 * A lesson played from its first step to its last on a window, as a teacher previews it
 * ({@code lesson} command): each step is shown as Next shows it, waited for until its actions are
 * done and the window has settled, checked (no problem, every fact of its text filled in) and,
 * if asked, rendered. The first step that does not finish ends the preview and is named. Called
 * from outside the FX thread; everything on the window runs on it.
 */
public final class LessonPreview {

    /** One step as it was shown: its number (1-based), title, picture (or null) and the provenance of that picture. */
    public record Shot(int step, String title, BufferedImage image, Provenance provenance, double seconds) {
    }

    /** Receives each step when it has finished (and the step that did not, before the preview ends). */
    @FunctionalInterface
    public interface Sink {
        void step(Shot shot) throws Exception;
    }

    /**
     * How far the lesson got.
     *
     * @param finished the steps that finished
     * @param failure  null when every step finished, else what stopped which step ("step 4 of 8 (One query's journey): ...")
     */
    public record Outcome(int finished, int steps, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * @param journeyMaps the journey's layer-map method, or null for the lesson's own
     * @param scale       render scale of the pictures, or 0 to render none
     * @param perStep     how long one step may take
     */
    public record Settings(Method journeyMaps, double scale, Duration perStep) {
    }

    private LessonPreview() {
    }

    /** Plays the lesson on the view; the lesson is closed after, the window stays as it left it. */
    public static Outcome play(MainView view, MainViewModel vm, Lesson lesson, Settings settings, Sink sink) throws Exception {
        LessonPlayer player = view.lessons();
        int n = lesson.steps().size();
        try {
            for (int k = 0; k < n; k++) {
                Lesson.Step step = lesson.steps().get(k);
                String where = String.format(Locale.ROOT, "step %d of %d (%s)", k + 1, n, step.title());
                long t0 = System.nanoTime();
                long deadline = t0 + settings.perStep().toNanos();
                String failure = show(view, vm, lesson, k, settings.journeyMaps(), deadline);
                if (failure == null) {
                    try {
                        HeadlessFx.awaitSettled(vm, deadline);
                    } catch (TimeoutException e) {
                        failure = e.getMessage();
                    }
                }
                if (failure == null) {
                    failure = check(vm, player);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                sink.step(capture(view, vm, lesson, k, settings, seconds));
                if (failure != null) {
                    return new Outcome(k, n, where + ": " + failure);
                }
            }
            return new Outcome(n, n, null);
        } finally {
            HeadlessFx.onFx(() -> {
                view.closeLesson();
                player.setJourneyMaps(null);
                return null;
            });
        }
    }

    /** Shows step k (starting the lesson at the first) and waits until its actions are done; null, or why they were not. */
    private static String show(MainView view, MainViewModel vm, Lesson lesson, int k, Method journeyMaps, long deadline) throws Exception {
        LessonPlayer player = view.lessons();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ChangeListener<Boolean> idle = (o, was, working) -> {
            if (!working) {
                done.complete(null);
            }
        };
        HeadlessFx.onFx(() -> {
            player.workingProperty().addListener(idle);
            if (k == 0) {
                player.setJourneyMaps(journeyMaps);
                view.startLesson(lesson);
            } else {
                player.go(k);
            }
            if (!player.workingProperty().get()) {
                done.complete(null);
            }
            return null;
        });
        try {
            done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return "its actions did not finish in time (the window's status: " + HeadlessFx.onFx(() -> vm.statusProperty().get()) + ")";
        } finally {
            HeadlessFx.onFx(() -> {
                player.workingProperty().removeListener(idle);
                return null;
            });
        }
    }

    /** What is wrong with the step shown now, or null: the lesson's message, the window's problem, a fact not filled in. */
    private static String check(MainViewModel vm, LessonPlayer player) throws Exception {
        return HeadlessFx.onFx(() -> {
            String message = player.messageProperty().get();
            if (!message.isEmpty()) {
                return message.replaceFirst("^Step \\d+ ", ""); // the step is named by the caller
            }
            var problem = vm.problemProperty().get();
            if (problem != null) {
                return "the window reported a problem: " + problem.title() + ": " + problem.message();
            }
            String text = player.textProperty().get();
            if (text.contains("{{") || text.contains("…")) {
                return "its text still has a fact not filled in: " + text;
            }
            return null;
        });
    }

    private static Shot capture(MainView view, MainViewModel vm, Lesson lesson, int k, Settings settings, double seconds) throws Exception {
        Lesson.Step step = lesson.steps().get(k);
        if (settings.scale() <= 0) {
            return new Shot(k + 1, step.title(), null, null, seconds);
        }
        return HeadlessFx.onFx(() -> {
            BufferedImage image = NodeImages.render(view, settings.scale());
            Provenance p = vm.provenance().withImage("lesson", settings.scale(), image.getWidth(), image.getHeight());
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("title", lesson.title());
            about.put("source", lesson.source());
            about.put("step", k + 1);
            about.put("steps", lesson.steps().size());
            about.put("step_title", step.title());
            about.put("journey_maps", settings.journeyMaps() == null ? "as the lesson says" : settings.journeyMaps().cliName());
            Map<String, Object> sections = new LinkedHashMap<>(p.sections());
            sections.put("lesson", about);
            Provenance withLesson = new Provenance(p.view(), p.model(), p.modelHash(), p.data(), p.dataHash(), p.layer(), p.method(),
                    p.parameters(), p.seed(), p.policy(), p.query(), sections, p.theme(), p.scale(), p.width(), p.height(), p.appVersion(),
                    p.created());
            return new Shot(k + 1, step.title(), image, withLesson, seconds);
        });
    }
}

package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.ResourceRoot;
import org.latentledger.projection.Method;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/**
 * One shipped lesson plays from its first step to its last on the real window, headless, without
 * an error: step by step as Next and Back show it with the journey's maps as the lesson makes them
 * (PCA), then as {@code lesson NAME --journey-maps M} plays it ({@link LessonPreview}) with t-SNE
 * and with UMAP journey maps, every map shown made by the method asked for (with t-SNE only when the
 * lesson shows no journey maps).
 *
 * <p>One test class per lesson (they extend this), so that the test JVMs share the lessons between
 * them rather than one JVM playing all of them while the other waits ({@link LessonsPlayTest}
 * checks that every shipped lesson has its class). For time on two cores each lesson is played
 * with the three methods one after another, so its model stays open; the projection cache is
 * fresh, so every layout is computed; no pictures are rendered (the command's own test renders
 * some); and the neighbourhoods are small and the runs short (t-SNE perplexity 5, UMAP 5
 * neighbours, 300 iterations or epochs for either: settings a user may choose, run by the same code
 * as the defaults).
 */
abstract class LessonPlayback {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.empty();

    private final String lessonName;
    private final boolean showsJourney;

    /**
     * @param lessonName   the shipped lesson's name, its file name without {@code .json}
     * @param showsJourney whether the lesson shows the journey's maps (then it must show them with each method)
     */
    LessonPlayback(String lessonName, boolean showsJourney) {
        this.lessonName = lessonName;
        this.showsJourney = showsJourney;
    }

    final String lessonName() {
        return lessonName;
    }

    @Test
    void playsStartToEndWithEachLayerMapMethod(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
        robot.interact(() -> vm.map().settingsProperty().set(MapSpec.DEFAULT.withParameters(5, 5, 0.1).withIterations(300)));
        Lesson lesson = LessonReader.find(ResourceRoot.classpath(), lessonName);
        robot.interact(() -> view.startLesson(lesson));
        LessonPlayer player = view.lessons();
        for (int k = 0; k < lesson.steps().size(); k++) {
            if (k > 0) {
                robot.interact(player::next);
            }
            final int step = k;
            await(() -> !player.workingProperty().get(), 600);
            String where = lesson.title() + ", step " + (k + 1) + " (" + lesson.steps().get(k).title() + ")";
            assertEquals("", onFx(() -> player.messageProperty().get()), where);
            assertEquals(step, (int) onFx(() -> player.stepProperty().get()), where);
            assertEquals(null, onFx(() -> vm.problemProperty().get()), where);
            String shown = onFx(() -> player.textProperty().get());
            assertTrue(!shown.contains("{{") && !shown.contains("…"), where + ": every fact computed and filled in: " + shown);
            // A step that points at a panel leaves it marked until the next step.
            boolean highlights = lesson.steps().get(k).actions().stream().anyMatch(a -> a instanceof LessonAction.Highlight);
            if (highlights) {
                assertFalse(onFx(() -> view.lookupAll("." + LessonPlayer.HIGHLIGHT).isEmpty()), where);
            }
        }
        // Back replays to the step before, and lands there.
        robot.interact(player::back);
        await(() -> !player.workingProperty().get(), 600);
        assertEquals(lesson.steps().size() - 2, (int) onFx(() -> player.stepProperty().get()));
        assertEquals("", onFx(() -> player.messageProperty().get()));
        afterPlaying(vm);
        robot.interact(view::closeLesson);
        assertTrue(onFx(() -> view.lookupAll("." + LessonPlayer.HIGHLIGHT).isEmpty()), "closing clears the highlight");
        // A lesson that shows no journey maps plays the same whatever their method: once is enough.
        for (Method method : showsJourney ? List.of(Method.TSNE, Method.UMAP) : List.of(Method.TSNE)) {
            assertEquals(showsJourney, playsWithJourneyMaps(vm, view, lesson, method),
                    lesson.title() + " with " + method.cliName() + ": journey maps shown");
        }
    }

    /** Checks that what the lesson set up is really there, with the lesson played to its second-last step. */
    void afterPlaying(MainViewModel vm) throws Exception {
    }

    /** Plays the lesson as the {@code lesson} command does; true if it showed journey maps (all of them by the method). */
    private static boolean playsWithJourneyMaps(MainViewModel vm, MainView view, Lesson lesson, Method method) throws Exception {
        List<String> wrong = new ArrayList<>();
        boolean[] shown = {false};
        LessonPreview.Outcome outcome = LessonPreview.play(view, vm, lesson, new LessonPreview.Settings(method, 0, Duration.ofMinutes(5)),
                shot -> {
                    MapSpec maps = onFx(() -> vm.journey().layerMapsSpec());
                    if (maps != null) {
                        shown[0] = true;
                        if (maps.method() != method) {
                            wrong.add("step " + shot.step() + ": " + maps.method());
                        }
                    }
                });
        String where = lesson.title() + " with " + method.cliName() + " journey maps";
        assertNull(outcome.failure(), where);
        assertEquals(lesson.steps().size(), outcome.finished(), where);
        assertEquals(List.of(), wrong, where + ": journey maps made by another method");
        assertNull(onFx(() -> view.lessons().journeyMaps()), "the preview leaves the player as it found it");
        return shown[0];
    }
}

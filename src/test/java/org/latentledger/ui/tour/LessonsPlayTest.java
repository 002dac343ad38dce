package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.latentledger.data.ResourceRoot;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.testfx.api.FxRobot;

/** Every shipped lesson plays from its first step to its last on the real window, headless, without an error. */
class LessonsPlayTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.empty();

    @Test
    void everyShippedLessonPlaysStartToEnd(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        MainView view = window.view();
        List<Lesson> lessons = LessonReader.shipped(ResourceRoot.classpath());
        assertTrue(lessons.size() >= 2, "at least the two lessons the issue asks for");
        for (Lesson lesson : lessons) {
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
            // What the lessons set up is really there: the knee chosen on the ledger, steering on the autoencoder.
            if (lesson.title().startsWith("Computing almost nothing")) {
                var frontier = onFx(() -> vm.ledger().frontierProperty().get());
                assertNotNull(frontier);
                assertEquals(frontier.knee().policy(), onFx(() -> vm.ledger().policy()), "the knee's setting is the policy");
                assertNotNull(onFx(() -> vm.ledger().comparisonProperty().get()), "the economical model's frontier beside its original's");
            } else if (lesson.title().startsWith("Where meaning lives")) {
                assertNotNull(onFx(() -> vm.journey().steeredProperty().get()), "the autoencoder was steered and decoded");
                assertTrue(onFx(() -> vm.journey().alphaProperty().get()) < 0, "the last steering step went the other way");
            }
            robot.interact(view::closeLesson);
            assertTrue(onFx(() -> view.lookupAll("." + LessonPlayer.HIGHLIGHT).isEmpty()), "closing clears the highlight");
        }
    }

    @Test
    void aBrokenLessonSaysWhereAndWhat() {
        String json = """
                {"title": "t", "steps": [{"title": "a", "text": "b", "actions": [{"do": "policy", "policy": "sometimes"}]}]}""";
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.latentledger.data.DataFormatException.class,
                () -> LessonReader.parse(json, "my-lesson.json"));
        assertTrue(e.getMessage().contains("my-lesson.json"), e.getMessage());
        assertTrue(e.getMessage().contains("step 1, action 1"), e.getMessage());
        var unknown = org.junit.jupiter.api.Assertions.assertThrows(org.latentledger.data.DataFormatException.class,
                () -> LessonReader.parse("{\"title\": \"t\", \"steps\": [{\"title\": \"a\", \"text\": \"b\", \"actions\": [{\"do\": \"fly\"}]}]}",
                        "x.json"));
        assertTrue(unknown.getMessage().contains("open, page, layer"), unknown.getMessage());
    }
}

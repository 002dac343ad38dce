package org.latentledger.ui.tour;

import java.util.List;

/**
 * A guided lesson: a title, a line saying what it teaches, and steps. Each step has a title, a
 * short text for the side panel, and the actions that bring the real window to what the text
 * talks about.
 *
 * @param source where the lesson was read from (for messages)
 */
public record Lesson(String title, String summary, List<Step> steps, String source) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** One step of a lesson. */
    public record Step(String title, String text, List<LessonAction> actions) {
        public Step {
            actions = List.copyOf(actions);
        }
    }
}

package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.ResourceRoot;

/**
 * Every shipped lesson has its play-through test ({@link LessonPlayback}: one class per lesson, so
 * the two test JVMs share them), and a broken lesson is refused with where and what.
 */
class LessonsPlayTest {

    @Test
    void everyShippedLessonHasAPlayThroughTest() throws Exception {
        List<String> played = Stream.of(new ComputingAlmostNothingLessonTest(), new WhereMeaningLivesLessonTest(), new AutumnLeavesLessonTest())
                .map(LessonPlayback::lessonName).sorted().toList();
        List<String> shipped = LessonReader.shippedNames(ResourceRoot.classpath()).stream().sorted().toList();
        assertTrue(shipped.size() >= 2, "at least the two lessons the issue asks for");
        assertEquals(shipped, played, "a LessonPlayback subclass for every lesson in " + LessonReader.INDEX);
    }

    @Test
    void aBrokenLessonSaysWhereAndWhat() {
        String json = """
                {"title": "t", "steps": [{"title": "a", "text": "b", "actions": [{"do": "policy", "policy": "sometimes"}]}]}""";
        var e = assertThrows(DataFormatException.class, () -> LessonReader.parse(json, "my-lesson.json"));
        assertTrue(e.getMessage().contains("my-lesson.json"), e.getMessage());
        assertTrue(e.getMessage().contains("step 1, action 1"), e.getMessage());
        var unknown = assertThrows(DataFormatException.class,
                () -> LessonReader.parse("{\"title\": \"t\", \"steps\": [{\"title\": \"a\", \"text\": \"b\", \"actions\": [{\"do\": \"fly\"}]}]}",
                        "x.json"));
        assertTrue(unknown.getMessage().contains("open, page, layer"), unknown.getMessage());
    }
}

package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code lesson NAME|FILE [--shots DIR] [--journey-maps METHOD]} as a teacher runs it (in
 * process): one real PNG per step with its provenance, a step that does not finish named with
 * status 2, and bad input refused with a message that names it, status 1, no stack trace.
 * Every shipped lesson with every method is {@code LessonsPlayTest}'s.
 */
class LessonCommandTest {

    @BeforeAll
    static void toolkit() throws Exception {
        // JavaFX started the way the other window tests start it, so they and this test share it.
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit(); // as the app: ND4J linked before JavaFX loads its natives
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aLessonFileIsPlayedWithOnePngPerStepAndItsProvenance(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("two-steps.json");
        Files.writeString(lesson, """
                {"title": "Two steps", "steps": [
                  {"title": "The map", "text": "The digits, mapped.", "actions": [
                    {"do": "open", "sample": "digits-mlp"}, {"do": "page", "page": "map"}, {"do": "highlight", "panel": "map"}]},
                  {"title": "One digit's journey", "text": "It answers {{answer}}.", "actions": [
                    {"do": "query", "point": 3}, {"do": "page", "page": "journey"}]}]}""");
        Path shots = dir.resolve("shots");
        CliTest.Run r = CliTest.run("lesson", lesson.toString(), "--shots", shots.toString(), "--journey-maps", "pca",
                "--width", "1200", "--height", "760");
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("All 2 steps finished"), r.out());
        Path first = shots.resolve("01-the-map.png");
        Path second = shots.resolve("02-one-digits-journey.png");
        for (Path png : new Path[] {first, second}) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth(), png.toString());
            assertEquals(760, image.getHeight(), png.toString());
            assertTrue(distinctColours(image) > 200, png + ": a real window has many colours, got " + distinctColours(image));
        }
        JsonObject side = JsonParser.parseString(Files.readString(shots.resolve("02-one-digits-journey.png.json"))).getAsJsonObject();
        JsonObject about = side.getAsJsonObject("lesson");
        assertEquals("Two steps", about.get("title").getAsString());
        assertEquals(2, about.get("step").getAsInt());
        assertEquals("One digit's journey", about.get("step_title").getAsString());
        assertEquals("pca", about.get("journey_maps").getAsString());
        assertEquals("lesson", side.get("view").getAsString());
        assertEquals("point 3", side.get("query").getAsString());
    }

    @Test
    void aStepThatDoesNotFinishIsNamedAndTheStatusIsTwo(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("too-soon.json");
        Files.writeString(lesson, """
                {"title": "Too soon", "steps": [
                  {"title": "Open", "text": "The digits.", "actions": [{"do": "open", "sample": "digits-mlp"}]},
                  {"title": "The knee, before the frontier", "text": "The knee is at {{knee}}.", "actions": []}]}""");
        CliTest.Run r = CliTest.run("lesson", lesson.toString(), "--width", "1200", "--height", "760");
        assertEquals(2, r.status(), r.err() + r.out());
        assertTrue(r.err().contains("step 2 of 2 (The knee, before the frontier)"), r.err());
        assertTrue(r.err().contains("the frontier has not been computed"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void badInputIsNamedWithWhatWasExpected(@TempDir Path dir) throws Exception {
        CliTest.Run unknown = CliTest.run("lesson", "where-meaning-is");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("'where-meaning-is'") && unknown.err().contains("computing-almost-nothing, where-meaning-lives, "
                + "autumn-leaves"), unknown.err());

        CliTest.Run missing = CliTest.run("lesson", dir.resolve("nope.json").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("nope.json") && missing.err().contains("no such file"), missing.err());

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"title\": \"t\", \"steps\": [");
        CliTest.Run malformed = CliTest.run("lesson", garbage.toString());
        assertEquals(1, malformed.status());
        assertTrue(malformed.err().contains("garbage.json") && malformed.err().contains("malformed JSON at line 1"), malformed.err());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"title\": \"t\", \"steps\": [{\"title\": \"a\", \"text\": \"b\", \"actions\": [{\"do\": \"fly\"}]}]}");
        CliTest.Run action = CliTest.run("lesson", broken.toString());
        assertEquals(1, action.status());
        assertTrue(action.err().contains("broken.json") && action.err().contains("step 1, action 1"), action.err());

        CliTest.Run method = CliTest.run("lesson", "where-meaning-lives", "--journey-maps", "pcb");
        assertEquals(2, method.status());
        assertTrue(method.err().contains("--journey-maps") && method.err().contains("pca, tsne, umap"), method.err());

        for (CliTest.Run r : new CliTest.Run[] {unknown, missing, malformed, action, method}) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void helpNamesTheArgumentTheFlagsAndTheShippedLessons() {
        CliTest.Run top = CliTest.run("--help");
        assertTrue(top.out().contains("lesson"), top.out());
        String help = CliTest.run("lesson", "--help").out();
        for (String s : new String[] {"NAME|FILE", "--shots=DIR", "--journey-maps=METHOD", "pca, tsne, umap", "where-meaning-lives",
                "Exit status"}) {
            assertTrue(help.contains(s), s + " in " + help);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

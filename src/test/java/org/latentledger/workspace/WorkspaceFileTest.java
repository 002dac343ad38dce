package org.latentledger.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.DataFormatException;
import org.latentledger.projection.Method;
import org.latentledger.view.ColourMode;
import org.latentledger.view.Page;
import org.latentledger.view.QuerySource;
import org.latentledger.view.Theme;

/** Workspaces written and read back the same; written atomically; damaged, cut, foreign or future files refused with a reason. */
class WorkspaceFileTest {

    @TempDir
    Path dir;

    static Workspace sample() {
        float[] drawing = new float[64];
        drawing[10] = 0.5f;
        return new Workspace(new Workspace.FileRef("/models/m.onnx", "ab".repeat(32), null), new Workspace.FileRef(null, "cd".repeat(32), "digits"),
                Page.LEDGER, "hidden2",
                new Workspace.MapState(MapSpec.DEFAULT.withMethod(Method.TSNE).withSeed(7).withIterations(500), ColourMode.PREDICTED, true, true,
                        List.of(3, 7), Map.of(0, "loops", 4, "sticks"), List.of(new int[] {0, 4})),
                new Workspace.JourneyState(Method.UMAP, new Workspace.Query(QuerySource.DRAWING, 12, drawing, 1, 2, 0.25, "1,2,3",
                        "autumn leaves"), 2, 1, "PC2 (11.0%)", 1.5, List.of(new Workspace.PhraseAxis(1, "green leaf", "red leaf", "turning"))),
                new Workspace.LedgerState("topk:0.1", 4.6, 640, "DRAM"), new Workspace.Look(Theme.DARK, true));
    }

    @Test
    void writtenAndReadBackTheSame() throws Exception {
        Path f = dir.resolve("demo.llws");
        Workspace w = sample();
        WorkspaceFile.write(f, w);
        Workspace back = WorkspaceFile.read(f);
        assertEquals(w.toJson(), back.toJson(), "every key comes back");
        assertEquals(w.map().spec(), back.map().spec());
        assertEquals(List.of(3, 7), back.map().hiddenClasses());
        assertEquals("sticks", back.map().regionNames().get(4));
        assertArrayEquals(new int[] {0, 4}, back.map().conceptAxes().getFirst());
        assertEquals(0.5f, back.journey().query().drawing()[10]);
        assertEquals("turning", back.journey().phraseAxes().getFirst().name());
        assertEquals(640, back.ledger().readPj());
        assertTrue(back.look().presentation());
        assertEquals(List.of(), List.of(dir.toFile().list()).stream().filter(n -> n.endsWith(".tmp")).toList(), "no temporary file left");
    }

    @Test
    void aSaveThatFailsMidWayLeavesThePreviousFileWhole() throws Exception {
        Path f = dir.resolve("demo.llws");
        WorkspaceFile.write(f, sample());
        byte[] before = Files.readAllBytes(f);
        // A workspace that cannot be written out (no page): the save fails after it has begun.
        Workspace broken = new Workspace(null, null, null, null, sample().map(), sample().journey(), sample().ledger(), sample().look());
        assertThrows(RuntimeException.class, () -> WorkspaceFile.write(f, broken));
        assertArrayEquals(before, Files.readAllBytes(f), "the previous workspace is intact");
        assertEquals(1, dir.toFile().list().length, "and nothing else is left beside it");
    }

    @Test
    void badFilesAreRefusedWithAReason() throws Exception {
        Path good = dir.resolve("good.llws");
        WorkspaceFile.write(good, sample());
        String json = Files.readString(good);
        assertRefused("cut.llws", json.substring(0, json.length() / 2), "the file is truncated");
        assertRefused("empty.llws", "", "an empty file (0 bytes)");
        assertRefused("words.llws", "hello, not a workspace", "text that is not JSON");
        assertRefused("array.llws", "[1, 2]", "JSON that is not an object");
        assertRefused("other.llws", "{\"format\": \"something-else\"}", "a file of format \"something-else\"");
        assertRefused("future.llws", json.replace("\"version\": 1", "\"version\": 2"), "version 2", "open it with a newer Latent Ledger");
        assertRefused("noseed.llws", json.replace("\"seed\": 7,", ""), "a damaged workspace: map.seed is missing");
        assertRefused("badpage.llws", json.replace("\"page\": \"ledger\"", "\"page\": \"kitchen\""), "no page called 'kitchen'");
        assertRefused("badtype.llws", json.replace("\"dims\": 2", "\"dims\": \"two\""), "map.dims: a number");
        Files.write(dir.resolve("binary.llws"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        DataFormatException e = assertThrows(DataFormatException.class, () -> WorkspaceFile.read(dir.resolve("binary.llws")));
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void aMovedOrChangedFileIsNamedBeforeAnythingOpens() throws Exception {
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        Workspace w = new Workspace(new Workspace.FileRef(model.toString(), org.latentledger.data.Hashing.sha256(new byte[] {1, 2, 3}), null),
                null, Page.MAP, null, sample().map(), sample().journey(), sample().ledger(), sample().look());
        Path f = dir.resolve("w.llws");
        WorkspaceCheck.checkFiles(f, w);
        Files.write(model, new byte[] {9});
        WorkspaceCheck.MovedFileException changed = assertThrows(WorkspaceCheck.MovedFileException.class, () -> WorkspaceCheck.checkFiles(f, w));
        assertTrue(changed.getMessage().contains("has changed since") && changed.getMessage().contains("model.onnx"), changed.getMessage());
        Files.delete(model);
        WorkspaceCheck.MovedFileException moved = assertThrows(WorkspaceCheck.MovedFileException.class, () -> WorkspaceCheck.checkFiles(f, w));
        assertTrue(moved.getMessage().contains("no file there any more") && moved.getMessage().contains(model.toString()), moved.getMessage());
        assertEquals("model", moved.what());
        Path found = Files.write(dir.resolve("found.onnx"), new byte[] {1, 2, 3});
        WorkspaceCheck.checkFiles(f, WorkspaceCheck.relocated(w, "model", found));
    }

    private void assertRefused(String name, String content, String... says) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> WorkspaceFile.read(f));
        assertTrue(e.getMessage().contains(name), "names the file: " + e.getMessage());
        for (String s : says) {
            assertTrue(e.getMessage().contains(s), "says '" + s + "': " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
    }
}

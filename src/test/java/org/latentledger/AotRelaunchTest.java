package org.latentledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotRelaunchTest {

    @Test
    void aFinishedRecordingKeepsOneOtherCacheBesideItAndAnUnfinishedOneIsForgotten(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve("0123456789abcdef.aot"), "old build");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Path recent = Files.writeString(dir.resolve("1111111111111111.aot"), "the other class path's");
        Files.setLastModifiedTime(recent, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        Path cache = dir.resolve("fedcba9876543210.aot");
        AotRelaunch.keep(dir.resolve("never-written.aot.part"), cache);
        assertTrue(Files.exists(stale), "a recording that did not finish removes nothing");
        assertFalse(Files.exists(cache));

        Path recording = Files.writeString(dir.resolve("recording-1.aot.part"), "new build");
        AotRelaunch.keep(recording, cache);
        assertEquals("new build", Files.readString(cache));
        assertFalse(Files.exists(stale), "the oldest cache is removed");
        assertTrue(Files.exists(recent), "the most recent other one is kept (java -jar and javafx:run each have one)");
        assertFalse(Files.exists(recording));
    }

    @Test
    void theCacheIsKeyedByTheClassPathAndItsFiles(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "one");
        String first = AotRelaunch.key(jar.toString());
        assertEquals(first, AotRelaunch.key(jar.toString()), "the same files give the same key");
        Files.writeString(jar, "a rebuilt jar");
        assertFalse(first.equals(AotRelaunch.key(jar.toString())), "a rebuilt jar (another size) needs another cache");
    }

    @Test
    void aClassFolderIsPackedOncePerContentAndAChangedFolderGetsANewJar(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/org/example"));
        Files.writeString(classes.resolve("A.class"), "first A");
        Files.writeString(dir.resolve("classes/model.txt"), "a resource");
        Path cache = dir.resolve("aot");
        Path jar = ClassesJar.of(dir.resolve("classes"), cache);
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertEquals("first A", new String(zip.getInputStream(zip.getEntry("org/example/A.class")).readAllBytes()));
            assertEquals("a resource", new String(zip.getInputStream(zip.getEntry("model.txt")).readAllBytes()));
            assertEquals(2, zip.size());
        }
        long written = Files.getLastModifiedTime(jar).toMillis();
        assertEquals(jar, ClassesJar.of(dir.resolve("classes"), cache), "the same content: the same jar");
        assertEquals(written, Files.getLastModifiedTime(jar).toMillis(), "not written again (the cache checks its date)");

        Files.writeString(classes.resolve("A.class"), "a recompiled A");
        Path next = ClassesJar.of(dir.resolve("classes"), cache);
        assertFalse(next.equals(jar), "a changed class gives another jar");
        assertFalse(Files.exists(jar), "the folder's older jar is removed");
        try (var zip = new java.util.zip.ZipFile(next.toFile())) {
            assertEquals("a recompiled A", new String(zip.getInputStream(zip.getEntry("org/example/A.class")).readAllBytes()));
        }
    }
}

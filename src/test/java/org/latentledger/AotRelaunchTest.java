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
    void aFinishedRecordingReplacesOlderCachesAndAnUnfinishedOneIsForgotten(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve("0123456789abcdef.aot"), "old build");
        Path cache = dir.resolve("fedcba9876543210.aot");
        AotRelaunch.keep(dir.resolve("never-written.aot.part"), cache);
        assertTrue(Files.exists(stale), "a recording that did not finish removes nothing");
        assertFalse(Files.exists(cache));

        Path recording = Files.writeString(dir.resolve("recording-1.aot.part"), "new build");
        AotRelaunch.keep(recording, cache);
        assertEquals("new build", Files.readString(cache));
        assertFalse(Files.exists(stale), "the older build's cache is removed");
        assertFalse(Files.exists(recording));
    }

    @Test
    void theCacheIsKeyedByTheClassPathAndItsFiles(@TempDir Path dir) throws Exception {
        String saved = System.getProperty("java.class.path");
        try {
            Path jar = Files.writeString(dir.resolve("app.jar"), "one");
            System.setProperty("java.class.path", jar.toString());
            String first = AotRelaunch.key();
            assertEquals(first, AotRelaunch.key(), "the same files give the same key");
            Files.writeString(jar, "a rebuilt jar");
            assertFalse(first.equals(AotRelaunch.key()), "a rebuilt jar (another size) needs another cache");
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }
}

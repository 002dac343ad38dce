package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export dialogs open where the last export went, else in Pictures, else home; never the working directory. */
class ExportFolderTest {

    @Test
    void picturesFirstThenTheLastExportsFolderAcrossLaunches(@TempDir Path home) throws Exception {
        Preferences prefs = Preferences.userRoot().node("latent-ledger-test-" + System.nanoTime());
        try {
            assertEquals(home, new ExportFolder(prefs, home).initial(), "no Pictures folder: home");
            Files.createDirectory(home.resolve("Pictures"));
            assertEquals(home.resolve("Pictures"), new ExportFolder(prefs, home).initial());
            Path slides = Files.createDirectories(home.resolve("talk/slides"));
            new ExportFolder(prefs, home).remember(slides.resolve("map-digits@2x.png"));
            assertEquals(slides, new ExportFolder(prefs, home).initial(), "a new launch opens where the last export went");
            Path frames = Files.createDirectories(home.resolve("frames"));
            new ExportFolder(prefs, home).remember(frames);
            assertEquals(frames, new ExportFolder(prefs, home).initial(), "frames go into a folder: that folder");
            Files.delete(frames);
            assertEquals(home.resolve("Pictures"), new ExportFolder(prefs, home).initial(), "a folder since removed is not offered");
        } finally {
            prefs.removeNode();
        }
    }
}

package org.latentledger.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Where export dialogs open: the folder the last export went to, remembered across launches, or
 * at first the user's Pictures folder (home when there is none); never the working directory,
 * which for a launched app is wherever the launcher happened to run.
 */
final class ExportFolder {

    static final String KEY = "export.folder";

    private final Preferences prefs;
    private final Path home;

    ExportFolder(Preferences prefs, Path home) {
        this.prefs = prefs;
        this.home = home;
    }

    static ExportFolder user() {
        return new ExportFolder(Preferences.userNodeForPackage(ExportFolder.class), Path.of(System.getProperty("user.home")));
    }

    /** The folder to open the next export dialog in: it exists. */
    Path initial() {
        String last = prefs.get(KEY, null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }

    /** Remembers where an export went: a file's folder, or the folder itself for frames. */
    void remember(Path written) {
        Path dir = Files.isDirectory(written) ? written : written.toAbsolutePath().getParent();
        if (dir != null) {
            prefs.put(KEY, dir.toAbsolutePath().toString());
        }
    }
}

package org.latentledger.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentledger.data.BundledData;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.Hashing;
import org.latentledger.model.SampleModel;

/**
 * A workspace's files checked before anything opens: each model or data file still where the
 * workspace says and with the SHA-256 it had, each bundled one known to this version.
 */
public final class WorkspaceCheck {

    private WorkspaceCheck() {
    }

    /** The SHA-256 of a file's bytes (empty for a folder, or a file that cannot be read). */
    public static Optional<String> fileHash(Path p) {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hashing.sha256(Files.readAllBytes(p)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that the workspace's files are there and unchanged, before anything opens.
     *
     * @param file the workspace file (named in messages)
     * @throws DataFormatException naming the file that moved or changed, and where the workspace expected it
     */
    public static void checkFiles(Path file, Workspace w) throws DataFormatException {
        check(file, "model", w.model(), true);
        check(file, "data", w.data(), false);
    }

    private static void check(Path file, String what, Workspace.FileRef r, boolean model) throws DataFormatException {
        if (r == null) {
            return;
        }
        if (r.path() == null) {
            boolean known = model ? SampleModel.find(r.bundled()).isPresent() : BundledData.find(r.bundled()).isPresent();
            if (r.bundled() == null || !known) {
                throw new DataFormatException(file.toString(), "a " + what + " that is a file or a bundled one",
                        "the bundled " + what + " '" + r.bundled() + "', which this version does not have");
            }
            return;
        }
        Path p = Path.of(r.path());
        if (!Files.exists(p)) {
            throw new MovedFileException(file.toString(), what, p, "the " + what + " at " + p, "no file there any more (moved or deleted?)");
        }
        Optional<String> now = fileHash(p);
        if (now.isPresent() && r.sha256() != null && !now.get().equals(r.sha256())) {
            throw new MovedFileException(file.toString(), what, p, "the " + what + " " + p.getFileName() + " as it was saved (SHA-256 "
                    + r.sha256().substring(0, 12) + "...)", "a file that has changed since (SHA-256 " + now.get().substring(0, 12) + "...)");
        }
    }

    /** A workspace's model or data file that has moved or changed: the user may point to it. */
    public static final class MovedFileException extends DataFormatException {

        private final String what;
        private final Path expectedAt;

        MovedFileException(String file, String what, Path expectedAt, String expected, String found) {
            super(file, expected, found);
            this.what = what;
            this.expectedAt = expectedAt;
        }

        /** "model" or "data". */
        public String what() {
            return what;
        }

        public Path expectedAt() {
            return expectedAt;
        }
    }

    /** The workspace with its model or data file found somewhere else (the user pointed to it). */
    public static Workspace relocated(Workspace w, String what, Path now) {
        Workspace.FileRef old = what.equals("model") ? w.model() : w.data();
        Workspace.FileRef moved = new Workspace.FileRef(now.toAbsolutePath().toString(), fileHash(now).orElse(old.sha256()), old.bundled());
        return what.equals("model") ? new Workspace(moved, w.data(), w.page(), w.layer(), w.map(), w.journey(), w.ledger(), w.look())
                : new Workspace(w.model(), moved, w.page(), w.layer(), w.map(), w.journey(), w.ledger(), w.look());
    }

}

package org.latentledger.workspace;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.latentledger.data.DataFormatException;

/**
 * Reads and writes {@code .llws} files. Writing is atomic: the JSON goes to a temporary file
 * beside the target, is forced to disk, and is moved over the target in one step, so a crash
 * mid-save leaves the previous file whole. Reading refuses, before anything is opened, a file
 * that is not JSON, is cut short, is another kind of file, or was written by a newer version.
 */
public final class WorkspaceFile {

    public static final String EXTENSION = ".llws";
    private static final String EXPECTED = "a Latent Ledger workspace (" + EXTENSION + ", JSON of format \"" + Workspace.FORMAT + "\")";

    private WorkspaceFile() {
    }

    public static void write(Path file, Workspace w) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            byte[] json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(w.toJson()).getBytes(StandardCharsets.UTF_8);
            try (var out = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(json));
                out.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Workspace read(Path file) throws DataFormatException {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(source, EXPECTED, "no such file");
        } catch (IOException e) {
            throw new DataFormatException(source, EXPECTED, Files.isDirectory(file) ? "a folder" : "a file that cannot be read");
        }
        if (bytes.length == 0) {
            throw new DataFormatException(source, EXPECTED, "an empty file (0 bytes)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source, EXPECTED, "bytes that are not UTF-8 text: not a workspace");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String t = text.strip();
            boolean cut = t.startsWith("{") && !t.endsWith("}");
            throw new DataFormatException(source, EXPECTED, cut
                    ? String.format(Locale.ROOT, "JSON that stops after %,d bytes, inside the workspace: the file is truncated", bytes.length)
                    : "text that is not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!root.isJsonObject()) {
            throw new DataFormatException(source, EXPECTED, "JSON that is not an object");
        }
        JsonObject j = root.getAsJsonObject();
        if (!j.has("format") || !Workspace.FORMAT.equals(j.get("format").isJsonPrimitive() ? j.get("format").getAsString() : null)) {
            throw new DataFormatException(source, EXPECTED, j.has("format") ? "a file of format " + j.get("format")
                    : "JSON without \"format\": not a workspace");
        }
        int version;
        try {
            version = j.get("version").getAsInt();
        } catch (RuntimeException e) {
            throw new DataFormatException(source, EXPECTED + " with a version number", "none");
        }
        if (version > Workspace.VERSION) {
            String by = j.has("app_version") && j.get("app_version").isJsonPrimitive() ? " (written by Latent Ledger "
                    + j.get("app_version").getAsString() + ")" : "";
            throw new DataFormatException(source, "a workspace of version " + Workspace.VERSION + " or older, which this Latent Ledger ("
                    + org.latentledger.Version.current() + ") reads", "version " + version + by + ": open it with a newer Latent Ledger");
        }
        try {
            return Workspace.fromJson(j);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new DataFormatException(source, EXPECTED, "a damaged workspace: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().findFirst().orElse(s);
        // Gson's own words name its classes; keep what says where.
        return line.replaceAll("^[\\w.]+Exception: ", "").replace("com.google.gson.stream.MalformedJsonException: ", "");
    }
}

package org.latentledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A class folder on the class path (Maven's {@code target/classes}, as {@code mvn javafx:run}
 * gives it) packed into a jar, once per content of the folder.
 *
 * <p>Why: the JVM's ahead-of-time cache refuses a class path with a non-empty folder in it
 * ("Cannot have non-empty directory in paths"), so a launch from Maven could never start from
 * one. The relaunched window's JVM is given this jar in the folder's place. Its name carries a
 * digest of every file's path, size and date, so an edited or rebuilt class makes a new jar (and
 * with it a new cache), and the jar itself is written once, keeping the date the cache checks.
 */
final class ClassesJar {

    /** More than this is not a build's class folder (a home folder named on the class path, say): it is left as it is. */
    static final long MAX_BYTES = 1L << 30;

    private ClassesJar() {
    }

    /** Whether {@code entry} names a class folder worth packing: a folder, not the working one, with a class file in it. */
    static boolean isClassFolder(String entry) throws IOException {
        if (entry.isBlank() || entry.equals(".")) {
            return false; // the working folder: whatever is in it, it is not ours to pack
        }
        Path p = Path.of(entry);
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
        }
    }

    /** The jar holding {@code folder}'s files, written into {@code into} if this content has none yet (older ones removed). */
    static Path of(Path folder, Path into) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        if (bytes > MAX_BYTES) {
            throw new IOException(folder + " holds " + bytes + " bytes, more than a class folder; it is not packed");
        }
        // Named by the folder (several may be on a class path) and by its content.
        String prefix = "classes-" + hex(folder.toAbsolutePath().normalize().toString() + "\n") + "-";
        Path jar = into.resolve(prefix + digest(folder, files) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(into);
        Path part = Files.createTempFile(into, "classes-", ".jar.part");
        try {
            write(folder, files, part);
            removeOlder(into, prefix, jar);
            try {
                Files.move(part, jar); // a rename; not over a jar another launch published meanwhile (its date is in that launch's cache)
            } catch (FileAlreadyExistsException e) {
                // the same content, packed by a launch started at the same time: it is used as it is
            }
            return jar;
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover part file is harmless: no jar is named like it
            }
        }
    }

    private static void write(Path folder, List<Path> files, Path part) throws IOException {
        try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path f : files) {
                // Stored, not deflated: written at a launch, where deflating the bundled models and data
                // again (already compressed) took half a second; the class loader reads stored entries as fast.
                byte[] content = Files.readAllBytes(f);
                ZipEntry e = new ZipEntry(folder.relativize(f).toString().replace(java.io.File.separatorChar, '/'));
                e.setMethod(ZipEntry.STORED);
                e.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
                e.setTime(Files.getLastModifiedTime(f).toMillis()); // the same folder packs to the same bytes
                zip.putNextEntry(e);
                zip.write(content);
                zip.closeEntry();
            }
        }
    }

    /** The folder's jars of other content: a running window keeps its open jar, new launches take the new one. */
    private static void removeOlder(Path into, String prefix, Path keep) throws IOException {
        try (var old = Files.newDirectoryStream(into, prefix + "*.jar")) {
            for (Path p : old) {
                if (p.equals(keep)) {
                    continue; // published meanwhile by a launch started at the same time
                }
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // in use where open files cannot be deleted (Windows): removed at a later launch
                }
            }
        }
    }

    /** Each file's path in the folder, size and date. */
    private static String digest(Path folder, List<Path> files) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(folder.relativize(f)).append(':').append(Files.size(f)).append(':').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
        }
        return hex(b.toString());
    }

    /** The first 8 bytes of the text's SHA-256, in hex. */
    static String hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.latentledger.natives;

import org.latentledger.natives.ElfSonamePatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Makes Smile's native BLAS, LAPACK and ARPACK available without any system package.
 *
 * <p>Smile 6 binds to native code through the foreign-function API and opens its libraries by
 * bare name: {@code dlopen("libopenblas.so")} and {@code dlopen("libarpack.so")}. Those names
 * exist only where Debian's {@code -dev} packages are installed. The same libraries ship inside
 * Maven artifacts ({@code org.bytedeco:openblas}, {@code org.bytedeco:arpack-ng}) under their
 * versioned names ({@code libopenblas.so.0}, {@code libarpack.so.2}).
 *
 * <p>glibc answers a {@code dlopen} by bare name with an already loaded object whose SONAME
 * equals that name, before it searches any path. So we extract the libraries to a private cache,
 * rewrite the SONAME of our copies to the unversioned names Smile asks for (and arpack's
 * dependency on OpenBLAS accordingly, see {@link ElfSonamePatch}), and load them with
 * {@link System#load} before Smile's bindings initialise. See docs/decisions/0001-smile-natives-from-maven.md.
 */
public final class SmileNatives {

    private static final String OPENBLAS_DIR = "org/bytedeco/openblas/linux-x86_64/";
    private static final String ARPACK_DIR = "org/bytedeco/arpackng/linux-x86_64/";
    /** Runtime dependencies of OpenBLAS that come in the same jar; found through its $ORIGIN rpath. */
    private static final List<String> SUPPORT = List.of("libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5");

    private static volatile boolean loaded;
    private static volatile Throwable failure;

    private SmileNatives() {
    }

    /**
     * Loads the libraries once per JVM. Safe to call from any thread, any number of times.
     *
     * @throws IllegalStateException naming what could not be loaded and why
     */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (SmileNatives.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw new IllegalStateException("Smile's native libraries are unavailable: " + failure.getMessage(), failure);
            }
            try {
                load();
                loaded = true;
            } catch (RuntimeException | IOException | LinkageError e) {
                failure = e;
                throw new IllegalStateException("Smile's native libraries are unavailable: " + e.getMessage(), e);
            }
        }
    }

    private static void load() throws IOException {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
            // Elsewhere Smile's own lookup (system libraries) is all we can offer.
            return;
        }
        Path dir = cacheDir();
        Files.createDirectories(dir);
        for (String lib : SUPPORT) {
            extract(OPENBLAS_DIR + lib, dir.resolve(lib), null);
        }
        Path openblas = dir.resolve("libopenblas.so");
        extract(OPENBLAS_DIR + "libopenblas.so.0", openblas,
                bytes -> ElfSonamePatch.rename(bytes, "libopenblas.so.0", "libopenblas.so"));
        Path arpack = dir.resolve("libarpack.so");
        extract(ARPACK_DIR + "libarpack.so.2", arpack, bytes -> {
            int n = ElfSonamePatch.rename(bytes, "libarpack.so.2", "libarpack.so");
            return n + ElfSonamePatch.rename(bytes, "libopenblas.so.0", "libopenblas.so");
        });
        System.load(openblas.toString());
        System.load(arpack.toString());
    }

    /**
     * A directory per version of the bundled natives (named after the jars they come from), so an
     * upgrade of the Maven artifacts never reuses files extracted from older ones.
     */
    private static Path cacheDir() {
        String base = System.getProperty("latentledger.nativedir");
        if (base != null) {
            return Path.of(base);
        }
        Path home = Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")));
        Path root = Files.isWritable(home) ? home.resolve(".cache") : Path.of(System.getProperty("java.io.tmpdir"));
        String version = origin(OPENBLAS_DIR + "libopenblas.so.0") + "+" + origin(ARPACK_DIR + "libarpack.so.2");
        return root.resolve("latent-ledger").resolve("native").resolve(version);
    }

    /** The file name of the jar (or folder) a resource comes from, e.g. "openblas-0.3.19-1.5.7-linux-x86_64.jar". */
    private static String origin(String resource) {
        java.net.URL url = SmileNatives.class.getClassLoader().getResource(resource);
        if (url == null) {
            return "missing";
        }
        String path = url.getPath();
        int bang = path.indexOf("!/");
        String container = bang >= 0 ? path.substring(0, bang) : path;
        String name = container.substring(container.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "classes" : name;
    }

    @FunctionalInterface
    private interface Patch {
        int apply(byte[] bytes);
    }

    private static void extract(String resource, Path target, Patch patch) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        byte[] bytes;
        try (InputStream in = SmileNatives.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the class path "
                        + "(expected from org.bytedeco openblas/arpack-ng, classifier linux-x86_64)");
            }
            bytes = in.readAllBytes();
        }
        if (patch != null && patch.apply(bytes) == 0) {
            throw new IOException("found no SONAME to rewrite in " + resource);
        }
        // Write beside the target and move, so a concurrent start never loads a half-written file.
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (!Files.isRegularFile(target)) {
                throw new UncheckedIOException("could not write " + target, e);
            }
        }
    }
}

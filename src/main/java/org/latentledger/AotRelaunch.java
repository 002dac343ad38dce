package org.latentledger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the window in a second JVM that uses (or, the first time, records) an ahead-of-time
 * cache of this build's loaded and linked classes and method profiles (JDK 25, JEP 483/514/515).
 *
 * <p>Why: most of a launch's wait for the first map is the JVM loading, linking and
 * interpreting JavaFX, DL4J, ND4J and our classes; with the cache the next launches start from
 * them already parsed and linked (measured in docs/benchmarks.md, "Open to a map"). The cache
 * can only be given on the command line, which {@code java -jar} does not let a jar choose, so
 * the launcher starts itself once more with it: one small extra JVM start for a much shorter
 * one after it. The cache is keyed by the JDK and the exact class path (names, sizes, dates), so
 * a rebuilt jar records a new one and stale ones are removed. A class folder (Maven's
 * {@code target/classes}, which {@code mvn javafx:run} puts on the class path) is given to the
 * child as a jar of it ({@link ClassesJar}): the cache refuses folders. Off with
 * {@code LATENT_LEDGER_AOT=off}, when the JVM was given AOT flags already, and when the JVM runs
 * with a module path, whose command line the child could not repeat faithfully.
 */
public final class AotRelaunch {

    static final String CHILD = "latentledger.aot.child";

    private AotRelaunch() {
    }

    /**
     * Runs the window in the relaunched JVM and returns its exit status, or empty when this JVM
     * should open the window itself (the child, AOT switched off, or the relaunch not possible).
     */
    static Optional<Integer> run(String[] args) {
        if (Boolean.getBoolean(CHILD) || "off".equalsIgnoreCase(System.getenv("LATENT_LEDGER_AOT"))
                || System.getProperty("jdk.module.path") != null || Runtime.version().feature() < 25) {
            return Optional.empty();
        }
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:AOT") || a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare"))) {
            return Optional.empty();
        }
        try {
            String classPath = classPath();
            Path cache = folder().resolve(key(classPath) + ".aot");
            Path dir = cache.getParent();
            Files.createDirectories(dir);
            boolean use = Files.isRegularFile(cache);
            Path recording = use ? null : Files.createTempFile(dir, "recording-", ".aot.part");
            if (recording != null) {
                Files.delete(recording); // the JVM writes it at its exit
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(LATER_C2); // before the launch's own flags, which win if they set the same
            cmd.addAll(jvmArgs);
            cmd.addAll(flags(use ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + recording));
            cmd.add("-D" + CHILD + "=true");
            cmd.addAll(List.of("-cp", classPath, Launcher.class.getName()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            quietAssembly(pb);
            int status = pb.start().waitFor();
            if (recording != null) {
                keep(recording, cache);
            }
            return Optional.of(status);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no cache folder, no second JVM: this one opens the window
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** Where this JDK and class path's cache is (it may not exist yet). */
    public static Path cacheFile() throws IOException {
        return folder().resolve(key(classPath()) + ".aot");
    }

    private static Path folder() {
        return Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir")), ".cache", "latent-ledger", "aot");
    }

    /**
     * This JVM's class path as a relaunch with a cache is given it: a class folder that has
     * files in it (Maven's {@code target/classes}) replaced by a jar of them, which the cache accepts.
     */
    public static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            boolean filled = false;
            if (Files.isDirectory(p)) {
                try (var in = Files.list(p)) {
                    filled = in.findAny().isPresent();
                }
            }
            entries.add(filled ? ClassesJar.of(p, folder()).toString() : entry);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The JVM flags that use or record {@code aotFlag}'s cache without notes for the user (a cache of another JDK is ignored). */
    public static List<String> flags(String aotFlag) {
        return List.of(aotFlag, "-Xlog:aot*=off,cds*=off");
    }

    /**
     * C2's thresholds ten times HotSpot's defaults. Why: on two cores a launch keeps both busy
     * (the window on the FX thread, the opening on the other), and C2 compiling the hundreds of
     * methods that start-up calls a few thousand times took a core's worth of time from them
     * (2.6 s of C2 in a 3.4 s launch). Hot loops (projections, forward passes) pass ten times the
     * threshold within milliseconds, so long work is as fast (measured in docs/benchmarks.md,
     * session 11; decision 0023).
     */
    public static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /** The cache is assembled by a second JVM at the recording's exit: its notes are not for the user either. */
    public static void quietAssembly(ProcessBuilder pb) {
        pb.environment().merge("JDK_AOT_VM_OPTIONS", "-Xlog:aot*=off,cds*=off", (a, b) -> a + " " + b);
    }

    /**
     * Moves a finished recording into place, keeping only the most recently made one other cache
     * beside it (the jar's and {@code javafx:run}'s class paths each have their own, and a person
     * may use both), or forgets a recording that did not finish.
     */
    public static void keep(Path recording, Path cache) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return;
        }
        List<Path> others = new ArrayList<>();
        try (var old = Files.newDirectoryStream(cache.getParent(), "*.aot")) {
            old.forEach(others::add);
        }
        others.remove(cache);
        others.sort(java.util.Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        }).reversed());
        for (Path p : others.subList(Math.min(1, others.size()), others.size())) {
            Files.deleteIfExists(p);
        }
        Files.move(recording, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The JDK and every class path entry's name, size and date. */
    static String key(String classPath) throws IOException {
        StringBuilder b = new StringBuilder(System.getProperty("java.home")).append('|').append(Runtime.version());
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            b.append('|').append(entry);
            if (Files.isRegularFile(p)) {
                b.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            }
        }
        return ClassesJar.hex(b.toString());
    }
}

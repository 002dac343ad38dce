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
 * a rebuilt jar records a new one, which replaces the older build's. A class folder (Maven's
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
            Path cache = folder().resolve(cacheName(System.getProperty("java.class.path"), classPath));
            Path dir = cache.getParent();
            Files.createDirectories(dir);
            boolean use = Files.isRegularFile(cache);
            Path config = use ? null : Files.createTempFile(dir, "recording-", ".aotconf");
            List<String> options = new ArrayList<>(LATER_C2); // before the launch's own flags, which win if they set the same
            options.addAll(jvmArgs);
            List<String> cmd = new ArrayList<>();
            cmd.add(java());
            cmd.addAll(options);
            cmd.addAll(use ? using(cache) : recording(config));
            cmd.add("-D" + CHILD + "=true");
            cmd.addAll(List.of("-cp", classPath, Launcher.class.getName()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            if (config != null) {
                pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
            }
            Process child = pb.start();
            Thread copy = config == null ? null : Thread.ofPlatform().daemon().start(() -> withoutRecordingNote(child.getInputStream()));
            int status = child.waitFor();
            if (config != null) {
                copy.join();
                try {
                    keep(assemble(config, options, classPath), cache);
                } catch (IOException | RuntimeException e) {
                    // the window has run and closed: without a cache the next launch records one again
                } finally {
                    Files.deleteIfExists(config);
                }
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
        return folder().resolve(cacheName(System.getProperty("java.class.path"), classPath()));
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
            entries.add(ClassesJar.isClassFolder(entry) ? ClassesJar.of(Path.of(entry), folder()).toString() : entry);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JVM flags that start from {@code cache} without notes for the user (a cache of another JDK is ignored). */
    public static List<String> using(Path cache) {
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off");
    }

    /**
     * The JVM flags that record a training run's classes and profiles into {@code config} at its
     * exit, for {@link #assemble} to make a cache of. Why two steps, not the JVM's one
     * ({@code -XX:AOTCacheOutput}): that one's assembly prints a dozen lines of its own command
     * line to the user's terminal; run by us, its output is not shown.
     */
    public static List<String> recording(Path config) {
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, "-Xlog:aot*=off,cds*=off");
    }

    /**
     * Makes the cache of a finished recording in a JVM of the training run's {@code options} and
     * {@code classPath}, with its output dropped; returns where it is (not there if the recording
     * did not finish or the assembly failed, which {@link #keep} passes over).
     */
    public static Path assemble(Path config, List<String> options, String classPath) throws IOException, InterruptedException {
        Path out = config.resolveSibling(config.getFileName() + ".aot.part");
        if (Files.size(config) == 0) {
            return out; // the training run ended before its exit wrote anything
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(options);
        cmd.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + out, "-Xlog:aot*=off,cds*=off",
                "-cp", classPath));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            Files.deleteIfExists(out);
        }
        return out;
    }

    /** Copies the window's output to this JVM's, without the line the JVM prints once it has recorded. */
    private static void withoutRecordingNote(java.io.InputStream in) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.strip().startsWith("AOTConfiguration recorded:")) {
                    System.out.println(line);
                }
            }
        } catch (IOException e) {
            // the window's output closed with it
        }
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

    /** How many caches of other class paths are kept (the jar's, {@code javafx:run}'s, another clone's). */
    static final int OTHER_CLASS_PATHS = 3;

    /**
     * Moves a finished recording into place and removes the caches it replaces: those of the same
     * launch's class path (an older build of it) and, beyond the {@link #OTHER_CLASS_PATHS} most
     * recently made, those of others; or forgets a recording that did not finish. A cache that
     * cannot be removed (in use) is left for a later launch.
     */
    public static void keep(Path recording, Path cache) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return;
        }
        Files.move(recording, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String launch = launchOf(cache);
        List<Path> others = new ArrayList<>();
        try (var old = Files.newDirectoryStream(cache.getParent(), "*.aot")) {
            for (Path p : old) {
                if (p.equals(cache)) {
                    continue;
                }
                if (launch.equals(launchOf(p)) || !p.getFileName().toString().contains("-")) { // or named as before 0.11's caches
                    delete(p);
                } else {
                    others.add(p);
                }
            }
        }
        others.sort(java.util.Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        }).reversed());
        others.stream().skip(OTHER_CLASS_PATHS).forEach(AotRelaunch::delete);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // open in a running window where that forbids deleting (Windows): a later recording removes it
        }
    }

    /** The part of a cache's name naming its launch's class path (the name before its '-'). */
    private static String launchOf(Path cache) {
        String name = cache.getFileName().toString();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    /**
     * A cache's file name: the JDK and the launch's class path by name (the same for every build
     * of one checkout, so a rebuild replaces its own cache and no other), then {@link #key} of the
     * class path the child is given, with its files' sizes and dates.
     */
    static String cacheName(String launchClassPath, String childClassPath) throws IOException {
        return ClassesJar.hex(System.getProperty("java.home") + "|" + Runtime.version() + "|" + launchClassPath) + "-" + key(childClassPath) + ".aot";
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

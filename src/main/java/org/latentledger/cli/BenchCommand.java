package org.latentledger.cli;

import org.latentledger.bench.KernelBenchmark;
import org.latentledger.bench.OpeningBench;
import org.latentledger.bench.ProjectionBench;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentledger.model.SampleModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmarks' command line. The benchmarks themselves are in {@code org.latentledger.bench}
 * ({@link OpeningBench} by default, {@link ProjectionBench}, {@link KernelBenchmark}); the map
 * drawing and the ledger slider are timed on the window, in {@code ui.Screenshots}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times opening each bundled model: load, data, forward pass over the data set, PCA of a layer.",
                "Prints medians of --repeats runs (after one warm-up) as a Markdown table."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per model (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--only", split = ",", completionCandidates = Vocabulary.Samples.class,
            description = "Bench only these: ${COMPLETION-CANDIDATES}.")
    List<SampleModel> only;

    @Option(names = "--map-draw", description = "Instead: time the 2D map drawing this many points (headless), e.g. 1000000 "
            + "(with --json: {\"points\", \"median_ms\", ...}).")
    int mapDraw;

    @Option(names = "--png", paramLabel = "FILE", description = "With --map-draw: also write the last drawing as a PNG, to look at.")
    java.nio.file.Path png;

    @Option(names = "--projections", description = "Instead: time PCA, t-SNE and UMAP (cold and warm, wall and CPU) on the data "
            + "(raw pixels), with trustworthiness (k=5), 5-NN accuracy of the layout and peak memory.")
    boolean projections;

    @Option(names = "--data", split = ",", defaultValue = "digits,fashion-mnist",
            description = "With --projections: bundled data names or data files (default: ${DEFAULT-VALUE}); "
                    + "with --export-inputs: NAME=REF pairs.")
    List<String> data;

    @Option(names = "--methods", split = ",", defaultValue = "pca,tsne,umap",
            description = "With --projections: methods to time (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--threads", defaultValue = "0", description = "With --projections: threads to use, 0 for all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--engine", split = ",", defaultValue = "ours", completionCandidates = Vocabulary.Engines.class,
            description = "With --projections: engines for t-SNE and UMAP, ours, smile or both as ours,smile, compared in one run "
                    + "(default: ${DEFAULT-VALUE}).")
    List<org.latentledger.projection.Engine> engines;

    @Option(names = "--points", defaultValue = "0",
            description = "With --projections: only the first N rows of each data set, 0 for all (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--knn", paramLabel = "K", description = "Instead: time the neighbour search (approximate vs exact) for K "
            + "neighbours on the --data sets, with the approximate search's recall.")
    int knn;

    @Option(names = "--export-inputs", paramLabel = "DIR",
            description = "Instead: write the --data sets as float32 matrices + labels for the peers script (docs/peers/run-peers.sh).")
    java.nio.file.Path exportInputs;

    @Option(names = "--evaluate", paramLabel = "DIR",
            description = "Instead: evaluate the layouts in DIR/runs (ours and the peers') on DIR/inputs with the same quality code; "
                    + "print times, quality and our time over each peer's.")
    java.nio.file.Path evaluate;

    @Option(names = "--ledger-latency", description = "Instead: the ledger slider's latency (sparse pass, costs, heatmaps redrawn) "
            + "per bundled model, headless.")
    boolean ledgerLatency;

    @Option(names = "--soak", paramLabel = "MINUTES", description = "Instead: drive the window headless through a scripted session "
            + "for MINUTES (every model, page, method, steering, policies, frontier, exports, a lesson, theme and presentation, half the "
            + "jobs cancelled) and report each minute's heap after GC, live threads and longest FX-thread stall.")
    double soak;

    @Option(names = "--cancel", description = "Instead: how long each kind of long job (open, map t-SNE and UMAP, journey maps, "
            + "frontier, economize, export) takes to stop once cancelled, on the window headless (with --json: {\"jobs\": [{\"kind\", "
            + "\"cancel_ms\"}]}).")
    boolean cancel;

    @Option(names = "--open", description = "Instead: seconds from opening each bundled model in the window (headless) to its "
            + "first drawn map: a launch (a build's first, then with the caches), then Open sample in a running window (the model's "
            + "first time, then reopened); the JVM's own start apart.")
    boolean open;

    @Option(names = "--open-switch", hidden = true, paramLabel = "MODEL",
            description = "Internal to --open: in this JVM (started as the window's), open MODEL in a running window --repeats times, print the seconds.")
    SampleModel openSwitch;

    @Mixin
    Json json;

    @Option(names = "--economy", description = "Instead: one inference (batch 1) of each bundled economical model at its knee "
            + "against its original's dense pass, on the same queries, in the same run.")
    boolean economy;

    @Option(names = "--onnx", description = "Instead: open fashion-cnn and fashion-mlp and map a layer, as DL4J zips and as the "
            + "same networks written as ONNX, interleaved in one run.")
    boolean onnx;

    @Option(names = "--kernels", description = "Instead: one dense layer dense vs sparse (1024 and 4096 wide, batch 1 and 32, "
            + "50/90/99%% inactive inputs, W out of cache, one thread).")
    boolean kernels;

    /** bench --soak: per minute, heap after GC, threads and the longest FX stall; the heap's slope and the threads' growth. */
    private int soakRun() throws Exception {
        boolean table = !json.on;
        if (table) {
            System.out.println("| minute | heap after GC | resident (RSS) | live threads | longest FX stall | rounds of the script |");
            System.out.println("|---|---|---|---|---|---|");
        }
        var minutes = org.latentledger.ui.bench.SoakBench.run(soak, m -> {
            if (table) {
                System.out.printf(Locale.ROOT, "| %d | %.0f MB | %.0f MB | %d | %.0f ms | %d |%n", m.minute(), m.heapMb(), m.rssMb(), m.threads(),
                        m.longestStallMs(), m.rounds());
            }
        });
        double slope = org.latentledger.ui.bench.SoakBench.heapSlope(minutes.subList(Math.min(1, minutes.size() - 1), minutes.size()));
        int growth = minutes.getLast().threads() - minutes.get(Math.min(1, minutes.size() - 1)).threads();
        json.print(() -> {
            java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
            all.put("minutes", minutes.stream().map(m -> java.util.Map.of("minute", m.minute(), "heap_mb", Math.round(m.heapMb()), "rss_mb", Math.round(m.rssMb()),
                    "threads", m.threads(), "longest_fx_stall_ms", Math.round(m.longestStallMs()), "rounds", m.rounds())).toList());
            all.put("heap_slope_mb_per_minute", Math.round(slope * 100) / 100.0);
            all.put("thread_growth", growth);
            return all;
        }, () -> String.format(Locale.ROOT, "%nHeap after GC from minute 1 on: slope %+.2f MB per minute; live threads %+d from minute 1 to the end.",
                slope, growth));
        return 0;
    }

    /** bench --cancel: each long job started, run for 2 s, cancelled, and timed to idle. */
    private int cancelTimes() throws Exception {
        SampleModel on = only == null || only.isEmpty() ? SampleModel.FASHION_CNN : only.getFirst();
        List<org.latentledger.ui.bench.CancelBench.Result> rs = org.latentledger.ui.bench.CancelBench.run(on, 2000);
        List<java.util.Map<String, Object>> jobs = new java.util.ArrayList<>();
        for (var r : rs) {
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("kind", r.kind());
            j.put("cancel_ms", Double.isNaN(r.cancelMs()) ? null : Math.round(r.cancelMs() * 10) / 10.0);
            j.put("ran_ms", Math.round(r.ranMs()));
            j.put("ended", r.ended());
            jobs.add(j);
        }
        json.print(() -> {
            java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
            all.put("model", on.fileName());
            all.put("jobs", jobs);
            return all;
        }, () -> {
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Cancelling each long job on %s (run for 2 s first), headless:%n%n"
                    + "| job | cancel to idle | ran before |%n|---|---|---|%n", on.fileName()));
            for (var r : rs) {
                t.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms |%n", r.kind(), Double.isNaN(r.cancelMs()) ? "finished before the cancel"
                        : !r.ended() ? "did not end within 1 min" : String.format(Locale.ROOT, "%.0f ms", r.cancelMs()), r.ranMs()));
            }
            return t.toString();
        });
        return rs.stream().allMatch(org.latentledger.ui.bench.CancelBench.Result::ended) ? 0 : 1;
    }

    @Override
    public Integer call() throws Exception {
        if (ledgerLatency) {
            for (SampleModel s : only == null ? List.of(SampleModel.DIGITS_MLP, SampleModel.FASHION_MLP, SampleModel.FASHION_CNN) : only) {
                double ms = org.latentledger.ui.Screenshots.ledgerLatency(s, Math.max(repeats, 30));
                System.out.printf(Locale.ROOT, "| %s | %.2f ms |%n", s.fileName(), ms);
            }
            return 0;
        }
        if (openSwitch != null) {
            double[] t = org.latentledger.ui.Screenshots.openToMap(openSwitch, Math.max(2, repeats));
            System.out.println("switch " + Arrays.stream(t).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
                    .collect(java.util.stream.Collectors.joining(" ")));
            System.out.flush();
            org.latentledger.economy.NativeWarmup.await(60_000);
            System.exit(0); // the headless toolkit need not wind down
            return 0;
        }
        if (open) {
            return openToMap();
        }
        if (cancel) {
            return cancelTimes();
        }
        if (soak > 0) {
            return soakRun();
        }
        if (economy) {
            org.latentledger.bench.EconomyBench.run(200, System.out);
            return 0;
        }
        if (onnx) {
            org.latentledger.bench.OnnxBench.run(Math.max(repeats, 3), System.out);
            return 0;
        }
        if (kernels) {
            KernelBenchmark.printTable(Math.max(repeats, 15), System.out);
            return 0;
        }
        if (mapDraw > 0) {
            return mapDraw();
        }
        if (knn > 0) {
            return ProjectionBench.knn(data, knn, threads, 1000);
        }
        if (exportInputs != null) {
            return ProjectionBench.exportInputs(data, exportInputs);
        }
        if (evaluate != null) {
            return ProjectionBench.evaluate(evaluate);
        }
        if (projections) {
            return ProjectionBench.run(data, methods, engines, threads, repeats, points);
        }
        OpeningBench.run(only == null ? List.of(SampleModel.values()) : only, repeats, System.out);
        return 0;
    }

    /**
     * {@code bench --open}: {"models": [{"name", "seconds_to_map", "jvm_start_seconds", ...}]}. For each
     * model a new JVM is launched as the app is launched (the window started headless, then the
     * model opened), first as a build's first launch (nothing cached, recording the JVM's cache),
     * then as the next: {@code seconds_to_map} runs from its {@code main} to the first drawn map, and
     * {@code jvm_start_seconds} from the benchmark starting the process to its {@code main}. Then, in a third JVM started
     * as the window's (its flags and the cache), the model opened from a running window ("Open sample"): its first time
     * on the machine (a fresh cache folder), then reopened.
     */
    private int openToMap() throws Exception {
        List<java.util.Map<String, Object>> models = new java.util.ArrayList<>();
        // Launches as the app makes them: the first of a build records the ahead-of-time cache (at its exit), the
        // later ones start from it. The first model's recording becomes the cache when there is none; the others are dropped.
        java.nio.file.Path aot = org.latentledger.AotRelaunch.cacheFile();
        java.nio.file.Files.createDirectories(aot.getParent());
        for (SampleModel s : only == null ? List.of(SampleModel.values()) : only) {
            // The cache folder as a user's is: empty at a first launch, with what the first launch wrote (layouts, lemmas) at the next.
            java.nio.file.Path layouts = java.nio.file.Files.createTempDirectory("ll-bench-cache");
            java.nio.file.Path config = aot.resolveSibling("bench-recording.aotconf");
            java.nio.file.Files.deleteIfExists(config);
            double[] first = launchInNewJvm(s, org.latentledger.AotRelaunch.recording(config), layouts);
            if (!java.nio.file.Files.isRegularFile(aot)) {
                org.latentledger.AotRelaunch.keep(org.latentledger.AotRelaunch.assemble(config, childOptions(layouts),
                        org.latentledger.AotRelaunch.classPath()), aot);
            }
            java.nio.file.Files.deleteIfExists(config);
            double[] launch = launchInNewJvm(s, org.latentledger.AotRelaunch.using(aot), layouts);
            // In a JVM started as the window's (its flags, the cache): the running window a person opens another model in.
            // Its cache folder fresh: the model's first opening on the machine, then reopenings with its map remembered.
            double[] t = switchInNewJvm(s, org.latentledger.AotRelaunch.using(aot), java.nio.file.Files.createTempDirectory("ll-bench-switch"));
            double[] warm = Arrays.copyOfRange(t, 1, t.length);
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", s.fileName());
            m.put("seconds_to_map", round(launch[1]));
            m.put("jvm_start_seconds", round(launch[0]));
            m.put("first_map_remembered", launch[2] > 0);
            m.put("first_launch_seconds_to_map", round(first[1]));
            m.put("first_launch_jvm_start_seconds", round(first[0]));
            m.put("first_launch_map_remembered", first[2] > 0);
            m.put("open_sample_seconds", round(t[0]));
            m.put("reopen_median_seconds", round(org.latentledger.bench.Timing.median(warm)));
            m.put("reopen_min_seconds", round(Arrays.stream(warm).min().orElse(0)));
            m.put("reopen_max_seconds", round(Arrays.stream(warm).max().orElse(0)));
            models.add(m);
        }
        json.print(() -> java.util.Map.of("models", models), () -> {
            StringBuilder b = new StringBuilder("| model | launch to map (AOT cache; JVM start apart) | JVM start | first launch (nothing cached; recording the cache) "
                    + "| Open sample in a running window (the model's first time) | reopened (its map remembered): median (min-max) |\n|---|---|---|---|---|---|\n");
            for (var m : models) {
                b.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s (%.2f-%.2f) |%n", m.get("name"), m.get("seconds_to_map"),
                        m.get("jvm_start_seconds"), m.get("first_launch_seconds_to_map"), m.get("open_sample_seconds"), m.get("reopen_median_seconds"),
                        m.get("reopen_min_seconds"), m.get("reopen_max_seconds")));
            }
            return b.toString();
        });
        return 0;
    }

    /** The JVM options a launch's window is given (as the launcher gives them), with {@code layouts} as its cache folder. */
    private static List<String> childOptions(java.nio.file.Path layouts) {
        List<String> options = new java.util.ArrayList<>(org.latentledger.AotRelaunch.LATER_C2);
        options.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        options.add("-Dll.cache.dir=" + layouts);
        return options;
    }

    /**
     * {JVM start, main to map, 1 when that map was remembered else 0} in seconds, from a child JVM
     * with the window's flags, this one's and its class path, {@code aotFlags}, and its cache folder {@code layouts}.
     */
    private static double[] launchInNewJvm(SampleModel s, List<String> aotFlags, java.nio.file.Path layouts) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(childOptions(layouts));
        cmd.addAll(aotFlags);
        // Started as the window's JVM starts: a main that goes straight to the window, no command line parsed.
        cmd.addAll(List.of("-cp", org.latentledger.AotRelaunch.classPath(), org.latentledger.ui.bench.LaunchChild.class.getName(),
                s.fileName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        // The JVM's start is timed from here to the child's main by the wall clock both share: the process's own
        // start time from /proc is counted from the boot time, which Linux gives in whole seconds (up to 1 s off).
        long spawned = System.currentTimeMillis();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the launch of " + s.fileName() + " in a new JVM failed: " + out.strip());
        }
        String[] parts = out.lines().filter(l -> l.matches("[0-9]+ [0-9.]+ [01]")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the launch of " + s.fileName() + " printed no timing: " + out.strip())).split(" ");
        return new double[] {(Long.parseLong(parts[0]) - spawned) / 1e3, Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /** The seconds of {@code --open-switch}'s openings of {@code s}, in a child JVM started as {@link #launchInNewJvm} starts one. */
    private double[] switchInNewJvm(SampleModel s, List<String> aotFlags, java.nio.file.Path layouts) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(childOptions(layouts));
        cmd.addAll(aotFlags);
        cmd.addAll(List.of("-cp", org.latentledger.AotRelaunch.classPath(), org.latentledger.Launcher.class.getName(),
                "bench", "--open-switch", s.fileName(), "--repeats", Integer.toString(Math.max(2, repeats))));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("opening " + s.fileName() + " in a running window in a new JVM failed: " + out.strip());
        }
        String line = out.lines().filter(l -> l.startsWith("switch ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("opening " + s.fileName() + " in a new JVM printed no timing: " + out.strip()));
        return Arrays.stream(line.substring("switch ".length()).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code bench --map-draw N}: {"points", "median_ms", "min_ms", "max_ms", "draws", "density"}. */
    private int mapDraw() throws Exception {
        org.latentledger.ui.bench.FxBenchmarks.Draws d = org.latentledger.ui.Screenshots.drawBenchmark(mapDraw, 1200, 800,
                Math.max(repeats, 5) + 3, png);
        double[] timed = Arrays.copyOfRange(d.millis(), 3, d.millis().length);
        double median = org.latentledger.bench.Timing.median(timed);
        double min = Arrays.stream(timed).min().orElse(0);
        double max = Arrays.stream(timed).max().orElse(0);
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("points", mapDraw);
        m.put("median_ms", round(median));
        m.put("min_ms", round(min));
        m.put("max_ms", round(max));
        m.put("draws", timed.length);
        m.put("density", d.density());
        m.put("pick_median_us", round(d.pickMicros()));
        json.print(() -> m, () -> String.format(Locale.ROOT, "Map draw of %,d points, 1200x800, headless (software pipeline), %s: median %.1f ms, "
                + "min %.1f ms, max %.1f ms over %d draws after 3 warm-up draws; the point under the mouse found in %.1f µs (median of 1,000)",
                mapDraw, d.density() ? "as density" : "point by point", median, min, max, timed.length, d.pickMicros()));
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

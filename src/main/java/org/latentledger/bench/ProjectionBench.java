package org.latentledger.bench;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.latentledger.data.DataLoader;
import org.latentledger.data.Dataset;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Feasibility;
import org.latentledger.projection.LayoutQuality;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.projection.Projections;
import org.latentledger.projection.Trustworthiness;
import org.latentledger.work.Parallelism;
import org.latentledger.work.Progress;

/**
 * Projection benchmarks. In process: wall and CPU seconds of the first run in this JVM (cold: what
 * a first click costs, JIT included) and the median of warm repeats, trustworthiness (k=5) and
 * 5-NN accuracy of the layout, peak resident memory. Against the peers ({@code
 * docs/peers/run-peers.sh}): exports the exact input matrices for them, then evaluates every
 * implementation's layout with the same quality code and prints the time ratios.
 */
public final class ProjectionBench {

    /** Above this many points, quality figures are estimated on a seeded sample of points. */
    static final int EXACT_QUALITY_UP_TO = 10_000;
    static final int QUALITY_SAMPLE = 5_000;

    private ProjectionBench() {
    }

    public static int run(List<String> dataRefs, List<String> methods, int threads, int repeats) throws Exception {
        return run(dataRefs, methods, List.of(Engine.OURS), threads, repeats, 0);
    }

    /**
     * Every method by every engine on every data set, in one JVM, so the engines are compared in the
     * same run. PCA is the same for both engines (ours), so it runs once. Smile's runs are checked
     * first ({@link Projections#feasibility}): a refused one is a row saying why, a warning goes to
     * stderr. Peak heap is per row (pool peaks reset before the row; the sum of the pools' peaks, an
     * upper bound); peak RSS is the process's so far, so it only grows down the table.
     *
     * @param points use only the first this many rows of each data set (0: all)
     */
    public static int run(List<String> dataRefs, List<String> methods, List<Engine> engines, int threads, int repeats, int points)
            throws Exception {
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s; threads %s; heap max %d MB%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), threads <= 0 ? "all" : threads,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| data | method | engine | threads | cold wall (s) | cold CPU (s) | warm wall (s) | warm CPU (s) "
                + "| trustworthiness k=5 | 5-NN accuracy | peak heap (MB) | peak RSS (MB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String ref : dataRefs) {
            Dataset all = DataLoader.open(ref, null, false);
            Dataset d = points > 0 && points < all.size()
                    ? all.subset(java.util.stream.IntStream.range(0, points).toArray(), " (first " + points + ")") : all;
            for (String m : methods) {
                ProjectionSpec spec = spec(m);
                for (Engine engine : engines) {
                    if (engine != Engine.OURS && spec instanceof ProjectionSpec.Pca) {
                        continue; // PCA is ours for both engines: one row says it
                    }
                    row(d, m, spec, engine, threads, repeats);
                }
            }
        }
        return 0;
    }

    private static void row(Dataset d, String m, ProjectionSpec spec, Engine engine, int threads, int repeats) throws Exception {
        String data = String.format(Locale.ROOT, "%s %d x %d", d.name(), d.size(), d.columns());
        String engineName = spec instanceof ProjectionSpec.Pca ? "ours (both)" : engine.cliName();
        Feasibility f = Projections.feasibility(engine, spec, d.size(), d.columns());
        if (f.refused()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | refused: %s |||||||%n", data, m, engineName, threads <= 0 ? "all" : threads,
                    f.message());
            return;
        }
        if (!f.message().isEmpty()) {
            System.err.println(engine.cliName() + " " + m + ": " + f.message());
        }
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        double coldWall = 0;
        double coldCpu = 0;
        Projection p = null;
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        for (int r = -1; r < repeats; r++) {
            org.latentledger.projection.PcaProjector.forgetKept(); // each run decomposes, as a first opening does
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            p = Parallelism.with(threads, () -> Projections.run(d.features(), spec, engine, Progress.NONE, null));
            double w = (System.nanoTime() - t0) / 1e9;
            double c = (cpuNanos() - c0) / 1e9;
            if (r < 0) {
                coldWall = w;
                coldCpu = c;
            } else {
                wall[r] = w;
                cpu[r] = c;
            }
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        float[][] layout = Projections.rows(p);
        Quality q = quality(d.features(), d.labels(), layout);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s | %s | %d | %d |%n", data, m, engineName,
                threads <= 0 ? "all" : threads, coldWall, coldCpu,
                repeats > 0 ? String.format(Locale.ROOT, "%.2f", Timing.median(wall)) : "-",
                repeats > 0 ? String.format(Locale.ROOT, "%.2f", Timing.median(cpu)) : "-",
                q.trustText(), q.accuracyText(), peakHeap, peakRssMb());
    }

    /**
     * Neighbour search alone, on the data reduced to 50 dimensions as t-SNE and UMAP see it: the
     * approximate search's time, and its recall against exact neighbours of {@code sample} seeded
     * points; the exact search timed on those points and scaled to all (it is the same loop per point).
     */
    public static int knn(List<String> dataRefs, int k, int threads, int sample) throws Exception {
        System.out.println("| data | k | threads | approximate (s) | recall | exact, all points (s) | exact measured on |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String ref : dataRefs) {
            Dataset d = DataLoader.open(ref, null, false);
            float[][] x = Projections.reduce(d.features(), Progress.NONE);
            int n = x.length;
            long t0 = System.nanoTime();
            org.latentledger.projection.Knn approx = Parallelism.with(threads,
                    () -> org.latentledger.projection.Knn.approximate(x, k, 42, Progress.NONE));
            double approxSeconds = (System.nanoTime() - t0) / 1e9;
            int m = Math.min(sample, n);
            int[] queries = new java.util.SplittableRandom(1).ints(0, n).distinct().limit(m).toArray();
            Parallelism.with(threads, () -> org.latentledger.projection.Knn.exactFor(x, java.util.Arrays.copyOf(queries, Math.min(m, 100)), k)); // JIT warm-up
            long t1 = System.nanoTime();
            org.latentledger.projection.Knn exact = Parallelism.with(threads, () -> org.latentledger.projection.Knn.exactFor(x, queries, k));
            double exactSeconds = (System.nanoTime() - t1) / 1e9 * n / m;
            long hits = 0;
            for (int q = 0; q < m; q++) {
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int j : exact.indices()[q]) {
                    truth.add(j);
                }
                for (int j : approx.indices()[queries[q]]) {
                    hits += truth.contains(j) ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "| %s %d x %d | %d | %s | %.2f | %.4f | %.1f | %d points, scaled |%n", d.name(), n, x[0].length, k,
                    threads <= 0 ? "all" : threads, approxSeconds, (double) hits / ((long) m * k), exactSeconds, m);
        }
        return 0;
    }

    public static ProjectionSpec spec(String method) {
        return switch (method) {
            case "pca" -> new ProjectionSpec.Pca(2);
            case "tsne" -> ProjectionSpec.Tsne.defaults(2, 42);
            case "umap" -> ProjectionSpec.Umap.defaults(2, 42);
            default -> throw new IllegalArgumentException("unknown method '" + method + "' (pca, tsne or umap)");
        };
    }

    /** Trustworthiness and 5-NN accuracy, exact up to {@link #EXACT_QUALITY_UP_TO} points, else on a seeded sample. */
    record Quality(double trust, double accuracy, boolean sampled) {
        String trustText() {
            return String.format(Locale.ROOT, "%.4f%s", trust, sampled ? " (sample)" : "");
        }

        String accuracyText() {
            return Double.isNaN(accuracy) ? "-" : String.format(Locale.ROOT, "%.4f%s", accuracy, sampled ? " (sample)" : "");
        }
    }

    public static Quality quality(float[][] input, int[] labels, float[][] layout) {
        int n = input.length;
        boolean sampled = n > EXACT_QUALITY_UP_TO;
        double trust = sampled ? Trustworthiness.sampled(input, layout, 5, QUALITY_SAMPLE, 1)
                : Trustworthiness.of(input, layout, 5);
        double acc = sampled ? LayoutQuality.knnAccuracy(layout, labels, 5, QUALITY_SAMPLE, 1)
                : LayoutQuality.knnAccuracy(layout, labels, 5);
        return new Quality(trust, acc, sampled);
    }

    /**
     * Writes each data set as the peers read it: {@code NAME.f32} (rows of little-endian float32),
     * {@code NAME.labels.i32} and {@code NAME.json} ({@code n}, {@code d}, {@code source}).
     *
     * @param named "NAME=REF" pairs, REF a bundled name or a data file
     */
    public static int exportInputs(List<String> named, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String pair : named) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String ref = eq < 0 ? pair : pair.substring(eq + 1);
            Dataset d = DataLoader.open(ref, null, false);
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".f32")), 1 << 20))) {
                ByteBuffer row = ByteBuffer.allocate(d.columns() * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float[] r : d.features()) {
                    row.clear();
                    row.asFloatBuffer().put(r);
                    out.write(row.array());
                }
            }
            ByteBuffer labels = ByteBuffer.allocate(d.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            labels.asIntBuffer().put(d.labels());
            Files.write(dir.resolve(name + ".labels.i32"), labels.array());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("n", d.size());
            meta.put("d", d.columns());
            meta.put("source", d.source());
            meta.put("scaling", d.scaling());
            Files.writeString(dir.resolve(name + ".json"), new Gson().toJson(meta));
            System.out.printf(Locale.ROOT, "%s: %d x %d from %s%n", name, d.size(), d.columns(), d.source());
        }
        return 0;
    }

    /**
     * Evaluates every layout in {@code dir/runs} ({@code SET__IMPL__METHOD.csv} with columns x,y, and
     * {@code .json} with wall_seconds, cpu_seconds, peak_rss_mb) against {@code dir/inputs/SET.*}, and
     * prints one table with our wall time over each peer's.
     */
    public static int evaluate(Path dir) throws Exception {
        Path inputs = dir.resolve("inputs");
        Path runs = dir.resolve("runs");
        Map<String, Map<String, Map<String, JsonObject>>> timing = new TreeMap<>();
        Map<String, Map<String, Map<String, Quality>>> qualities = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(runs)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, float[][]> inputCache = new TreeMap<>();
        Map<String, List<String[]>> runsBySet = new TreeMap<>();
        for (Path f : files) {
            String base = f.getFileName().toString().replace(".json", "");
            String[] parts = base.split("__");
            if (parts.length == 3) {
                runsBySet.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
            }
        }
        for (var entry : runsBySet.entrySet()) {
            String set = entry.getKey();
            JsonObject meta = new Gson().fromJson(Files.readString(inputs.resolve(set + ".json")), JsonObject.class);
            float[][] x = readF32(inputs.resolve(set + ".f32"), meta.get("n").getAsInt(), meta.get("d").getAsInt());
            int[] labels = readI32(inputs.resolve(set + ".labels.i32"));
            inputCache.put(set, x);
            List<String[]> withLayout = new ArrayList<>();
            List<float[][]> layouts = new ArrayList<>();
            for (String[] parts : entry.getValue()) {
                String base = String.join("__", parts);
                JsonObject t = new Gson().fromJson(Files.readString(runs.resolve(base + ".json")), JsonObject.class);
                timing.computeIfAbsent(set, k -> new TreeMap<>()).computeIfAbsent(parts[2], k -> new TreeMap<>()).put(parts[1], t);
                Path layoutFile = runs.resolve(base + ".csv");
                if (Files.exists(layoutFile) && !t.has("error")) {
                    withLayout.add(parts);
                    layouts.add(readLayout(layoutFile));
                }
            }
            boolean sampled = x.length > EXACT_QUALITY_UP_TO;
            double[] trust = Trustworthiness.ofEach(x, layouts, 5, sampled ? QUALITY_SAMPLE : x.length, 1);
            for (int l = 0; l < layouts.size(); l++) {
                double acc = sampled ? LayoutQuality.knnAccuracy(layouts.get(l), labels, 5, QUALITY_SAMPLE, 1)
                        : LayoutQuality.knnAccuracy(layouts.get(l), labels, 5);
                String[] parts = withLayout.get(l);
                qualities.computeIfAbsent(set, k -> new TreeMap<>()).computeIfAbsent(parts[2], k -> new TreeMap<>())
                        .put(parts[1], new Quality(trust[l], acc, sampled));
            }
        }
        System.out.println("| data | method | implementation | wall (s) | CPU (s) | peak RSS (MB) | trustworthiness k=5 | 5-NN accuracy "
                + "| our wall / this wall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (var set : timing.entrySet()) {
            int n = inputCache.get(set.getKey()).length;
            for (var method : set.getValue().entrySet()) {
                JsonObject ours = method.getValue().get("latent-ledger");
                for (var impl : method.getValue().entrySet()) {
                    JsonObject t = impl.getValue();
                    Quality q = qualities.getOrDefault(set.getKey(), Map.of()).getOrDefault(method.getKey(), Map.of()).get(impl.getKey());
                    String ratio = ours == null || impl.getKey().equals("latent-ledger") || !t.has("wall_seconds") ? ""
                            : String.format(Locale.ROOT, "%.2f", ours.get("wall_seconds").getAsDouble() / t.get("wall_seconds").getAsDouble());
                    System.out.printf(Locale.ROOT, "| %s (%,d) | %s | %s | %s | %s | %s | %s | %s | %s |%n", set.getKey(), n, method.getKey(),
                            impl.getKey(), num(t, "wall_seconds", "%.2f"), num(t, "cpu_seconds", "%.2f"), num(t, "peak_rss_mb", "%.0f"),
                            q == null ? (t.has("error") ? "failed: " + t.get("error").getAsString() : "-") : q.trustText(),
                            q == null ? "-" : q.accuracyText(), ratio);
                }
            }
        }
        return 0;
    }

    private static String num(JsonObject o, String key, String format) {
        return o.has(key) && !o.get(key).isJsonNull() ? String.format(Locale.ROOT, format, o.get(key).getAsDouble()) : "-";
    }

    public static float[][] readF32(Path file, int n, int d) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() != (long) n * d * 4) {
            throw new IOException(file + ": expected " + n + " x " + d + " float32 values, found " + b.capacity() + " bytes");
        }
        float[][] x = new float[n][d];
        for (float[] row : x) {
            b.asFloatBuffer().get(row);
            b.position(b.position() + d * 4);
        }
        return x;
    }

    public static int[] readI32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[b.capacity() / 4];
        b.asIntBuffer().get(v);
        return v;
    }

    /** A layout CSV with a header naming x and y (and maybe index, z, label); other columns are ignored. */
    public static float[][] readLayout(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = List.of(r.readLine().replace("\"", "").split(","));
            int x = header.indexOf("x");
            int y = header.indexOf("y");
            if (x < 0 || y < 0) {
                throw new IOException(file + ": expected a header with columns x and y, found " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                rows.add(new float[] {Float.parseFloat(f[x]), Float.parseFloat(f[y])});
            }
        }
        return rows.toArray(float[][]::new);
    }

    /** Peak resident set of this process (VmHWM), in MB, or -1 where /proc is not there. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the whole process (work, GC and JIT threads alike; pool threads that ended count too). */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

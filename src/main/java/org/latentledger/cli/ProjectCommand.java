package org.latentledger.cli;

import org.latentledger.atlas.LayerMapper;
import org.latentledger.view.ConvView;

import org.latentledger.bench.ProjectionBench;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.projection.Method;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.projection.Projections;
import org.latentledger.projection.LayoutQuality;
import org.latentledger.projection.Trustworthiness;
import org.latentledger.work.Parallelism;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Projects a layer's activations (or, without --model, the data itself, e.g. Embedding-Projector TSV)",
                "to 2D or 3D and writes index,x,y[,z],label as CSV; prints a JSON summary with --json."},
        modelTransformer = ModelDataOptions.NoDefaultModel.class)
final class ProjectCommand implements Callable<Integer> {

    enum View { mean, full }

    @Mixin
    ModelDataOptions inputs;

    @Option(names = "--layer", description = "Layer index (0-based) or name; default: the model's default map layer.")
    String layerRef;

    @Option(names = "--method", defaultValue = "pca", completionCandidates = Vocabulary.Methods.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--engine", defaultValue = "ours", completionCandidates = Vocabulary.Engines.class,
            description = "Whose t-SNE and UMAP: ours or smile (exact t-SNE; no progress or cancel for UMAP); PCA is ours for both "
                    + "(default: ${DEFAULT-VALUE}).")
    org.latentledger.projection.Engine engine;

    @Option(names = "--dims", defaultValue = "2", description = "2 or 3 (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of t-SNE and UMAP (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--perplexity", defaultValue = "30", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(names = "--iterations", defaultValue = "1000", description = "t-SNE iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--neighbours", defaultValue = "15", description = "UMAP neighbours (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--min-dist", defaultValue = "0.1", description = "UMAP min-dist (default: ${DEFAULT-VALUE}).")
    double minDist;

    @Option(names = "--epochs", defaultValue = "0", description = "UMAP epochs, 0 for the default (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--view", defaultValue = "mean", description = "Conv layers: mean (per channel) or full maps (default: ${DEFAULT-VALUE}).")
    View view;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary (points, seconds, method, seed, trustworthiness_k5).")
    boolean json;

    @Option(names = "--trust-sample", defaultValue = "2000",
            description = "Points over which trustworthiness is estimated (all when fewer; default: ${DEFAULT-VALUE}).")
    int trustSample;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads for the projection, 0 for all cores (default: ${DEFAULT-VALUE}); the layout does not depend on it.")
    int threads;

    @Option(names = "--timing", paramLabel = "FILE",
            description = "Also write wall_seconds, cpu_seconds, peak_rss_mb and threads as JSON (used by docs/peers/run-peers.sh).")
    Path timing;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadedModel model = inputs.hasModel() ? inputs.loadModel() : null;
        try {
            Dataset data = model == null ? inputs.dataAlone() : inputs.fittingData(model);
            float[][] points = data.features();
            String layerName = "input";
            if (model != null) {
                LayerInfo layer = layerRef == null ? model.defaultMapLayer() : model.layer(layerRef);
                LayerActivations acts = ActivationRecorder.record(model, data.features(), new TrainSamplesCommand.ConsoleProgress())
                        .get(layer.index());
                points = LayerMapper.points(acts, view == View.mean ? ConvView.CHANNEL_MEANS : ConvView.FULL_MAPS);
                layerName = layer.name();
            }
            ProjectionSpec ps = switch (method) {
                case PCA -> new ProjectionSpec.Pca(dims);
                case TSNE -> new ProjectionSpec.Tsne(dims, perplexity, iterations, 0.5, seed);
                case UMAP -> new ProjectionSpec.Umap(dims, neighbours, minDist, epochs, seed);
            };
            float[][] input = points;
            long c0 = ProjectionBench.cpuNanos();
            long t0 = System.nanoTime();
            org.latentledger.projection.Feasibility feasible = Projections.feasibility(engine, ps, input.length, input[0].length);
            if (feasible.verdict() == org.latentledger.projection.Feasibility.Verdict.WARN) {
                spec.commandLine().getErr().println(feasible.message());
            }
            Projection p = Parallelism.with(threads,
                    () -> LayerMapper.layout(input, ps, engine, new TrainSamplesCommand.ConsoleProgress(), null));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProjectionBench.cpuNanos() - c0) / 1e9;
            long peakMb = ProjectionBench.peakRssMb();
            write(p, data);
            double trust = Trustworthiness.sampled(points, Projections.rows(p), 5, trustSample, seed);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("points", p.size());
            summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
            summary.put("method", method.cliName());
            summary.put("engine", ps instanceof ProjectionSpec.Pca ? "ours" : engine.cliName());
            summary.put("seed", seed);
            summary.put("trustworthiness_k5", Math.round(trust * 10000) / 10000.0);
            summary.put("trustworthiness_points", Math.min(trustSample, p.size()));
            double accuracy = LayoutQuality.knnAccuracy(Projections.rows(p), data.labels(), 5, trustSample, seed);
            if (!Double.isNaN(accuracy)) {
                summary.put("knn_accuracy_k5", Math.round(accuracy * 10000) / 10000.0);
            }
            summary.put("cpu_seconds", Math.round(cpuSeconds * 1000) / 1000.0);
            summary.put("peak_rss_mb", peakMb);
            summary.put("threads", threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads);
            summary.put("dims", dims);
            summary.put("layer", layerName);
            summary.put("input_dims", points[0].length);
            summary.put("description", p.method());
            summary.put("out", out.toString());
            if (timing != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("wall_seconds", seconds);
                t.put("cpu_seconds", cpuSeconds);
                t.put("peak_rss_mb", peakMb);
                t.put("threads", summary.get("threads"));
                Files.writeString(timing, Json.of(t));
            }
            if (json) {
                spec.commandLine().getOut().println(Json.of(summary));
            } else {
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Wrote %s: %s of %s, %d points, %.2f s, trustworthiness(5) %.4f%n",
                        out, p.method(), layerName, p.size(), seconds, trust);
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
        return 0;
    }

    private void write(Projection p, Dataset data) throws java.io.IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".part");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(p.dimensions() == 3 ? "index,x,y,z,label\n" : "index,x,y,label\n");
                for (int i = 0; i < p.size(); i++) {
                    StringBuilder line = new StringBuilder().append(i);
                    for (int d = 0; d < p.dimensions(); d++) {
                        line.append(',').append(p.axis(d)[i]);
                    }
                    String label = data.labels()[i] < 0 ? "" : data.labelName(i);
                    line.append(',').append(label.contains(",") || label.contains("\"") ? '"' + label.replace("\"", "\"\"") + '"' : label);
                    w.write(line.append('\n').toString());
                }
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

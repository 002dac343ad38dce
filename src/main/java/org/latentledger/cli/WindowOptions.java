package org.latentledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.data.BundledData;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.ui.ShotRequest;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;
import picocli.CommandLine.Option;

/** The options of the commands that render the real window headless: what to open and how to show it. */
final class WindowOptions {

    @Option(names = "--model", defaultValue = "digits-mlp",
            description = "A bundled model (digits-mlp, digits-autoencoder, fashion-mlp, fashion-cnn; default: ${DEFAULT-VALUE}) "
                    + "or a model file.")
    String model;

    @Option(names = "--data", description = "A data file or folder to open, or the bundled sample's own data by name "
            + "(digits, fashion-mnist; the default).")
    String data;

    @Option(names = "--layer", description = "Layer to map, by index (0-based) or name (default: the model's default layer).")
    String layer;

    @Option(names = "--method", defaultValue = "pca", description = "Map projection: pca, tsne or umap (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--dims", defaultValue = "2", description = "2 or 3 (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of t-SNE and UMAP (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--axes", description = "Draw the layer's principal axes on the map.")
    boolean axes;

    @Option(names = "--query", defaultValue = "-1", description = "The data point the journey and the ledger follow (default: the first).")
    int query;

    @Option(names = "--policy", description = "The ledger's policy: dense, natural, topk:K, threshold:T or routed:R:K.")
    String policy;

    @Option(names = "--frontier", description = "Compute the ledger's frontier too (always done for --view frontier).")
    boolean frontier;

    @Option(names = "--theme", defaultValue = "light", description = "light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--presentation", description = "Presentation mode: larger type and marks, higher contrast, no menus.")
    boolean presentation;

    @Option(names = "--scale", defaultValue = "1", description = "Render scale, e.g. 1, 2 or 4 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--width", defaultValue = "1440", description = "Window width in points (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Window height in points (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--samples-dir", description = "Read sample-models/ and assets/ from this folder instead of the "
            + "copies inside the app (e.g. to look at freshly trained models).")
    Path samplesDir;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds to wait for the window to load (default: ${DEFAULT-VALUE}).")
    int timeout;

    /** Checks the values and builds the request for a target (a panel, or the window showing {@code page}). */
    ShotRequest request(ExportTarget target, Page page) {
        SampleModel sample = java.util.Arrays.stream(SampleModel.values()).filter(s -> s.fileName().equals(model)).findFirst().orElse(null);
        Path modelFile = sample == null ? Path.of(model) : null;
        Path dataFile = data == null ? null : Path.of(data);
        BundledData bundled = null;
        for (BundledData b : BundledData.values()) {
            if (b.displayName().equals(data)) {
                // The bundled sets travel with their own sample models.
                if (sample == null || sample.data() != b) {
                    throw new IllegalArgumentException("--data " + data + " is the bundled data of "
                            + java.util.Arrays.stream(SampleModel.values()).filter(s -> s.data() == b).map(SampleModel::fileName).toList()
                            + "; with another model give a data file");
                }
                dataFile = null;
                bundled = b;
            }
        }
        ResourceRoot files = samplesDir == null ? ResourceRoot.classpath() : ResourceRoot.directory(samplesDir);
        ShotRequest.Open open = new ShotRequest.Open(files, sample == null ? SampleModel.DIGITS_MLP : sample, modelFile, bundled, dataFile,
                layer);
        ShotRequest.Shown shown = new ShotRequest.Shown(target, page, Method.parse(method), Engine.OURS, dims, seed, axes, null, query,
                policy == null ? null : SparsityPolicy.parse(policy), frontier);
        ShotRequest.Look look = new ShotRequest.Look(width, height, scale, Theme.parse(theme), presentation);
        return new ShotRequest(open, shown, look, Duration.ofSeconds(timeout));
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.PngWriter;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.Screenshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "shot", mixinStandardHelpOptions = true,
        description = {"Renders the real main window headless (no display needed) and writes a PNG.",
                "Text and plots are rendered at the requested scale, not upscaled."})
final class ShotCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--scale", defaultValue = "1", description = "Render scale: 1, 2 or 4 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--width", defaultValue = "1440", description = "Window width in points (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Window height in points (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--model", defaultValue = "digits-mlp",
            description = "A bundled model (digits-mlp, digits-autoencoder, fashion-mlp, fashion-cnn; default: ${DEFAULT-VALUE}) "
                    + "or a model file.")
    String model;

    @Option(names = "--data", description = "A data file or folder to open (default: the bundled model's own data).")
    Path data;

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

    @Option(names = "--view", defaultValue = "window",
            description = "What to show: window (the map page), journey or ledger (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--policy", description = "For --view ledger: dense, natural, topk:K, threshold:T or routed:R:K.")
    String policy;

    @Option(names = "--frontier", description = "For --view ledger: compute and show the frontier too.")
    boolean frontier;

    @Option(names = "--query", defaultValue = "-1", description = "For --view journey: the data point to send (default: the first).")
    int query;

    @Option(names = "--samples-dir", description = "Read sample-models/ and assets/ from this folder instead of the "
            + "copies inside the app (e.g. to look at freshly trained models).")
    Path samplesDir;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the window to load (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() throws Exception {
        if (!java.util.Set.of("window", "journey", "ledger").contains(view)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--view is window, journey or ledger, not " + view);
        }
        if (!java.util.Set.of("pca", "tsne", "umap").contains(method) || (dims != 2 && dims != 3)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--method is pca, tsne or umap; --dims is 2 or 3");
        }
        if (scale <= 0 || scale > 8) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--scale must be in (0, 8], got " + scale);
        }
        SampleModel sample = null;
        for (SampleModel s : SampleModel.values()) {
            if (s.fileName().equals(model)) {
                sample = s;
            }
        }
        Path modelFile = sample == null ? Path.of(model) : null;
        Screenshots.Result shot = Screenshots.captureMainWindow(new Screenshots.Request(
                samplesDir == null ? ResourceRoot.classpath() : ResourceRoot.directory(samplesDir),
                sample == null ? SampleModel.DIGITS_MLP : sample, layer, width, height, scale, Duration.ofSeconds(timeout),
                modelFile, data, method, dims, seed, axes, view, query, policy, frontier));
        PngWriter.write(shot.image(), out);
        System.out.printf("Wrote %s (%d x %d)%n", out, shot.image().getWidth(), shot.image().getHeight());
        if (shot.problem() != null) {
            System.err.println("The window reported a problem: " + shot.problem());
            return 2;
        }
        return 0;
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.latentledger.data.BundledData;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.ui.ShotRequest;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the commands that render the real window headless: what to open and how to show it. */
final class WindowOptions {

    @Mixin
    ModelDataOptions inputs;

    @Mixin
    QueryOption query;

    @Option(names = "--workspace", paramLabel = "FILE.llws", description = "Open a workspace (its model and data, page, layer, map, "
            + "journey, ledger and look) instead of --model and --data; --width, --height and --scale still apply.")
    Path workspace;

    @Option(names = "--save-workspace", paramLabel = "FILE.llws", description = "Also write the workspace of what was rendered "
            + "(opening it with --workspace renders the same picture).")
    Path saveWorkspace;

    @Option(names = "--layer", description = "Layer to map, by index (0-based) or name (default: the model's default layer).")
    String layer;

    @Option(names = "--method", defaultValue = "pca", completionCandidates = Vocabulary.Methods.class,
            description = "Map projection: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--engine", defaultValue = "ours", completionCandidates = Vocabulary.Engines.class,
            description = "Whose t-SNE / UMAP computes the maps: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--layer-maps", paramLabel = "METHOD", completionCandidates = Vocabulary.Methods.class,
            description = "How the journey maps each layer: ${COMPLETION-CANDIDATES} (default: the map's --method).")
    Method layerMaps;

    @Option(names = "--dims", defaultValue = "2", description = "2 or 3 (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of t-SNE and UMAP (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--axes", description = "Draw the layer's principal axes on the map.")
    boolean axes;

    @Option(names = "--policy", paramLabel = "POLICY", description = "The ledger's policy: dense, natural, topk:K, threshold:T or routed:R:K.")
    SparsityPolicy policy;

    @Option(names = "--frontier", description = "Compute the ledger's frontier too (always done for --view frontier).")
    boolean frontier;

    @Option(names = "--theme", defaultValue = "light", completionCandidates = Vocabulary.Themes.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Theme theme;

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Checks the values and builds the request for a target (a panel, or the window showing {@code page}). */
    ShotRequest request(ExportTarget target, Page page) {
        try {
            ShotRequest.Shown shown = new ShotRequest.Shown(target, page, method, engine, dims, seed, axes, layerMaps, query.orFirst(), query.text, policy,
                    frontier);
            ShotRequest.Look look = new ShotRequest.Look(width, height, scale, theme, presentation);
            return new ShotRequest(open(), shown, look, Duration.ofSeconds(timeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /**
     * What the window opens: a bundled sample or a model file, with --data (a bundled set or a
     * file) or else the model's own data; a model file that is a copy of a bundled sample gets
     * that sample's data.
     */
    private ShotRequest.Open open() {
        ResourceRoot files = samplesDir == null ? ResourceRoot.classpath() : ResourceRoot.directory(samplesDir);
        Optional<SampleModel> sample = inputs.namedModel();
        Path modelFile = sample.isPresent() ? null : Path.of(inputs.model);
        Optional<BundledData> bundled = inputs.namedData();
        Path dataFile = inputs.data == null || bundled.isPresent() ? null : Path.of(inputs.data);
        if (sample.isPresent() && bundled.isPresent() && !bundled.get().fitsLike(sample.get().data())) {
            throw new IllegalArgumentException("--data " + bundled.get().displayName() + " does not fit " + sample.get().fileName()
                    + ", which takes " + sample.get().data().displayName());
        }
        BundledData data = bundled.orElse(null);
        if (modelFile != null && data == null && dataFile == null) {
            data = ModelDataOptions.copiedSample(modelFile, files).map(SampleModel::data).orElse(null);
        }
        return new ShotRequest.Open(files, sample.orElse(SampleModel.DIGITS_MLP), modelFile, data, dataFile, layer)
                .withWorkspace(workspace, saveWorkspace);
    }

    /** Says what the window reported, if anything: status 2 when it reported a problem, else 0. */
    static int status(String problem) {
        if (problem == null) {
            return 0;
        }
        System.err.println("The window reported a problem: " + problem);
        return 2;
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.export.ProjectorTsvWriter;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"Runs the model over the data and writes one layer's activations as Embedding-Projector TSV",
                "(FILE.tsv with metadata.tsv beside it), so other tools can open them."})
final class ActivationsCommand implements Callable<Integer> {

    enum View { full, mean }

    @Mixin
    ModelDataOptions inputs;

    @Option(names = "--layer", required = true, description = "Layer index (0-based, as inspect lists them) or name.")
    String layerRef;

    @Option(names = "--out", required = true, description = "Vectors file to write (metadata.tsv goes beside it).")
    Path out;

    @Option(names = "--view", defaultValue = "full", description = "For convolutional layers: full (the flattened maps) "
            + "or mean (one value per channel). Default: ${DEFAULT-VALUE}.")
    View view;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel model = inputs.loadModel()) {
            LayerInfo layer = model.layer(layerRef);
            Dataset data = inputs.fittingData(model);
            List<LayerActivations> acts = ActivationRecorder.record(model, data.features(), new TrainSamplesCommand.ConsoleProgress());
            LayerActivations a = acts.get(layer.index());
            float[][] rows = view == View.mean ? a.perChannelMean() : a.values();
            Path metadata = ProjectorTsvWriter.write(out, rows, data);
            spec.commandLine().getOut().printf("Wrote %s (%d x %d, layer %s%s) and %s%n", out, rows.length, rows.length == 0 ? 0 : rows[0].length,
                    layer.name(), a.isConvolutional() ? ", " + (view == View.mean ? "per-channel means" : "full maps") : "", metadata);
        }
        return 0;
    }
}

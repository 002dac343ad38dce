package org.latentledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentledger.data.BundledData;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.DataLoader;
import org.latentledger.data.Dataset;
import org.latentledger.data.Hashing;
import org.latentledger.data.ImageShape;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.DataCheck;
import org.latentledger.model.InputSpec;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoadException;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --model} and {@code --data}, read the same way by every command that takes them: a
 * file or folder when one exists at that path, else a bundled sample by name. Without
 * {@code --data} a bundled model brings its own data, and so does a model file that is a copy of
 * a bundled model's zip (the same SHA-256); any other model file has no data of its own.
 */
final class ModelDataOptions {

    static final String DEFAULT_MODEL = "digits-mlp";

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL, completionCandidates = Vocabulary.Samples.class,
            description = "A bundled model (${COMPLETION-CANDIDATES}) or a model file (DL4J zip, Keras .h5 or .keras, ONNX .onnx) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", paramLabel = "DATA", completionCandidates = Vocabulary.DataSets.class,
            description = {"A data file or folder (CSV/TSV with a header, IDX, vectors.tsv, a folder of images in class sub-folders) "
                    + "or a bundled set (${COMPLETION-CANDIDATES}).",
                    "Default: a bundled model's own data, also for a copy of its file; other model files need --data."})
    String data;

    @Option(names = "--unlabelled-images", description = "Read a --data folder of images with no class sub-folders as unlabelled images "
            + "(else it is refused: the classes are the sub-folders' names).")
    boolean unlabelledImages;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * For {@code project}, which without {@code --model} maps the data itself: there {@code --model}
     * has no default and {@code --data} is needed without it.
     */
    static final class NoDefaultModel implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec option = spec.findOption("--model");
            spec.remove(option);
            spec.addOption(OptionSpec.builder(option).defaultValue(null).description(
                    "A bundled model (${COMPLETION-CANDIDATES}) or a model file (DL4J zip, Keras .h5 or .keras, ONNX .onnx); without it the data itself is "
                            + "mapped (and --data is needed).").build());
            return spec;
        }
    }

    boolean hasModel() {
        return model != null;
    }

    LoadedModel loadModel() throws ModelLoadException {
        return ModelLoader.load(model);
    }

    /** The bundled sample --model names, when it names one rather than a file. */
    Optional<SampleModel> namedModel() {
        return model == null || Files.exists(Path.of(model)) ? Optional.empty() : SampleModel.find(model);
    }

    /** The bundled set --data names, when it names one rather than a file or folder. */
    Optional<BundledData> namedData() {
        return data == null || Files.exists(Path.of(data)) ? Optional.empty() : BundledData.find(data);
    }

    /**
     * The data a command runs the model on: --data, read for the model's input and refused, naming
     * the file and both shapes, when it does not fit; else the model's own data.
     */
    Dataset fittingData(LoadedModel m) throws DataFormatException {
        Dataset d = dataFor(m).orElseThrow(() -> usage("--data is needed with " + m.source()
                + ": it is not one of the bundled models (" + SampleModel.names() + "), so it has no data of its own"));
        String problem = DataCheck.mismatch(m.input(), d);
        if (problem != null) {
            throw new IllegalArgumentException(d.source() + ": " + problem);
        }
        return d;
    }

    /** --data read for the model's input (not checked against it), else the model's own data, else none. */
    Optional<Dataset> dataFor(LoadedModel m) throws DataFormatException {
        if (data != null) {
            InputSpec spec = m.input();
            ImageShape shape = spec.isImage() ? new ImageShape(spec.height(), spec.width(), spec.channels()) : null;
            return Optional.of(DataLoader.open(data, shape, spec.channelsLast(), unlabelledImages));
        }
        Optional<SampleModel> own = namedModel().or(() -> SampleModel.withHash(m.hash(), ResourceRoot.classpath()));
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get().data().load(ResourceRoot.classpath()));
    }

    /** Without a model: --data as it is, which is then needed. */
    Dataset dataAlone() throws DataFormatException {
        if (data == null) {
            throw usage("--data is needed without --model: it is what is mapped");
        }
        return DataLoader.open(data, null, false, unlabelledImages);
    }

    /** The bundled sample a model file is a copy of (read from {@code files}), if it is one. */
    static Optional<SampleModel> copiedSample(Path modelFile, ResourceRoot files) {
        try {
            return SampleModel.withHash(Hashing.sha256(Files.readAllBytes(modelFile)), files);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: whoever opens it says so
        }
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}

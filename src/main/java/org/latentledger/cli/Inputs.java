package org.latentledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentledger.data.BundledData;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.Dataset;
import org.latentledger.data.ImageShape;
import org.latentledger.data.DataLoader;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.InputSpec;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoadException;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;

/**
 * What {@code --model} and {@code --data} name: a file or folder, or, when no such path exists,
 * a bundled sample by name ("digits-mlp", "digits", "fashion-mnist").
 */
public final class Inputs {

    private Inputs() {
    }

    public static LoadedModel model(String ref) throws ModelLoadException {
        Path path = Path.of(ref);
        if (!Files.exists(path)) {
            for (SampleModel s : SampleModel.values()) {
                if (s.fileName().equals(ref)) {
                    return ModelLoader.load(ResourceRoot.classpath(), s.zipPath());
                }
            }
        }
        return ModelLoader.load(path);
    }

    /** Reads data for the model and refuses it, naming the file and both shapes, when it does not fit. */
    public static Dataset fittingData(String ref, LoadedModel model) throws DataFormatException {
        Dataset data = data(ref, model);
        String problem = org.latentledger.model.DataCheck.mismatch(model.input(), data);
        if (problem != null) {
            throw new IllegalArgumentException(data.source() + ": " + problem);
        }
        return data;
    }

    /** Reads data, converting images to the model's input shape when there is a model. */
    public static Dataset data(String ref, LoadedModel model) throws DataFormatException {
        Path path = Path.of(ref);
        if (!Files.exists(path)) {
            for (BundledData b : BundledData.values()) {
                if (b.displayName().equals(ref)) {
                    return b.load(ResourceRoot.classpath());
                }
            }
        }
        InputSpec spec = model == null ? null : model.input();
        ImageShape shape = spec != null && spec.isImage() ? new ImageShape(spec.height(), spec.width(), spec.channels()) : null;
        return DataLoader.open(path, shape, spec != null && spec.channelsLast());
    }
}

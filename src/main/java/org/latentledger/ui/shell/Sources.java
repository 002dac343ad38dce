package org.latentledger.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentledger.data.BundledData;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.DataLoader;
import org.latentledger.data.Dataset;
import org.latentledger.data.ImageShape;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.InputSpec;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoadException;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;

/** Where models and data come from: a bundled sample or a file the user chose. */
final class Sources {

    private Sources() {
    }

    sealed interface ModelSource {
        LoadedModel load() throws ModelLoadException;

        /** The model card beside it, or null (informative only: a missing card leaves the model usable). */
        ModelCard card();

        String label();
    }

    sealed interface DataSource {
        /** Reads the data; images are converted to the model's input shape when there is a model. */
        Dataset load(LoadedModel model) throws DataFormatException;

        /** True when reading depends on the model (image folders are resized to its input). */
        boolean dependsOnModel();

        String label();
    }

    record BundledModel(SampleModel sample, ResourceRoot root) implements ModelSource {
        @Override
        public LoadedModel load() throws ModelLoadException {
            return ModelLoader.load(root, sample.zipPath());
        }

        @Override
        public ModelCard card() {
            try {
                return ModelCard.fromJson(new String(root.read(sample.cardPath()), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String label() {
            return sample.fileName();
        }
    }

    record ModelFile(Path path) implements ModelSource {
        @Override
        public LoadedModel load() throws ModelLoadException {
            return ModelLoader.load(path);
        }

        @Override
        public ModelCard card() {
            Path json = path.resolveSibling(path.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".json");
            try {
                return Files.isRegularFile(json) ? ModelCard.fromJson(Files.readString(json)) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String label() {
            return path.getFileName().toString();
        }
    }

    record BundledSet(BundledData data, ResourceRoot root) implements DataSource {
        @Override
        public Dataset load(LoadedModel model) throws DataFormatException {
            return data.load(root);
        }

        @Override
        public boolean dependsOnModel() {
            return false;
        }

        @Override
        public String label() {
            return data.displayName();
        }
    }

    /** @param unlabelledImages read a folder of images without class sub-folders as unlabelled */
    record DataFile(Path path, boolean unlabelledImages) implements DataSource {

        DataFile(Path path) {
            this(path, false);
        }

        @Override
        public Dataset load(LoadedModel model) throws DataFormatException {
            InputSpec spec = model == null ? null : model.input();
            ImageShape shape = spec != null && spec.isImage() ? new ImageShape(spec.height(), spec.width(), spec.channels()) : null;
            return DataLoader.open(path, shape, spec != null && spec.channelsLast(), unlabelledImages);
        }

        @Override
        public boolean dependsOnModel() {
            return Files.isDirectory(path) && !Files.isRegularFile(path.resolve("vectors.tsv"));
        }

        @Override
        public String label() {
            return path.getFileName().toString();
        }
    }
}

package org.latentledger.ui.shell;

import java.nio.file.Path;
import org.latentledger.data.BundledData;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;

/**
 * The window's open commands in terms of sources: what to load, how the job is called, what a
 * failure is titled, and which files go on the recent lists once they opened.
 */
final class FileOpener {

    /** Runs the opening as the window's job and shows what it opened. */
    @FunctionalInterface
    interface Opening {
        void open(String what, Sources.ModelSource model, Sources.DataSource data, String failure, Runnable onSuccess);
    }

    private final ResourceRoot root;
    private final RecentFiles recent;
    private final Opening opening;

    FileOpener(ResourceRoot root, RecentFiles recent, Opening opening) {
        this.root = root;
        this.recent = recent;
        this.opening = opening;
    }

    /** A bundled model on its bundled data set. */
    void sample(SampleModel sample) {
        opening.open("Opening " + sample.fileName(), new Sources.BundledModel(sample, root), new Sources.BundledSet(sample.data(), root),
                "Could not open " + sample.fileName(), null);
    }

    /** A bundled data set through the open model. */
    void bundled(BundledData data) {
        opening.open("Opening " + data.displayName(), null, new Sources.BundledSet(data, root), "Could not open the data", null);
    }

    /** A folder of images without class sub-folders, read as unlabelled images (asked for by the user). */
    void unlabelledImages(Path folder) {
        opening.open("Opening images " + folder.getFileName(), null, new Sources.DataFile(folder, true), "Could not open the images",
                () -> recent.add(false, folder));
    }

    /** A model file, a data file, or both (either may be null); each goes on its recent list once open. */
    void both(Path modelFile, Path dataFile) {
        if (modelFile == null && dataFile == null) {
            return;
        }
        String what = modelFile == null ? "Opening data " + dataFile.getFileName()
                : dataFile == null ? "Opening model " + modelFile.getFileName() : "Opening " + modelFile.getFileName();
        String failure = modelFile == null ? "Could not open the data" : dataFile == null ? "Could not open the model" : "Could not open the files";
        opening.open(what, modelFile == null ? null : new Sources.ModelFile(modelFile), dataFile == null ? null : new Sources.DataFile(dataFile),
                failure, () -> {
                    if (modelFile != null) {
                        recent.add(true, modelFile);
                    }
                    if (dataFile != null) {
                        recent.add(false, dataFile);
                    }
                });
    }
}

package org.latentledger.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sorts files dropped on the window (or given together) into a model and data: .zip, .h5,
 * .hdf5 and .keras files are models, anything else (files or folders) is data. The first of each
 * kind wins.
 */
record DroppedFiles(Path model, Path data) {

    static DroppedFiles of(List<Path> files) {
        Path model = null;
        Path data = null;
        for (Path f : files) {
            if (isModel(f)) {
                model = model == null ? f : model;
            } else {
                data = data == null ? f : data;
            }
        }
        return new DroppedFiles(model, data);
    }

    static boolean isModel(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !Files.isDirectory(f) && (n.endsWith(".zip") || n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras") || n.endsWith(".onnx"));
    }
}

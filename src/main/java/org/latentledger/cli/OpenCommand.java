package org.latentledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentledger.ui.LatentLedgerApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Opens the window on your own files: a model (.zip, .h5, .onnx) and/or data (CSV, IDX, vectors.tsv,",
                "a folder of images), sorted by kind. Problems are shown in the window."})
final class OpenCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "A model file and/or a data file or folder.")
    List<Path> files;

    @Override
    public Integer call() {
        LatentLedgerApp.openFiles(files);
        return 0;
    }
}

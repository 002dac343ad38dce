package org.latentledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentledger.export.PngWriter;
import org.latentledger.ui.Screenshots;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "shot", mixinStandardHelpOptions = true,
        description = {"Renders the real window, or one of its panels, headless (no display needed) and writes a PNG with "
                + "its provenance beside it (FILE.png.json).",
                "Text and plots are rendered at the requested scale, not upscaled."})
final class ShotCommand implements Callable<Integer> {

    /** Where the command writes what it did: the command line's output (System.out unless a caller gave another). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--view", defaultValue = "window", completionCandidates = Vocabulary.Targets.class,
            description = "What to render, the window or one panel (ledger: its heatmaps): ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    ExportTarget view;

    @Option(names = "--page", completionCandidates = Vocabulary.Pages.class,
            description = "For --view window: the page shown, ${COMPLETION-CANDIDATES} (default: map).")
    Page page;

    @Option(names = "--no-sidecar", description = "Do not write the provenance file beside the PNG.")
    boolean noSidecar;

    @Mixin
    WindowOptions window;

    @Override
    public Integer call() throws Exception {
        Screenshots.Result shot = Screenshots.captureMainWindow(window.request(view, page));
        PngWriter.write(shot.image(), out);
        if (!noSidecar) {
            shot.provenance().writeBeside(out);
        }
        spec.commandLine().getOut().printf("Wrote %s (%d x %d)%n", out, shot.image().getWidth(), shot.image().getHeight());
        return WindowOptions.status(shot.problem());
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentledger.export.PngWriter;
import org.latentledger.ui.Screenshots;
import org.latentledger.ui.ShotRequest;
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

    @Option(names = "--out", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--view", defaultValue = "window",
            description = "What to render: window, map, map3d, journey, ledger (the heatmaps) or frontier (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--page", description = "For --view window: the page shown, map, journey or ledger (default: map).")
    String page;

    @Option(names = "--no-sidecar", description = "Do not write the provenance file beside the PNG.")
    boolean noSidecar;

    @Mixin
    WindowOptions window;

    @Override
    public Integer call() throws Exception {
        ShotRequest request;
        try {
            request = window.request(ExportTarget.parse(view), page == null ? null : Page.parse(page));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        Screenshots.Result shot = Screenshots.captureMainWindow(request);
        PngWriter.write(shot.image(), out);
        if (!noSidecar) {
            shot.provenance().writeBeside(out);
        }
        System.out.printf("Wrote %s (%d x %d)%n", out, shot.image().getWidth(), shot.image().getHeight());
        if (shot.problem() != null) {
            System.err.println("The window reported a problem: " + shot.problem());
            return 2;
        }
        return 0;
    }
}

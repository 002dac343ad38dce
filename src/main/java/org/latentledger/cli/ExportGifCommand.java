package org.latentledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentledger.export.AnimatedGif;
import org.latentledger.export.FrameSequence;
import org.latentledger.ui.Screenshots;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export-gif", mixinStandardHelpOptions = true,
        description = {"Renders a query's journey headless as an animated GIF: one frame per layer (the journey page with that "
                + "layer's map large), or a sweep of the interpolation t or the steering alpha; each frame the maps and route alone, or the "
                + "whole page (--frame-area). Writes FILE.gif.json beside it."})
final class ExportGifCommand implements Callable<Integer> {

    /** Where the command writes what it did: the command line's output (System.out unless a caller gave another). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "GIF file to write.")
    Path out;

    @Option(names = "--sweep", defaultValue = "layers", completionCandidates = Vocabulary.Sweeps.class,
            description = "${COMPLETION-CANDIDATES}: one frame per layer, t from 0 to 1 between --query and the next point with "
                    + "another label, or alpha from -2 to +2 along the first axis of the middle layer (default: ${DEFAULT-VALUE}).")
    Sweep sweep;

    @Option(names = "--steps", defaultValue = "24", description = "Frames of a sweep (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--frame-area", defaultValue = "maps", completionCandidates = Vocabulary.FrameAreas.class,
            description = "${COMPLETION-CANDIDATES}: the mini-maps, large map and route alone, or the whole journey page with its "
                    + "controls (default: ${DEFAULT-VALUE}).")
    org.latentledger.view.FrameArea area;

    @Option(names = "--frames", description = "Also write the frames as numbered PNGs into this folder.")
    Path frames;

    @Mixin
    WindowOptions window;

    @Override
    public Integer call() throws Exception {
        if (steps < 2 || steps > 500) {
            throw new picocli.CommandLine.ParameterException(window.mixee.commandLine(), "--steps must be between 2 and 500, got " + steps);
        }
        Screenshots.Animation a = Screenshots.captureJourney(window.request(ExportTarget.JOURNEY, null), sweep, steps, area);
        long t0 = System.nanoTime();
        AnimatedGif.write(a.frames(), a.frameMillis(), out);
        double encode = (System.nanoTime() - t0) / 1e9;
        a.provenance().writeBeside(out);
        if (frames != null) {
            FrameSequence.write(a.frames(), frames, "journey-" + sweep.cliName());
        }
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Wrote %s (%d frames, %d x %d; rendered in %.2f s, encoded in %.2f s)%n", out,
                a.frames().size(), a.frames().getFirst().getWidth(), a.frames().getFirst().getHeight(), a.renderSeconds(), encode);
        return WindowOptions.status(a.problem());
    }
}

package org.latentledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.PngWriter;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.ui.Screenshots;
import org.latentledger.ui.ShotRequest;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A lesson played headless from its first step to its last, as a teacher previews it. */
@Command(name = "lesson", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plays a lesson headless on the real window (no display needed), step by step as Next shows it, and "
                + "checks that every step finishes: its actions done, no problem reported, every fact of its text filled in. "
                + "With --shots, writes one PNG of the window per step (01-step-title.png, ...) with its provenance beside it "
                + "(FILE.png.json). Teachers preview a lesson, or a lesson file they wrote, with it.",
                "The lessons are JSON files of steps and actions (docs/decisions/0009-lessons-replay.md; the shipped ones are in "
                        + "assets/lessons/)."},
        footerHeading = "%nExamples:%n",
        footer = {"  latent-ledger lesson where-meaning-lives --shots preview/",
                "  latent-ledger lesson autumn-leaves --journey-maps umap --shots preview/",
                "  latent-ledger lesson my-lesson.json --presentation --width 1280 --height 720",
                "  latent-ledger lesson my-lesson.json --journey-maps tsne"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every step finished",
                "1:bad input: an unknown lesson name, a lesson file that cannot be read or has a mistake (named)",
                "2:a step did not finish (named, with why: a timeout, a problem, a fact not filled in), or a usage error"})
final class LessonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME|FILE",
            description = "A shipped lesson by name (${COMPLETION-CANDIDATES}), or a lesson file (JSON, as the shipped ones; "
                    + "model and data paths in it are relative to the file).",
            completionCandidates = ShippedLessons.class)
    String lesson;

    @Option(names = "--shots", paramLabel = "DIR", description = "Write one PNG of the window per step into this folder "
            + "(made if missing); the step that did not finish is written too. Without it, the lesson is only played and checked.")
    Path shots;

    @Option(names = "--journey-maps", paramLabel = "METHOD", completionCandidates = Vocabulary.Methods.class,
            description = "How the journey maps each layer for the whole lesson: ${COMPLETION-CANDIDATES} (default: as the lesson "
                    + "says, else pca). The map page keeps the lesson's own method.")
    Method journeyMaps;

    @Option(names = "--no-sidecar", description = "Do not write the provenance file beside each PNG.")
    boolean noSidecar;

    @Option(names = "--theme", defaultValue = "light", completionCandidates = Vocabulary.Themes.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Theme theme;

    @Option(names = "--presentation", description = "Presentation mode: larger type and marks, higher contrast, no menus.")
    boolean presentation;

    @Option(names = "--scale", defaultValue = "1", description = "Render scale of the PNGs, e.g. 1 or 2 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--width", defaultValue = "1440", description = "Window width in points (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Window height in points (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Seconds one step may take before it counts as not finished (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--samples-dir", paramLabel = "DIR", description = "Read sample-models/ and assets/ (the shipped lessons too) "
            + "from this folder instead of the copies inside the app.")
    Path samplesDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The shipped lessons' names, for the help text and shell completion. */
    static final class ShippedLessons extends java.util.ArrayList<String> {
        ShippedLessons() {
            try {
                addAll(Screenshots.shippedLessons(ResourceRoot.classpath()));
            } catch (IOException e) {
                // a build without assets: no names to offer
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ResourceRoot files = samplesDir == null ? ResourceRoot.classpath() : ResourceRoot.directory(samplesDir);
        ShotRequest request = request(files);
        Screenshots.LessonInfo info = Screenshots.lesson(files, lesson);
        if (shots != null) {
            try {
                Files.createDirectories(shots);
            } catch (IOException e) {
                throw new IOException("cannot write the pictures into " + shots + ": expected a folder that can be made or written, found "
                        + (Files.exists(shots) && !Files.isDirectory(shots) ? "a file" : e.getClass().getSimpleName() + " " + e.getMessage()), e);
            }
        }
        out().printf(Locale.ROOT, "Lesson \"%s\" (%d steps, %s), journey maps: %s%n", info.title(), info.steps().size(), info.source(),
                journeyMaps == null ? "as the lesson says" : journeyMaps.label());
        Screenshots.LessonOutcome outcome = Screenshots.playLesson(request, lesson, shots != null, this::step);
        if (outcome.failure() != null) {
            spec.commandLine().getErr().printf(Locale.ROOT, "error: lesson \"%s\" did not finish: %s%n", info.title(), outcome.failure());
            return 2;
        }
        out().printf(Locale.ROOT, "All %d steps finished%s%n", outcome.steps(), shots == null ? "." : "; the pictures are in " + shots);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private void step(Screenshots.LessonStep s) throws IOException {
        String written = "";
        if (s.image() != null) {
            Path out = shots.resolve(stepFile(s.step(), s.title()));
            PngWriter.write(s.image(), out);
            if (!noSidecar) {
                s.provenance().writeBeside(out);
            }
            written = "  " + out;
        }
        out().printf(Locale.ROOT, "  %2d/%d  %-44s %6.1f s%s%n", s.step(), s.steps(), s.title(), s.seconds(), written);
    }

    /** A step's file: its number and title, {@code 04-one-querys-journey.png}. */
    static String stepFile(int step, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-[^-]*$", "");
        }
        return String.format(Locale.ROOT, "%02d%s.png", step, slug.isEmpty() ? "" : "-" + slug);
    }

    private ShotRequest request(ResourceRoot files) {
        try {
            if (timeout <= 0) {
                throw new IllegalArgumentException("--timeout must be a positive number of seconds, not " + timeout);
            }
            ShotRequest.Shown shown = new ShotRequest.Shown(ExportTarget.WINDOW, null, Method.PCA, Engine.OURS, 2, 42, false, journeyMaps,
                    -1, null, null, false);
            ShotRequest.Look look = new ShotRequest.Look(width, height, scale, theme, presentation);
            return new ShotRequest(ShotRequest.Open.sample(files, SampleModel.DIGITS_MLP), shown, look, Duration.ofSeconds(timeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

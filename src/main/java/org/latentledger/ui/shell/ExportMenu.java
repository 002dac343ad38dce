package org.latentledger.ui.shell;

import org.latentledger.view.Sweep;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import org.latentledger.view.FrameArea;
import javafx.stage.FileChooser;
import org.latentledger.view.ExportTarget;
import org.latentledger.ui.export.Exporter;

/**
 * The Export menu: the current panel (Ctrl+E) or any panel or the whole window as PNG at the
 * chosen scale with a provenance sidecar; the journey as an animated GIF or PNG frames (layer by
 * layer, or sweeping t or alpha); the ledger and frontier as CSV; the map as Embedding-Projector
 * TSV; and the current panel copied to the clipboard.
 */
final class ExportMenu {

    private static final int SWEEP_STEPS = 24;

    private final MainViewModel vm;
    private final MainView view;
    private final ExportFolder folder = ExportFolder.user();
    /** Journey animations show the maps and route alone unless the whole page is asked for. */
    private final javafx.scene.control.CheckMenuItem wholePage = new javafx.scene.control.CheckMenuItem("Animations show the whole page");

    ExportMenu(MainViewModel vm, MainView view) {
        this.vm = vm;
        this.view = view;
    }

    Menu build() {
        MenuItem current = item("Export current panel ...", key(KeyCode.E), () -> image(view.currentTarget()));
        Menu images = new Menu("Export image");
        KeyCode[] keys = {KeyCode.W, KeyCode.M, KeyCode.DIGIT3, KeyCode.J, KeyCode.L, KeyCode.F};
        for (ExportTarget t : ExportTarget.values()) {
            images.getItems().add(item(t.label() + " as PNG ...", shiftKey(keys[t.ordinal()]), () -> image(t)));
        }
        Menu scale = new Menu("Image scale");
        ToggleGroup scales = new ToggleGroup();
        for (int s : new int[] {1, 2, 4}) {
            RadioMenuItem r = new RadioMenuItem(s + "x");
            r.setToggleGroup(scales);
            r.setSelected(vm.appearance().exportScaleProperty().get() == s);
            r.setOnAction(e -> vm.appearance().exportScaleProperty().set(s));
            vm.appearance().exportScaleProperty().addListener((o, a, now) -> r.setSelected(now.intValue() == s));
            scale.getItems().add(r);
        }
        MenuItem gif = item("Journey as animated GIF ...", shiftKey(KeyCode.G), () -> animation(Sweep.LAYERS, true));
        MenuItem frames = item("Journey as PNG frames ...", null, () -> animation(Sweep.LAYERS, false));
        Menu sweeps = new Menu("Sweep as animated GIF");
        sweeps.getItems().addAll(item("Interpolation A -> B (t from 0 to 1) ...", null, () -> animation(Sweep.INTERPOLATION, true)),
                item("Steering along the axis (alpha from -2 to +2 spreads) ...", null, () -> animation(Sweep.STEERING, true)));
        Menu sweepFrames = new Menu("Sweep as PNG frames");
        sweepFrames.getItems().addAll(item("Interpolation A -> B ...", null, () -> animation(Sweep.INTERPOLATION, false)),
                item("Steering along the axis ...", null, () -> animation(Sweep.STEERING, false)));
        wholePage.setSelected(false);
        MenuItem ledgerCsv = item("Ledger as CSV ...", null, () -> csv("ledger", "ledger.csv"));
        MenuItem frontierCsv = item("Frontier as CSV ...", null, () -> csv("frontier", "frontier.csv"));
        MenuItem tsv = item("Map as Embedding-Projector TSV ...", null, this::tsv);
        MenuItem copy = item("Copy image of the current panel", shiftKey(KeyCode.C), this::copy);
        return new Menu("Export", null, current, images, scale, new SeparatorMenuItem(), gif, frames, sweeps, sweepFrames, wholePage,
                new SeparatorMenuItem(), ledgerCsv, frontierCsv, tsv, new SeparatorMenuItem(), copy);
    }

    private double scale() {
        return vm.appearance().exportScaleProperty().get();
    }

    private String baseName() {
        return vm.modelProperty().get() == null ? (vm.datasetProperty().get() == null ? "latent-ledger" : vm.datasetProperty().get().name())
                : vm.modelProperty().get().name();
    }

    private void image(ExportTarget t) {
        Path file = save("Export " + t + " as PNG", String.format(Locale.ROOT, "%s-%s@%dx.png", t.cliName(), safe(baseName()), (int) scale()),
                new FileChooser.ExtensionFilter("PNG image", "*.png"));
        if (file == null) {
            return;
        }
        run("Could not export the " + t, () -> {
            var img = view.exporter().png(t, scale(), file);
            wrote(file, String.format(Locale.ROOT, "Wrote %s (%d x %d) and its provenance %s.json", file.getFileName(), img.getWidth(),
                    img.getHeight(), file.getFileName()));
        });
    }

    private void animation(Sweep sweep, boolean gif) {
        String what = sweep.name().toLowerCase(Locale.ROOT);
        if (!view.exporter().journeyReady()) {
            vm.navigate(org.latentledger.view.Page.JOURNEY);
            vm.say("The journey is preparing its maps; export again once it is shown.");
            return;
        }
        Path target;
        if (gif) {
            target = save("Export the journey as an animated GIF", "journey-" + what + "-" + safe(baseName()) + ".gif",
                    new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the journey's PNG frames");
            chooser.setInitialDirectory(folder.initial().toFile());
            File f = chooser.showDialog(view.getScene().getWindow());
            if (f != null) {
                folder.remember(f.toPath());
            }
            target = f == null ? null : f.toPath();
        }
        if (target == null) {
            return;
        }
        // Frames are rendered on the FX thread (the journey computes there), one per turn so the
        // window shows progress; 1x keeps a GIF small. Writing them is a job: progress and cancel.
        double s = gif ? 1 : scale();
        FrameArea area = wholePage.isSelected() ? FrameArea.PAGE : FrameArea.MAPS;
        run("Could not export the journey", () -> view.exporter().framesStepwise(sweep, SWEEP_STEPS, s, area,
                (k, n) -> vm.say("Rendering frame " + k + " of " + n + " ..."), () -> false, frames -> {
                    org.latentledger.export.Provenance p = view.exporter().provenance(ExportTarget.JOURNEY);
                    vm.jobs().run(org.latentledger.ui.jobs.Lane.EXPORT, gif ? "Writing " + target.getFileName() : "Writing the frames", (progress, partial) -> {
                        if (gif) {
                            Exporter.writeGif(frames, sweep, area, s, target, p, progress);
                            return target.getFileName() + " (" + frames.size() + " frames)";
                        }
                        return Exporter.writeFrames(frames, sweep, area, s, target, p).size() + " frames into " + target;
                    }, null, written -> wrote(target, "Wrote " + written), error -> vm.report("Could not write the journey", error));
                }));
    }

    private void csv(String which, String name) {
        Path file = save("Export the " + which + " as CSV", which + "-" + safe(baseName()) + ".csv",
                new FileChooser.ExtensionFilter("CSV", "*.csv"));
        if (file == null) {
            return;
        }
        run("Could not export the " + which, () -> {
            if (which.equals("ledger")) {
                view.exporter().ledgerCsv(file);
            } else {
                view.exporter().frontierCsv(file);
            }
            wrote(file, "Wrote " + file.getFileName());
        });
    }

    private void tsv() {
        Path file = save("Export the map as Embedding-Projector TSV", "vectors.tsv", new FileChooser.ExtensionFilter("TSV", "*.tsv"));
        if (file == null) {
            return;
        }
        run("Could not export the map", () -> {
            Path meta = view.exporter().mapTsv(file);
            wrote(file, "Wrote " + file.getFileName() + " and " + meta.getFileName());
        });
    }

    /**
     * Says where an export went: in the status bar, and in a notification with a button that opens
     * its folder in the desktop's file manager (the folder itself for frames).
     */
    private void wrote(Path written, String message) {
        vm.say(message);
        if (view.getScene() == null || view.getScene().getWindow() == null || !view.getScene().getWindow().isShowing()) {
            return;
        }
        Path folder = java.nio.file.Files.isDirectory(written) ? written : written.toAbsolutePath().getParent();
        org.controlsfx.control.Notifications.create().owner(view.getScene().getWindow()).title("Exported").text(message)
                .hideAfter(javafx.util.Duration.seconds(6))
                .action(new org.controlsfx.control.action.Action("Open folder", e -> openFolder(folder)))
                .show();
    }

    private void openFolder(Path folder) {
        Thread.ofVirtual().start(() -> {
            try {
                // On Linux AWT's Desktop would load a second GTK beside JavaFX's: ask the desktop directly.
                if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                    new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } else {
                    java.awt.Desktop.getDesktop().open(folder.toFile());
                }
            } catch (java.io.IOException | RuntimeException e) {
                javafx.application.Platform.runLater(() -> vm.say("Could not open " + folder + ": " + e.getMessage()));
            }
        });
    }

    private void copy() {
        run("Could not copy the image", () -> {
            view.exporter().copy(view.currentTarget(), 2);
            vm.say("Copied the " + view.currentTarget() + " to the clipboard (2x)");
        });
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void run(String failure, Action action) {
        try {
            action.run();
        } catch (Exception | Error e) {
            vm.report(failure, e);
        }
    }

    private Path save(String title, String name, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialDirectory(folder.initial().toFile());
        File f = chooser.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            folder.remember(f.toPath());
        }
        return f == null ? null : f.toPath();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shiftKey(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}

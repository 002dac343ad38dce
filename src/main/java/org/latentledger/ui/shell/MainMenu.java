package org.latentledger.ui.shell;

import org.latentledger.view.Page;
import org.latentledger.view.Theme;
import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentledger.Version;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.tour.Lesson;
import org.latentledger.ui.tour.LessonReader;

/** The menu bar: File (open model/data, recent, samples, quit), View (pages, layers, theme, presentation), Help. */
final class MainMenu {

    private final MainViewModel vm;
    private final MainView owner;

    MainMenu(MainViewModel vm, MainView owner) {
        this.vm = vm;
        this.owner = owner;
    }

    MenuBar build() {
        MenuItem openModel = item("Open model ...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseModel);
        MenuItem openData = item("Open data file ...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::chooseDataFile);
        MenuItem openFolder = item("Open data folder ...", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::chooseDataFolder);
        MenuItem openWorkspace = item("Open workspace ...", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::chooseWorkspace);
        MenuItem saveWorkspace = item("Save workspace", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveWorkspace);
        MenuItem saveWorkspaceAs = item("Save workspace as ...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::saveWorkspaceAs);
        saveWorkspace.disableProperty().bind(vm.modelProperty().isNull().and(vm.datasetProperty().isNull()));
        saveWorkspaceAs.disableProperty().bind(saveWorkspace.disableProperty());
        Menu recent = new Menu("Open recent");
        fillRecent(recent);
        vm.recentFiles().entries().addListener((ListChangeListener<RecentFiles.Entry>) c -> fillRecent(recent));
        Menu samples = new Menu("Open sample");
        for (SampleModel s : SampleModel.values()) {
            samples.getItems().add(item(s.fileName() + "  (" + s.data().displayName() + ")", null, () -> vm.openSample(s)));
        }
        Menu sampleData = new Menu("Open sample data");
        for (org.latentledger.data.BundledData d : org.latentledger.data.BundledData.values()) {
            sampleData.getItems().add(item(d.displayName() + "  (" + d.summary() + ")", null, () -> vm.openData(d)));
        }
        MenuItem cancel = item("Cancel running job", new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        MenuItem economize = item("Economize model ...", null, this::economize);
        economize.disableProperty().bind(vm.modelProperty().isNull());
        MenuItem closeModel = item("Close model", null, vm::closeModel);
        closeModel.disableProperty().bind(vm.modelProperty().isNull());
        MenuItem openUnlabelled = item("Open image folder as unlabelled ...", null, this::chooseUnlabelledFolder);
        Menu file = new Menu("File", null, openModel, openData, openFolder, openUnlabelled, new SeparatorMenuItem(), openWorkspace,
                saveWorkspace, saveWorkspaceAs, new SeparatorMenuItem(), recent, samples, sampleData, economize, closeModel, new SeparatorMenuItem(), cancel,
                new SeparatorMenuItem(), quit);

        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(t.label());
            choice.setToggleGroup(themes);
            choice.setSelected(vm.appearance().themeProperty().get() == t);
            choice.setOnAction(e -> vm.appearance().themeProperty().set(t));
            vm.appearance().themeProperty().addListener((o, a, now) -> choice.setSelected(now == t));
            theme.getItems().add(choice);
        }
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presentation.selectedProperty().bindBidirectional(vm.appearance().presentationProperty());
        MenuItem fullScreen = item("Full screen", new KeyCodeCombination(KeyCode.F11), owner::toggleFullScreen);
        CheckMenuItem modelPanel = new CheckMenuItem("Model panel");
        modelPanel.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        modelPanel.selectedProperty().bindBidirectional(owner.modelPanelProperty());
        Menu view = new Menu("View", null,
                item("Map", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.MAP)),
                item("Journey", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.JOURNEY)),
                item("Ledger", new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.LEDGER)),
                new SeparatorMenuItem(),
                item("Previous layer", new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> vm.stepLayer(-1)),
                item("Next layer", new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.stepLayer(1)),
                new SeparatorMenuItem(), modelPanel, theme, presentation, fullScreen);

        Menu help = new Menu("Help", null, item("About Latent Ledger", null, MainMenu::about));
        MenuBar bar = new MenuBar(file, view, new ExportMenu(vm, owner).build(), lessons(), help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** The shipped lessons, a lesson from a file, and stepping (Page Down / Page Up also step while a lesson runs). */
    private Menu lessons() {
        Menu menu = new Menu("Lessons");
        try {
            for (Lesson l : LessonReader.shipped(vm.resources())) {
                MenuItem item = item(l.title(), null, () -> owner.startLesson(l));
                menu.getItems().add(item);
            }
        } catch (java.io.IOException e) {
            MenuItem broken = new MenuItem("The shipped lessons could not be read: " + e.getMessage());
            broken.setDisable(true);
            menu.getItems().add(broken);
        }
        MenuItem open = item("Open lesson file ...", null, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a lesson");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (JSON)", "*.json"));
            File f = chooser.showOpenDialog(window());
            if (f != null) {
                try {
                    owner.startLesson(LessonReader.read(f.toPath()));
                } catch (java.io.IOException e) {
                    vm.report("Could not open the lesson", e);
                }
            }
        });
        MenuItem next = item("Next step   (Page Down)", null, () -> owner.lessons().next());
        MenuItem back = item("Previous step   (Page Up)", null, () -> owner.lessons().back());
        MenuItem end = item("End the lesson", null, owner::closeLesson);
        for (MenuItem i : new MenuItem[] {next, back, end}) {
            i.disableProperty().bind(owner.lessons().lessonProperty().isNull());
        }
        menu.getItems().addAll(new SeparatorMenuItem(), open, new SeparatorMenuItem(), next, back, end);
        return menu;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (RecentFiles.Entry e : vm.recentFiles().entries()) {
            menu.getItems().add(item((e.model() ? "Model: " : e.workspace() ? "Workspace: " : "Data: ") + e.path(), null,
                    () -> {
                        if (e.model()) {
                            vm.openModel(e.path());
                        } else if (e.workspace()) {
                            vm.openWorkspace(e.path());
                        } else {
                            vm.openData(e.path());
                        }
                    }));
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    /** Asks how, then where to write the economical copy; the job opens it when done. */
    private void economize() {
        var model = vm.modelProperty().get();
        if (model == null) {
            return;
        }
        String name = model.name().replaceFirst("\\.(zip|h5|hdf5|keras)$", "");
        EconomizeDialog.ask(window(), name).ifPresent(plan -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the economical model");
            chooser.setInitialFileName(name + "-economical.zip");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DL4J model (zip)", "*.zip"));
            File f = chooser.showSaveDialog(window());
            if (f != null) {
                EconomizeJob.start(vm, plan, f.toPath());
            }
        });
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models (DL4J zip, Keras .h5 or .keras, ONNX)", "*.zip", "*.h5", "*.hdf5", "*.keras", "*.onnx"),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser);
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.openModel(f.toPath());
        }
    }

    private void chooseDataFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open data");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Data (CSV, TSV, IDX)", "*.csv", "*.tsv", "*.txt", "*.csv.gz", "*.gz", "*ubyte*", "*.idx*"),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser);
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.openData(f.toPath());
        }
    }

    private void chooseDataFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images (one sub-folder per class) or of vectors.tsv");
        Path last = lastFolder();
        if (last != null) {
            chooser.setInitialDirectory(last.toFile());
        }
        File f = chooser.showDialog(window());
        if (f != null) {
            vm.openData(f.toPath());
        }
    }

    private static final FileChooser.ExtensionFilter WORKSPACES = new FileChooser.ExtensionFilter("Latent Ledger workspaces (*.llws)",
            "*" + org.latentledger.workspace.WorkspaceFile.EXTENSION);

    private void chooseWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open workspace");
        chooser.getExtensionFilters().addAll(WORKSPACES, new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser);
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.openWorkspace(f.toPath());
        }
    }

    /** Saves over the workspace last opened or saved, else asks where. */
    private void saveWorkspace() {
        Path known = vm.workspaceFileProperty().get();
        if (known == null) {
            saveWorkspaceAs();
        } else {
            vm.saveWorkspace(known);
        }
    }

    private void saveWorkspaceAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save workspace");
        chooser.getExtensionFilters().add(WORKSPACES);
        Path known = vm.workspaceFileProperty().get();
        chooser.setInitialFileName(known != null ? known.getFileName().toString()
                : (vm.modelProperty().get() != null ? vm.modelProperty().get().name() : "workspace") + org.latentledger.workspace.WorkspaceFile.EXTENSION);
        startIn(chooser);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().endsWith(org.latentledger.workspace.WorkspaceFile.EXTENSION)) {
                p = p.resolveSibling(p.getFileName() + org.latentledger.workspace.WorkspaceFile.EXTENSION);
            }
            vm.saveWorkspace(p);
        }
    }

    /** A folder of images with no class sub-folders: their points are mapped without labels. */
    private void chooseUnlabelledFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images as unlabelled (no class sub-folders)");
        Path last = lastFolder();
        if (last != null) {
            chooser.setInitialDirectory(last.toFile());
        }
        File f = chooser.showDialog(window());
        if (f != null) {
            vm.openUnlabelledImages(f.toPath());
        }
    }

    private void startIn(FileChooser chooser) {
        Path last = lastFolder();
        if (last != null) {
            chooser.setInitialDirectory(last.toFile());
        }
    }

    /** The folder of the most recently opened file, if it still exists. */
    private Path lastFolder() {
        for (RecentFiles.Entry e : vm.recentFiles().entries()) {
            Path dir = e.path().getParent();
            if (dir != null && dir.toFile().isDirectory()) {
                return dir;
            }
        }
        return null;
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About Latent Ledger");
        a.setHeaderText("Latent Ledger " + Version.current());
        a.setContentText("""
                A neural network's latent space as a map, and the cost of each inference as a ledger.
                Licence: GPL-3.0-or-later.

                Bundled data:
                · UCI optical digits, E. Alpaydin and C. Kaynak (1998), as shipped by scikit-learn (BSD-3-Clause).
                · Fashion-MNIST test set, H. Xiao, K. Rasul and R. Vollgraf (2017), arXiv:1708.07747 (MIT).""");
        a.show();
    }
}

package org.latentledger.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.shell.RecentFiles;

/** The desktop application: one window that opens on the bundled digits model, no dialog. */
public final class LatentLedgerApp extends Application {

    static final String STYLESHEET = "/org/latentledger/ui/latent-ledger.css";
    private static final Preferences PREFS = Preferences.userNodeForPackage(LatentLedgerApp.class);

    private static volatile List<Path> startFiles = List.of();

    /** Called by the launcher; blocks until the window is closed. */
    public static void open(String[] args) {
        // ND4J links its natives before JavaFX loads any of its own (the two at once can freeze the JVM:
        // Nd4jRuntime.linkBeforeToolkit); DL4J and the kernel then warm on the other core while the window starts.
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit();
        org.latentledger.economy.NativeWarmup.start(SampleModel.DIGITS_MLP);
        quietClassPathNotice();
        Application.launch(LatentLedgerApp.class, args);
    }

    /** Opens the window on these files (models and data, sorted by kind) instead of the bundled sample. */
    public static void openFiles(List<Path> files) {
        startFiles = List.copyOf(files);
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit();
        org.latentledger.economy.NativeWarmup.start();
        quietClassPathNotice();
        Application.launch(LatentLedgerApp.class);
    }

    /** Held so that the filter below stays on it (the logging system keeps loggers only weakly). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * JavaFX warns on every start that it was "loaded from 'unnamed module'" when it is on the
     * class path, which is how {@code java -jar} and {@code mvn javafx:run} run it (so the launcher
     * can relaunch from the JVM's ahead-of-time cache). It is how we ship, not a problem a person
     * can act on, so that one line is dropped; every other JavaFX message still prints.
     */
    static void quietClassPathNotice() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** The theme last chosen; a preference this version does not know (written by another) is the light one. */
    private static org.latentledger.view.Theme rememberedTheme() {
        try {
            return org.latentledger.view.Theme.parse(PREFS.get("theme", "light"));
        } catch (IllegalArgumentException unknown) {
            return org.latentledger.view.Theme.LIGHT;
        }
    }

    /** The smallest window the app allows (the window, not the screen: decorations come on top). */
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;

    @Override
    public void start(Stage stage) {
        MainViewModel vm = new MainViewModel(ResourceRoot.classpath(), new org.latentledger.ui.jobs.BackgroundJobRunner(AppExecutor.shared()),
                RecentFiles.remembered(PREFS.node("recent")), org.latentledger.projection.ProjectionCache.user());
        vm.appearance().themeProperty().set(rememberedTheme());
        vm.appearance().themeProperty().addListener((o, a, t) -> PREFS.put("theme", t.cliName()));
        // The bundled sample opens on the other core while this thread builds the window: what the job
        // hands back waits on this thread's queue until the window is up (a file's problems need the
        // window for their dialog, so files open after it).
        if (startFiles.isEmpty()) {
            vm.openSample(SampleModel.DIGITS_MLP);
        }
        vm.afterSettled(org.latentledger.economy.NativeWarmup::opened);
        Scene scene = createScene(vm, true, PREFS.getDouble("window.width", 1440), PREFS.getDouble("window.height", 900));
        stage.setTitle("Latent Ledger");
        stage.setScene(scene);
        // Below this the plots lose their axes and the controls their text; every page is laid out for 1024 x 640.
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(e -> {
            if (!stage.isFullScreen()) {
                PREFS.putDouble("window.width", scene.getWidth());
                PREFS.putDouble("window.height", scene.getHeight());
            }
        });
        stage.show();
        if (!startFiles.isEmpty()) {
            vm.openFiles(startFiles);
        }
    }

    /** The main window's scene, shared by the app, the headless screenshot and the UI tests. */
    public static Scene createScene(MainViewModel vm, boolean dialogs, double width, double height) {
        Scene scene = new Scene(new MainView(vm, dialogs), width, height);
        scene.getStylesheets().add(LatentLedgerApp.class.getResource(STYLESHEET).toExternalForm());
        vm.appearance().applyTo(scene);
        return scene;
    }
}

package org.latentledger.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.shell.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle under Maven), fresh for every test: before each, a new
 * {@link MainViewModel} (bundled resources, the shared executor, in-memory recent files, a
 * projection cache in a new temporary folder) in the scene the app builds, 1280 x 800, shown on
 * TestFX's primary stage and, if asked, opening a bundled sample; after each, the windows are
 * hidden, keys and buttons released and the cache folder removed. Test methods may take an
 * {@link FxRobot} parameter.
 *
 * <pre>
 * &#64;RegisterExtension
 * final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);
 * </pre>
 *
 * <p>Only {@link #open} knows how the window is built, so a change to the view model's
 * constructor or the view's API is one edit here.
 */
public final class HeadlessWindow extends FxRobot implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SampleModel sample;
    private Path cacheDir;
    private MainViewModel vm;
    private Stage stage;

    private HeadlessWindow(SampleModel sample) {
        this.sample = sample;
    }

    /** The window, opening the bundled sample as the app does at start. */
    public static HeadlessWindow onSample(SampleModel sample) {
        return new HeadlessWindow(Objects.requireNonNull(sample));
    }

    /** The window with nothing opened. */
    public static HeadlessWindow empty() {
        return new HeadlessWindow(null);
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public MainView view() {
        return (MainView) stage.getScene().getRoot();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit(); // as the app: ND4J linked before JavaFX loads its natives
        FxToolkit.registerPrimaryStage();
        cacheDir = Files.createTempDirectory("ll-cache");
        stage = FxToolkit.setupStage(this::open);
    }

    /** On the FX thread. */
    private void open(Stage s) {
        vm = new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared(), RecentFiles.inMemory(), new ProjectionCache(cacheDir));
        s.setScene(LatentLedgerApp.createScene(vm, false, 1280, 800));
        s.show();
        if (sample != null) {
            vm.openSample(sample);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupInput(this);
        WaitForAsyncUtils.waitForFxEvents();
        deleteQuietly(cacheDir);
    }

    /** Best effort: a job still finishing may write a layout as the folder goes, which is harmless. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}

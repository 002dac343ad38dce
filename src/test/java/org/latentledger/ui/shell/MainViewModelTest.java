package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;
import static org.latentledger.ui.FxTesting.runFx;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.FxTesting;
import org.latentledger.ui.plot.MapScene;

/** The main window's state and commands, without any window. */
class MainViewModelTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    @Test
    void opensDigitsOnItsLastHiddenLayerWithARealMap() throws Exception {
        MainViewModel vm = onFx(() -> new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared()));
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(vm::isSettled, 120);
        assertNull(vm.problemProperty().get());
        assertEquals("hidden3", vm.selectedLayerProperty().get().name());
        MapScene map = vm.mapProperty().get();
        assertEquals(1797, map.size());
        assertTrue(map.xTitle().startsWith("PC1 ("), map.xTitle());
        assertTrue(vm.map().noteProperty().get().contains("Trustworthiness"), vm.map().noteProperty().get());

        runFx(() -> vm.stepLayer(-1));
        await(() -> vm.isSettled() && vm.mapProperty().get() != map, 60);
        assertEquals("hidden2", vm.selectedLayerProperty().get().name());
        assertTrue(vm.mapProperty().get().title().contains("hidden2"));
    }

    @Test
    void autoencoderOpensOnItsBottleneck() throws Exception {
        MainViewModel vm = onFx(() -> new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared()));
        runFx(() -> vm.openSample(SampleModel.DIGITS_AUTOENCODER));
        await(vm::isSettled, 120);
        assertEquals("bottleneck", vm.selectedLayerProperty().get().name());
    }

    @Test
    void corruptBundledModelIsNamedAndTheOpenModelStays(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("sample-models"));
        Files.copy(Path.of(SampleModel.DIGITS_MLP.zipPath()), models.resolve("digits-mlp.zip"));
        copyTree(Path.of("assets/data/digits"), dir.resolve("assets/data/digits"));
        MainViewModel vm = onFx(() -> new MainViewModel(ResourceRoot.directory(dir), AppExecutor.shared()));
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(vm::isSettled, 120);
        LoadedModel before = vm.modelProperty().get();
        MapScene mapBefore = vm.mapProperty().get();
        assertNotNull(before);

        Files.write(models.resolve("digits-mlp.zip"), "this is not a model".getBytes());
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(() -> vm.problemProperty().get() != null && !vm.busyProperty().get(), 60);
        Problem p = vm.problemProperty().get();
        assertEquals(models.resolve("digits-mlp.zip").toString(), p.file());
        assertTrue(p.message().contains("a text file starting with \"this is not a model\""), p.message());
        assertSame(before, vm.modelProperty().get(), "the open model stays");
        assertSame(mapBefore, vm.mapProperty().get(), "the map stays");
    }

    @Test
    void missingBundledDataIsNamed(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("sample-models"));
        Files.copy(Path.of(SampleModel.DIGITS_MLP.zipPath()), models.resolve("digits-mlp.zip"));
        MainViewModel vm = onFx(() -> new MainViewModel(ResourceRoot.directory(dir), AppExecutor.shared()));
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(vm::isSettled, 120);
        Problem p = vm.problemProperty().get();
        assertNotNull(p);
        assertTrue(p.file().endsWith("digits.csv.gz"), p.file());
        assertTrue(p.message().contains("no such file"), p.message());
        assertNull(vm.modelProperty().get());
    }

    @Test
    void cancelStopsTheLoadAndReportsNoProblem() throws Exception {
        MainViewModel vm = onFx(() -> new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared()));
        runFx(() -> {
            vm.openSample(SampleModel.FASHION_CNN);
            vm.cancel();
        });
        // Busy until the cancelled job's own code has returned; then it says so, and publishes nothing.
        await(() -> !vm.busyProperty().get(), 60);
        assertTrue(onFx(() -> vm.statusProperty().get()).startsWith("Cancelled"), onFx(() -> vm.statusProperty().get()));
        assertNull(vm.modelProperty().get());
        assertNull(vm.problemProperty().get());
        assertNull(vm.mapProperty().get());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}

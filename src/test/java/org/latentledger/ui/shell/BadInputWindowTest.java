package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.BadInputTest;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.testfx.api.FxRobot;

/**
 * Every bad input of {@link BadInputTest}'s corpus opened in the real window, one after another,
 * over a model and data that are open: each gives a problem naming the file, with no trace in its
 * message, and the window keeps what it had (the same model, the same data, the map still drawn).
 */
class BadInputWindowTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    @TempDir
    Path dir;

    @Test
    void everyBadFileIsNamedAndNothingIsLost(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        String model = onFx(() -> vm.modelProperty().get().hash());
        String data = onFx(() -> vm.datasetProperty().get().hash());
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (var arguments : BadInputTest.cases().toList()) {
            BadInputTest.Case c = (BadInputTest.Case) arguments.get()[0];
            Path file = c.maker().make(Files.createDirectories(dir.resolve("case" + tried++)));
            robot.interact(() -> {
                vm.clearProblem();
                if (c.model()) {
                    vm.openModel(file);
                } else {
                    vm.openData(file);
                }
            });
            await(() -> onFxQuiet(() -> vm.isSettled() && vm.problemProperty().get() != null), 60);
            Problem p = onFx(() -> vm.problemProperty().get());
            String named = c.what().startsWith("IDX labels") ? file.getFileName().toString().replace("images-idx3", "labels-idx1")
                    : file.getFileName().toString();
            if (!p.message().contains(named)) {
                wrong.add(c.what() + ": the message does not name " + named + ": " + p.message());
            }
            if (p.message().contains("Exception") || p.message().contains("HDF5-DIAG")) {
                wrong.add(c.what() + ": a trace in the message: " + p.message());
            }
            if (!model.equals(onFx(() -> vm.modelProperty().get().hash())) || !data.equals(onFx(() -> vm.datasetProperty().get().hash()))) {
                wrong.add(c.what() + ": the open model or data changed");
            }
            if (onFx(() -> vm.map().sceneProperty().get()) == null) {
                wrong.add(c.what() + ": the map is gone");
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + tried + " bad files");
        assertTrue(tried >= 60, "a corpus of at least 60: " + tried);
        assertNotNull(onFx(() -> vm.map().sceneProperty().get()));
    }

    private static boolean onFxQuiet(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }
}

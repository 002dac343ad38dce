package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.HeadlessWindow;
import org.latentledger.view.ColourMode;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;
import org.latentledger.workspace.Workspace;
import org.latentledger.workspace.WorkspaceFile;
import org.testfx.api.FxRobot;

/** A workspace saved from the real window and opened again gives back what was there; a bad one changes nothing. */
class WorkspaceWindowTest {

    @RegisterExtension
    final HeadlessWindow window = HeadlessWindow.onSample(SampleModel.DIGITS_MLP);

    @TempDir
    Path dir;

    @Test
    void savedAndOpenedAgainItIsTheSameWindow(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        robot.interact(() -> vm.selectLayer("hidden2"));
        await(() -> onFxQuiet(() -> vm.isSettled() && vm.map().atlasProperty().get() != null
                && vm.map().atlasProperty().get().layer().name().equals("hidden2")), 60);
        robot.interact(() -> {
            vm.map().colourProperty().set(ColourMode.PREDICTED);
            vm.map().hiddenLabels().add(4);
            vm.map().renameRegion(2, "loops");
            vm.map().addConceptAxis(0, 1);
            vm.journey().pointProperty().set(17);
            vm.ledger().apply(SparsityPolicy.parse("topk:0.2"));
            vm.appearance().themeProperty().set(Theme.DARK);
            vm.navigate(Page.LEDGER);
        });
        await(() -> onFxQuiet(vm::isSettled), 60);
        Path file = dir.resolve("demo.llws");
        assertTrue(onFx(() -> vm.saveWorkspace(file)));
        JsonObject saved = WorkspaceFile.read(file).toJson();
        assertTrue(onFx(() -> vm.recentFiles().entries().getFirst()).workspace(), "File > Open recent offers it");

        // Everything changed back, then the workspace opened.
        robot.interact(() -> {
            vm.map().colourProperty().set(ColourMode.LABEL);
            vm.map().hiddenLabels().clear();
            vm.journey().pointProperty().set(0);
            vm.appearance().themeProperty().set(Theme.LIGHT);
            vm.selectLayer("hidden3");
            vm.navigate(Page.MAP);
        });
        await(() -> onFxQuiet(vm::isSettled), 60);
        robot.interact(() -> vm.openWorkspace(file));
        await(() -> onFxQuiet(() -> !vm.restoringProperty().get() && vm.isSettled()), 120);
        assertEquals(null, onFx(() -> vm.problemProperty().get()));
        JsonObject back = onFx(() -> Workspaces.capture(vm)).toJson();
        assertEquals(saved, back, "the window holds what the workspace says");
        assertEquals(Page.LEDGER, onFx(() -> vm.pageProperty().get()));
        assertEquals("loops", onFx(() -> vm.map().regions().get(2).name()));
        assertEquals(file, onFx(() -> vm.workspaceFileProperty().get()));
        assertTrue(onFx(() -> vm.provenance(org.latentledger.view.ExportTarget.WINDOW)).toJson().contains(file.toAbsolutePath().toString()),
                "the sidecar names the workspace");
    }

    @Test
    void aWorkspaceWhoseModelHasMovedOpensNothing(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        await(vm::isSettled, 120);
        Path model = Files.copy(Path.of("sample-models/digits-mlp.zip"), dir.resolve("copy.zip"));
        Workspace w = onFx(() -> Workspaces.capture(vm));
        Workspace moved = new Workspace(new Workspace.FileRef(model.toString(), "00".repeat(32), null), w.data(), w.page(), w.layer(),
                w.map(), w.journey(), w.ledger(), w.look());
        Path file = dir.resolve("moved.llws");
        WorkspaceFile.write(file, moved);
        String before = onFx(() -> vm.modelProperty().get().hash());
        robot.interact(() -> vm.openWorkspace(file));
        Problem p = onFx(() -> vm.problemProperty().get());
        assertNotNull(p);
        assertTrue(p.message().contains("copy.zip") && p.message().contains("has changed since"), p.message());
        assertEquals(before, onFx(() -> vm.modelProperty().get().hash()), "nothing was opened");
        MainViewModel.Misplaced m = onFx(() -> vm.misplacedProperty().get());
        assertNotNull(m, "the window may ask where the model is now");
        assertEquals("model", m.why().what());
        // The user points to the file: the workspace opens with it.
        Path found = Files.copy(Path.of("sample-models/digits-mlp.zip"), dir.resolve("found.zip"));
        robot.interact(() -> vm.relocate(m, found));
        await(() -> onFxQuiet(() -> !vm.restoringProperty().get() && vm.isSettled()), 120);
        assertEquals(null, onFx(() -> vm.problemProperty().get()));
        assertEquals(found.toString(), onFx(() -> vm.modelProperty().get().source()));
        Files.writeString(dir.resolve("cut.llws"), Files.readString(file).substring(0, 200));
        robot.interact(() -> vm.openWorkspace(dir.resolve("cut.llws")));
        assertTrue(onFx(() -> vm.problemProperty().get()).message().contains("truncated"));
    }

    private static boolean onFxQuiet(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }
}

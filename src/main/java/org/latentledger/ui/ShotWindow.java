package org.latentledger.ui;

import javafx.stage.Stage;
import org.latentledger.atlas.MapSpec;
import org.latentledger.ui.shell.MainView;
import org.latentledger.ui.shell.MainViewModel;
import org.latentledger.ui.shell.Problem;
import org.latentledger.view.ExportTarget;

/**
 * The real main window, opened headless as a {@link ShotRequest} says and brought to rest: the
 * map's spec set before anything opens, the files opened, the layer chosen, the page shown with
 * its query, policy and frontier; each step waits on the view model's one "settled" signal.
 */
final class ShotWindow {

    @FunctionalInterface
    interface Work<T> {
        T run(Stage stage, MainViewModel vm) throws Exception;
    }

    private ShotWindow() {
    }

    static MainView view(Stage stage) {
        return (MainView) stage.getScene().getRoot();
    }

    static String problem(MainViewModel vm) throws Exception {
        Problem p = HeadlessFx.onFx(() -> vm.problemProperty().get());
        return p == null ? null : p.title() + ": " + p.message();
    }

    /** Opens the window, brings it to rest as the request says, and runs the work on it; the window is closed after. */
    static <T> T with(ShotRequest r, Work<T> work) throws Exception {
        if (r.open().workspace() != null) {
            return withWorkspace(r, work);
        }
        HeadlessFx.start(r.look().width(), r.look().height());
        long deadline = System.nanoTime() + r.timeout().toNanos();
        ShotRequest.Shown shown = r.shown();
        Stage stage = HeadlessFx.onFx(Stage::new);
        MainViewModel vm = HeadlessFx.onFx(() -> {
            MainViewModel model = new MainViewModel(r.open().files(), AppExecutor.shared());
            model.appearance().themeProperty().set(r.look().theme());
            int dims = shown.target() == ExportTarget.MAP3D ? 3 : shown.dims();
            MapSpec spec = MapSpec.DEFAULT.withMethod(shown.method()).withEngine(shown.engine()).withDims(dims).withSeed(shown.seed());
            model.map().settingsProperty().set(spec);
            model.map().showAxesProperty().set(shown.axes());
            model.journey().methodProperty().set(shown.journeyMaps());
            // Opened before the window is built, as the app does: the job runs while this thread builds it.
            if (r.open().modelFile() == null) {
                model.openSample(r.open().sample());
            } else {
                model.open(r.open().modelFile(), r.open().dataFile());
            }
            stage.setScene(LatentLedgerApp.createScene(model, false, r.look().width(), r.look().height()));
            stage.show();
            // Presentation mode without full screen: the headless screen is larger than the size asked for.
            view(stage).presentInWindow();
            model.appearance().presentationProperty().set(r.look().presentation());
            return model;
        });
        try {
            HeadlessFx.awaitSettled(vm, deadline);
            if (r.open().modelFile() == null && r.open().dataFile() != null) {
                HeadlessFx.onFx(() -> {
                    vm.openData(r.open().dataFile());
                    return null;
                });
                HeadlessFx.awaitSettled(vm, deadline);
            } else if (r.open().data() != null && (r.open().modelFile() != null || r.open().data() != r.open().sample().data())) {
                HeadlessFx.onFx(() -> {
                    vm.openData(r.open().data());
                    return null;
                });
                HeadlessFx.awaitSettled(vm, deadline);
            }
            if (r.open().layer() != null) {
                HeadlessFx.onFx(() -> {
                    vm.selectLayer(r.open().layer());
                    return null;
                });
                HeadlessFx.awaitSettled(vm, deadline);
            }
            showPage(vm, r, deadline);
            T result = work.run(stage, vm);
            if (r.open().saveWorkspace() != null) {
                saveWorkspace(vm, r.open().saveWorkspace());
            }
            return result;
        } finally {
            HeadlessFx.onFx(() -> {
                vm.cancel();
                vm.appearance().presentationProperty().set(false);
                stage.hide();
                return null;
            });
        }
    }

    /**
     * The window as a workspace says (its files checked first: a bad workspace or a moved file
     * fails here, before anything opens), at the size the request asks for.
     */
    private static <T> T withWorkspace(ShotRequest r, Work<T> work) throws Exception {
        java.nio.file.Path file = r.open().workspace();
        org.latentledger.workspace.Workspace w = org.latentledger.workspace.WorkspaceFile.read(file);
        org.latentledger.workspace.WorkspaceCheck.checkFiles(file, w);
        HeadlessFx.start(r.look().width(), r.look().height());
        long deadline = System.nanoTime() + r.timeout().toNanos();
        Stage stage = HeadlessFx.onFx(Stage::new);
        MainViewModel vm = HeadlessFx.onFx(() -> {
            MainViewModel model = new MainViewModel(r.open().files(), AppExecutor.shared());
            stage.setScene(LatentLedgerApp.createScene(model, false, r.look().width(), r.look().height()));
            stage.show();
            view(stage).presentInWindow();
            model.restore(w, file);
            return model;
        });
        try {
            while (HeadlessFx.onFx(() -> vm.restoringProperty().get())) {
                if (System.nanoTime() > deadline) {
                    throw new java.util.concurrent.TimeoutException("the workspace did not open in time (status: "
                            + HeadlessFx.onFx(() -> vm.statusProperty().get()) + ")");
                }
                Thread.sleep(50);
            }
            HeadlessFx.awaitSettled(vm, deadline);
            T result = work.run(stage, vm);
            if (r.open().saveWorkspace() != null) {
                saveWorkspace(vm, r.open().saveWorkspace());
            }
            return result;
        } finally {
            HeadlessFx.onFx(() -> {
                vm.cancel();
                vm.appearance().presentationProperty().set(false);
                stage.hide();
                return null;
            });
        }
    }

    static void saveWorkspace(MainViewModel vm, java.nio.file.Path file) throws Exception {
        if (!HeadlessFx.onFx(() -> vm.saveWorkspace(file))) {
            throw new java.io.IOException(problem(vm));
        }
    }

    private static void showPage(MainViewModel vm, ShotRequest r, long deadline) throws Exception {
        ShotRequest.Shown shown = r.shown();
        switch (shown.shownPage()) {
            case MAP -> {
                return;
            }
            case JOURNEY -> HeadlessFx.onFx(() -> {
                if (shown.query() >= 0) {
                    vm.journey().pointProperty().set(shown.query());
                }
                if (shown.text() != null) {
                    vm.journey().sourceProperty().set(org.latentledger.view.QuerySource.TEXT);
                    vm.journey().textProperty().set(shown.text());
                }
                vm.navigate(org.latentledger.view.Page.JOURNEY);
                return null;
            });
            case LEDGER -> HeadlessFx.onFx(() -> {
                if (shown.query() >= 0) {
                    vm.journey().pointProperty().set(shown.query());
                }
                if (shown.text() != null) {
                    vm.journey().sourceProperty().set(org.latentledger.view.QuerySource.TEXT);
                    vm.journey().textProperty().set(shown.text());
                }
                if (shown.policy() != null) {
                    vm.ledger().apply(shown.policy());
                }
                vm.navigate(org.latentledger.view.Page.LEDGER);
                if (shown.target() == ExportTarget.FRONTIER || shown.frontier()) {
                    vm.ledger().computeFrontier();
                }
                return null;
            });
        }
        HeadlessFx.awaitSettled(vm, deadline);
        if (shown.shownPage() == org.latentledger.view.Page.JOURNEY) {
            HeadlessFx.onFx(() -> {
                // The layer asked for, or the one before the output (the output's own map is mostly its classes' corners).
                var atlases = vm.journey().atlasesProperty().get();
                int at = Math.max(0, atlases.size() - 2);
                for (int l = 0; l < atlases.size(); l++) {
                    if (r.open().layer() != null && vm.selectedLayerProperty().get() != null
                            && atlases.get(l).layer().name().equals(vm.selectedLayerProperty().get().name())) {
                        at = l;
                    }
                }
                vm.journey().currentLayerProperty().set(at);
                return null;
            });
        }
        if (shown.shownPage() == org.latentledger.view.Page.LEDGER && (shown.target() == ExportTarget.FRONTIER || shown.frontier())
                && HeadlessFx.onFx(() -> vm.ledger().frontierProperty().get() == null && vm.ledger().available())) {
            throw new IllegalStateException("the frontier was not computed: " + HeadlessFx.onFx(() -> vm.statusProperty().get()));
        }
    }
}

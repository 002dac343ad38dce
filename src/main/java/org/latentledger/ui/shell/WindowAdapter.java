package org.latentledger.ui.shell;

import java.nio.file.Path;
import javafx.scene.Node;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.ui.tour.LessonWindow;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;

/**
 * The window as the exporter and the lesson player drive it: the same commands a user's clicks
 * give, through the view model, and the panels the view built, by id.
 */
final class WindowAdapter implements Exporter.Window, LessonWindow {

    private final MainView view;
    private final MainViewModel vm;

    WindowAdapter(MainView view, MainViewModel vm) {
        this.view = view;
        this.vm = vm;
    }

    @Override
    public void openSample(String name) {
        vm.openSample(name);
    }

    @Override
    public void openFiles(Path model, Path data) {
        if (model != null && data != null) {
            vm.open(model, data);
        } else if (model != null) {
            vm.openModel(model);
        } else if (data != null) {
            vm.openData(data);
        }
    }

    @Override
    public void showPage(Page page) {
        vm.navigate(page);
    }

    @Override
    public Node panel(String id) {
        Node found = view.lookup("#" + id);
        if (found == null) {
            // A page shown in this pulse has its content put in place by its tab's skin on the next CSS and
            // layout pass (a lesson's step can get here first, when the actions before it finished at once).
            view.applyCss();
            view.layout();
            found = view.lookup("#" + id);
        }
        return found;
    }

    @Override
    public void selectLayer(String ref) {
        vm.selectLayer(ref);
    }

    @Override
    public MapViewModel mapModel() {
        return vm.map();
    }

    @Override
    public JourneyViewModel journeyModel() {
        return vm.journey();
    }

    @Override
    public LedgerViewModel ledgerModel() {
        return vm.ledger();
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty settledProperty() {
        return vm.settledProperty();
    }

    @Override
    public void clearProblem() {
        vm.clearProblem();
    }

    @Override
    public String problem() {
        Problem p = vm.problemProperty().get();
        return p == null ? null : p.title() + ": " + p.message();
    }

    @Override
    public String openModelName() {
        return vm.modelProperty().get() == null ? null : vm.modelProperty().get().name();
    }

    @Override
    public Node panel(ExportTarget target) {
        return target.nodeId() == null ? view : view.lookup("#" + target.nodeId());
    }

    @Override
    public void show(ExportTarget target) {
        if (target.page() != null) {
            vm.navigate(target.page());
        }
    }
}

package org.latentledger.ui.tour;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.view.Page;

/** The window as a lesson drives it: the same commands a user's clicks give. */
public interface LessonWindow {

    /** Opens a bundled sample by its file name (digits-mlp, ...); unknown names throw. */
    void openSample(String name);

    /** Opens a model and/or data file (either may be null). */
    void openFiles(Path model, Path data);

    void showPage(Page page);

    /** The node with this id in the window, or null. */
    Node panel(String id);

    /** Chooses the map's layer by name or 0-based index; throws with the layers' names if there is none. */
    void selectLayer(String ref);

    MapViewModel mapModel();

    JourneyViewModel journeyModel();

    LedgerViewModel ledgerModel();

    /** True when nothing runs or waits and the page shown has what it shows (or a problem says why not). */
    ReadOnlyBooleanProperty settledProperty();

    /** Dismisses the problem shown, if any. */
    void clearProblem();

    /** The problem the window shows now, or null. */
    String problem();

    /** Opening a sample that is already open does nothing: the name of the open model, or null. */
    String openModelName();
}

package org.latentledger.ui.shell;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.latentledger.Version;
import org.latentledger.model.SampleModel;

/** The menu bar: File (bundled samples, quit), View (layer stepping), Help (about, data credits). */
final class MainMenu {

    private final MainViewModel vm;

    MainMenu(MainViewModel vm) {
        this.vm = vm;
    }

    MenuBar build() {
        Menu samples = new Menu("Open sample");
        for (SampleModel s : SampleModel.values()) {
            MenuItem item = new MenuItem(s.fileName() + "  (" + s.data().displayName() + ")");
            item.setOnAction(e -> vm.openSample(s));
            samples.getItems().add(item);
        }
        MenuItem cancel = item("Cancel running job", new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        Menu file = new Menu("File", null, samples, new SeparatorMenuItem(), cancel, new SeparatorMenuItem(), quit);

        Menu view = new Menu("View", null,
                item("Previous layer", new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> vm.stepLayer(-1)),
                item("Next layer", new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.stepLayer(1)));

        Menu help = new Menu("Help", null, item("About Latent Ledger", null, MainMenu::about));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
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

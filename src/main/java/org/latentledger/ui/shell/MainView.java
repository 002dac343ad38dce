package org.latentledger.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.journey.JourneyView;
import org.latentledger.ui.ledger.LedgerView;
import org.latentledger.ui.model.LayerTableView;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.tour.Lesson;
import org.latentledger.ui.tour.LessonPlayer;
import org.latentledger.ui.tour.TourPanel;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;

/**
 * The main window's layout: menu bar, model panel, the three pages, the problem banner and a
 * status bar with progress and cancel. Builds nodes and binds them to the {@link MainViewModel};
 * the page shown is the view model's ({@link MainViewModel#navigate}), the tabs only follow it.
 */
public final class MainView extends BorderPane {

    private final MainViewModel vm;
    private final MapCanvas map = new MapCanvas();
    private final LayerTableView table;
    private final boolean dialogs;
    private final Map<Page, Tab> tabs = new EnumMap<>(Page.class);
    private final TabPane pages;
    private final Region side;
    private final SplitPane split;
    private final Exporter exporter;
    private final LessonPlayer lessons;
    private final TourPanel tour;

    /**
     * @param dialogs whether problems also open a dialog (off for headless screenshots)
     */
    public MainView(MainViewModel vm, boolean dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.table = new LayerTableView(vm.layers());
        WindowAdapter adapter = new WindowAdapter(this, vm);
        this.lessons = new LessonPlayer(adapter);
        this.tour = new TourPanel(lessons, this::closeLesson);
        getStyleClass().add("ll-main");
        side = ModelPanel.build(vm, table);
        pages = pages();
        split = new SplitPane(side, centre());
        exporter = new Exporter(adapter, vm::provenance, vm.map(), vm.journey(), vm.ledger(), vm.datasetProperty()::get);
        MenuBar menu = new MainMenu(vm, this).build();
        setTop(menu);
        split.setDividerPositions(0.38);
        SplitPane.setResizableWithParent(side, false);
        // Until the window has its size, then the panel's own width: the map takes what the window gains.
        split.widthProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (split.getWidth() > 0) {
                    split.setDividerPositions(sideShare());
                    split.widthProperty().removeListener(this);
                }
            }
        });
        setCenter(split);
        StatusBar status = statusBar();
        setBottom(status);
        // Presentation mode hides the chrome: menus, status bar and the model panel.
        for (Region chrome : new Region[] {menu, status}) {
            chrome.visibleProperty().bind(vm.appearance().presentationProperty().not());
            chrome.managedProperty().bind(chrome.visibleProperty());
        }
        vm.appearance().presentationProperty().addListener((o, a, on) -> {
            placeSide();
            if (presentFullScreen) {
                setFullScreen(on);
            }
        });
        // A filter, not a handler: the tab header and buttons would otherwise take the arrows and Space first.
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // Page Down / Page Up step a running lesson (presenter remotes send them), before any control sees them.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (lessons.lessonProperty().get() != null && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
                if (e.getCode() == KeyCode.PAGE_DOWN) {
                    lessons.next();
                } else {
                    lessons.back();
                }
                e.consume();
            }
        });
        modelPanel.addListener(o -> placeSide());
        widthProperty().addListener((o, was, now) -> followWidth(now.doubleValue()));
        bindSelection();
        acceptDrops();
        vm.problemProperty().addListener((o, a, p) -> {
            if (p != null && this.dialogs && vm.misplacedProperty().get() == null) {
                ProblemViews.showDialog(p, getScene() == null ? null : getScene().getWindow());
            }
        });
        // A workspace whose model or data moved: say so, and let the user point to the file.
        vm.misplacedProperty().addListener((o, a, m) -> {
            if (m != null && this.dialogs) {
                javafx.application.Platform.runLater(() -> locate(m));
            }
        });
    }

    /**
     * The tabs follow the view model's page; a click on a tab asks the view model to go there. The
     * journey and the ledger are made with the window (their listeners follow the view models from
     * the start) but put in the scene when first shown or looked into: a window opens to its map,
     * and their skins, CSS and layout would otherwise be paid for before the first map is drawn.
     */
    private TabPane pages() {
        ScrollPane ledgerScroll = new ScrollPane(new LedgerView(vm.ledger()));
        ledgerScroll.setFitToWidth(true);
        JourneyView journeyPage = new JourneyView(vm.journey());
        journeyPage.setId("journey");
        journeyPage.setPadding(new Insets(8, 0, 0, 0));
        unshown.put(Page.JOURNEY, journeyPage);
        unshown.put(Page.LEDGER, ledgerScroll);
        tabs.put(Page.MAP, new Tab(Page.MAP.label(), MapPage.build(vm, map)));
        tabs.put(Page.JOURNEY, new Tab(Page.JOURNEY.label()));
        tabs.put(Page.LEDGER, new Tab(Page.LEDGER.label()));
        TabPane p = new TabPane(tabs.values().toArray(Tab[]::new));
        p.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        p.getStyleClass().add("ll-pages");
        p.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            Page chosen = pageOf(tab);
            attach(chosen);
            if (chosen != vm.pageProperty().get()) {
                vm.navigate(chosen);
            }
        });
        vm.pageProperty().addListener((o, a, page) -> {
            attach(page);
            p.getSelectionModel().select(tabs.get(page));
            placeSide();
        });
        return p;
    }

    /** Pages made but not yet in the scene. */
    private final Map<Page, Node> unshown = new EnumMap<>(Page.class);

    /** Puts a page's view in its tab the first time it is needed. */
    private void attach(Page page) {
        Node content = unshown.remove(page);
        if (content != null) {
            tabs.get(page).setContent(content);
        }
    }

    /** Every page built, for a look-up of a panel that may sit on a page not yet shown (lessons, exports). */
    private void attachAll() {
        for (Page page : Page.values()) {
            attach(page);
        }
    }

    @Override
    public Node lookup(String selector) {
        Node found = super.lookup(selector);
        if (found == null && !unshown.isEmpty()) {
            attachAll();
            return super.lookup(selector);
        }
        return found;
    }

    private Page pageOf(Tab tab) {
        return tabs.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(Page.MAP);
    }

    private Region centre() {
        VBox box = new VBox(8, ProblemViews.banner(vm, p -> ProblemViews.showDialog(p, getScene() == null ? null : getScene().getWindow())),
                pages);
        VBox.setVgrow(pages, Priority.ALWAYS);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    public MapCanvas map() {
        return map;
    }

    /** Below this width the map needs the room more than the model panel does: the panel steps aside (Ctrl+B brings it back). */
    static final double NARROW = 1440;

    /** The model panel's width where it shows: its layer table's columns, whole, and no more (the map has the rest). */
    private static final double SIDE_WIDTH = 520;

    private final javafx.beans.property.BooleanProperty modelPanel = new javafx.beans.property.SimpleBooleanProperty(this, "modelPanel", true);

    /** Whether the model panel shows beside the map (View > Model panel, Ctrl+B); off by itself in a narrow window. */
    public javafx.beans.property.BooleanProperty modelPanelProperty() {
        return modelPanel;
    }

    private double sideShare() {
        return split.getWidth() > 0 ? Math.min(0.45, SIDE_WIDTH / split.getWidth()) : 0.38;
    }

    /** The last width the window was laid out at (0 before the first). */
    private double laidOutWidth;

    /**
     * A window that opens or is made narrower than {@link #NARROW} hides the panel, and one made
     * wider shows it again; in between, Ctrl+B decides. A width of 0 (the scene being set up) is not a window's.
     */
    private void followWidth(double now) {
        if (now <= 0) {
            return;
        }
        boolean narrow = now < NARROW;
        if (laidOutWidth <= 0 || narrow != laidOutWidth < NARROW) {
            modelPanel.set(!narrow);
        }
        laidOutWidth = now;
    }

    private void locate(MainViewModel.Misplaced m) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.setTitle("Workspace " + m.file().getFileName());
        ask.setHeaderText("The workspace's " + m.why().what() + " has moved or changed");
        ask.setContentText(m.why().found() + "\n\nExpected: " + m.why().expected() + "\n\nPoint to the file where it is now?");
        javafx.scene.control.ButtonType find = new javafx.scene.control.ButtonType("Locate ...", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ask.getButtonTypes().setAll(find, javafx.scene.control.ButtonType.CANCEL);
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        if (ask.showAndWait().filter(b -> b == find).isPresent()) {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Where is " + m.why().expectedAt().getFileName() + " now?");
            if (m.why().expectedAt().getParent() != null && java.nio.file.Files.isDirectory(m.why().expectedAt().getParent())) {
                chooser.setInitialDirectory(m.why().expectedAt().getParent().toFile());
            }
            java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.relocate(m, f.toPath());
            }
        }
    }

    /** The journey and the ledger need the width, and so does a presentation: the model panel steps aside. */
    private void placeSide() {
        boolean hide = vm.pageProperty().get() != Page.MAP || vm.appearance().presentationProperty().get() || !modelPanel.get();
        if (hide) {
            split.getItems().remove(side);
        } else if (!split.getItems().contains(side)) {
            split.getItems().addFirst(side);
            split.setDividerPositions(sideShare());
        }
    }

    /**
     * Presentation mode stays in the window as it is sized instead of going full screen: the
     * headless shots render a presentation at the size asked for, not the (larger) screen's.
     */
    public void presentInWindow() {
        presentFullScreen = false;
    }

    private boolean presentFullScreen = true;

    /** Full screen on or off (F11); leaving full screen with Esc also ends a presentation. */
    void setFullScreen(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage && stage.isFullScreen() != on) {
            // JavaFX's own hint is a large overlay in the middle of the screen, over the maps and the Play
            // controls: the status bar says it instead.
            stage.setFullScreenExitHint("");
            if (on) {
                vm.say(vm.appearance().presentationProperty().get() ? "Presentation: F5 or Esc to leave" : "Full screen: F11 or Esc to leave");
            }
            stage.setFullScreen(on);
            stage.fullScreenProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        stage.fullScreenProperty().removeListener(this);
                        vm.appearance().presentationProperty().set(false);
                    }
                }
            });
        }
    }

    void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            setFullScreen(!stage.isFullScreen());
        }
    }

    /**
     * Space plays or pauses the journey and the arrows step it, wherever the focus is, unless a
     * control that types, slides or chooses has it (F5, F11 and Ctrl+E are the menu's accelerators).
     */
    private void keys(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl || e.getTarget() instanceof Slider
                || e.getTarget() instanceof Spinner<?> || e.getTarget() instanceof ComboBoxBase<?>
                || e.getTarget() instanceof javafx.scene.control.ChoiceBox<?>;
        if (vm.pageProperty().get() == Page.JOURNEY && !typing && !e.isShortcutDown()) {
            switch (e.getCode()) {
                case SPACE -> vm.journey().playingProperty().set(!vm.journey().playingProperty().get());
                case LEFT -> vm.journey().step(-1);
                case RIGHT -> vm.journey().step(1);
                default -> {
                    return;
                }
            }
            e.consume();
        }
    }

    public Exporter exporter() {
        return exporter;
    }

    public LessonPlayer lessons() {
        return lessons;
    }

    /** Starts a lesson with its text in a panel at the right. */
    public void startLesson(Lesson lesson) {
        setRight(tour);
        lessons.start(lesson);
    }

    public void closeLesson() {
        lessons.stop();
        setRight(null);
    }

    /** The panel Ctrl+E exports: the map (2D or 3D), the journey, or the ledger's heatmaps, as the page shown. */
    public ExportTarget currentTarget() {
        return switch (vm.pageProperty().get()) {
            case JOURNEY -> ExportTarget.JOURNEY;
            case LEDGER -> ExportTarget.LEDGER;
            case MAP -> vm.map().settingsProperty().get().dims() == 3 ? ExportTarget.MAP3D : ExportTarget.MAP;
        };
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.textProperty().bind(vm.statusProperty());
        bar.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty()).then(vm.progressProperty()).otherwise(0));
        Button cancel = new Button("Cancel");
        cancel.setTooltip(new Tooltip("Stop the running job (Esc)"));
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        bar.getRightItems().add(cancel);
        return bar;
    }

    private void bindSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, layer) -> {
            if (layer != null && layer != vm.selectedLayerProperty().get()) {
                vm.selectedLayerProperty().set(layer);
            }
        });
        vm.selectedLayerProperty().addListener((o, a, layer) -> {
            if (layer != null && table.getSelectionModel().getSelectedItem() != layer) {
                table.getSelectionModel().select(layer);
            }
        });
    }

    /** Files dropped on the window: models (.zip, .h5) and data (anything else) open together. */
    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.openFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}

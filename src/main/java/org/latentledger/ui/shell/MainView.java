package org.latentledger.ui.shell;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.latentledger.data.Dataset;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.SampleModel;
import org.latentledger.view.ExportTarget;
import org.latentledger.ui.tour.Lesson;
import org.latentledger.ui.tour.LessonPlayer;
import org.latentledger.ui.tour.LessonWindow;
import org.latentledger.ui.tour.TourPanel;
import org.latentledger.ui.export.Exporter;
import org.latentledger.ui.journey.JourneyView;
import org.latentledger.ui.ledger.LedgerView;
import org.latentledger.ui.map.AtlasPanel;
import org.latentledger.ui.map.Map3DView;
import org.latentledger.ui.plot.MapCanvas;
import org.latentledger.ui.map.MapToolbar;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.ui.map.PointPanel;
import org.latentledger.ui.model.LayerTableView;

/**
 * The main window's content: menu bar, model panel (summary and layer table), the map of the
 * chosen layer, and a status bar with progress and cancel. Builds nodes and binds them to the
 * {@link MainViewModel}; holds no state of its own.
 */
public final class MainView extends BorderPane implements Exporter.Window, LessonWindow {

    private final MainViewModel vm;
    private final MapCanvas map = new MapCanvas();
    private final LayerTableView table;
    private final boolean dialogs;
    private TabPane pages;
    private Tab mapTab;
    private Tab journeyTab;
    private Tab ledgerTab;
    private final Region side;
    private final SplitPane split;
    private final Exporter exporter;
    private final LessonPlayer lessons = new LessonPlayer(this);
    private final TourPanel tour = new TourPanel(lessons, this::closeLesson);

    /**
     * @param dialogs whether problems also open a dialog (off for headless screenshots)
     */
    public MainView(MainViewModel vm, boolean dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.table = new LayerTableView(vm.layers());
        getStyleClass().add("ll-main");
        side = modelPanel();
        split = new SplitPane(side, mapPanel());
        exporter = new Exporter(this, vm::provenance, vm.map(), vm.journey(), vm.ledger(), vm.datasetProperty()::get);
        MenuBar menu = new MainMenu(vm, this).build();
        setTop(menu);
        split.setDividerPositions(0.38);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        // The journey and the ledger need the width, and so does a presentation: the model panel steps aside.
        pages.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> placeSide());
        StatusBar status = statusBar();
        setBottom(status);
        // Presentation mode hides the chrome: menus, status bar and the model panel.
        for (Region chrome : new Region[] {menu, status}) {
            chrome.visibleProperty().bind(vm.appearance().presentationProperty().not());
            chrome.managedProperty().bind(chrome.visibleProperty());
        }
        vm.appearance().presentationProperty().addListener((o, a, on) -> {
            placeSide();
            setFullScreen(on);
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
        bindSelection();
        acceptDrops();
        vm.problemProperty().addListener((o, a, p) -> {
            if (p != null && this.dialogs) {
                showProblemDialog(p);
            }
        });
    }

    public MapCanvas map() {
        return map;
    }

    private void placeSide() {
        Tab tab = pages.getSelectionModel().getSelectedItem();
        boolean hide = tab == journeyTab || tab == ledgerTab || vm.appearance().presentationProperty().get();
        if (hide) {
            split.getItems().remove(side);
        } else if (!split.getItems().contains(side)) {
            split.getItems().addFirst(side);
            split.setDividerPositions(0.38);
        }
    }

    /** Full screen on or off (F11); leaving full screen with Esc also ends a presentation. */
    void setFullScreen(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage && stage.isFullScreen() != on) {
            stage.setFullScreenExitHint(vm.appearance().presentationProperty().get() ? "Presentation: F5 or Esc to leave" : "");
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
        if (pages.getSelectionModel().getSelectedItem() == journeyTab && !typing && !e.isShortcutDown()) {
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

    @Override
    public void openSample(String name) {
        for (SampleModel s : SampleModel.values()) {
            if (s.fileName().equals(name)) {
                vm.openSample(s);
                return;
            }
        }
        throw new IllegalArgumentException("there is no sample called '" + name + "'; the samples are "
                + java.util.Arrays.stream(SampleModel.values()).map(SampleModel::fileName).toList());
    }

    @Override
    public void openFiles(java.nio.file.Path model, java.nio.file.Path data) {
        if (model != null && data != null) {
            vm.open(model, data);
        } else if (model != null) {
            vm.openModel(model);
        } else if (data != null) {
            vm.openData(data);
        }
    }

    @Override
    public Node panel(String id) {
        return lookup("#" + id);
    }

    @Override
    public void selectLayer(String ref) {
        LoadedModel m = vm.modelProperty().get();
        if (m == null) {
            throw new IllegalStateException("no model is open");
        }
        vm.selectedLayerProperty().set(vm.layers().get(m.layer(ref).index()));
    }

    @Override
    public MapViewModel mapModel() {
        return vm.map();
    }

    @Override
    public org.latentledger.ui.journey.JourneyViewModel journeyModel() {
        return vm.journey();
    }

    @Override
    public org.latentledger.ui.ledger.LedgerViewModel ledgerModel() {
        return vm.ledger();
    }

    @Override
    public boolean idle() {
        return !vm.busyProperty().get();
    }

    @Override
    public boolean settled() {
        return vm.isSettled();
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
        return target.nodeId() == null ? this : lookup("#" + target.nodeId());
    }

    @Override
    public void show(ExportTarget target) {
        if (target.page() != null) {
            showPage(target.page().cliName());
        }
    }

    /** The panel Ctrl+E exports: the map (2D or 3D), the journey, or the ledger's heatmaps, as the page shown. */
    public ExportTarget currentTarget() {
        return switch (page()) {
            case "journey" -> ExportTarget.JOURNEY;
            case "ledger" -> ExportTarget.LEDGER;
            default -> vm.map().settingsProperty().get().dims() == 3 ? ExportTarget.MAP3D : ExportTarget.MAP;
        };
    }

    /** Shows a page by name: map, journey or ledger. */
    public void showPage(String page) {
        switch (page) {
            case "journey" -> showJourney();
            case "ledger" -> showLedger();
            case "map" -> showMap();
            default -> throw new IllegalArgumentException("no page called '" + page + "'; the pages are map, journey and ledger");
        }
    }

    /** Shows the map page (for lessons). */
    public void showMap() {
        pages.getSelectionModel().select(mapTab);
    }

    /** The page shown: "map", "journey" or "ledger". */
    public String page() {
        Tab t = pages.getSelectionModel().getSelectedItem();
        return t == journeyTab ? "journey" : t == ledgerTab ? "ledger" : "map";
    }

    /** Shows the ledger page (for screenshots and lessons). */
    public void showLedger() {
        pages.getSelectionModel().select(ledgerTab);
    }

    /** Shows the journey page (for screenshots and lessons). */
    public void showJourney() {
        pages.getSelectionModel().select(journeyTab);
    }

    private Region modelPanel() {
        Label name = new Label();
        name.getStyleClass().add("ll-title");
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedModel m = vm.modelProperty().get();
            return m == null ? "No model" : m.name();
        }, vm.modelProperty()));
        Label facts = new Label();
        facts.getStyleClass().add("ll-muted");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.textProperty().bind(Bindings.createStringBinding(this::modelFacts, vm.modelProperty(), vm.datasetProperty(),
                vm.busyProperty()));
        Label tableTitle = new Label("Layers");
        tableTitle.getStyleClass().add("ll-section");
        Label hint = new Label("Select a layer to map its activations. Dense MACs: multiply-accumulates of one inference "
                + "when every connection fires.");
        hint.getStyleClass().add("ll-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        // The table is as tall as its rows; the model card uses the space below.
        table.setFixedCellSize(28);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> (Math.max(2, vm.layers().size()) + 1.6) * 28,
                vm.layers()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        Label card = new Label();
        card.setWrapText(true);
        card.getStyleClass().add("ll-card");
        card.textProperty().bind(Bindings.createStringBinding(() -> vm.modelProperty().get() == null ? "-"
                : ModelCardText.of(vm.cardProperty().get()), vm.cardProperty(), vm.modelProperty()));
        ScrollPane cardPane = new ScrollPane(card);
        cardPane.setFitToWidth(true);
        card.setPadding(new Insets(8, 2, 2, 2));
        TabPane tabs = new TabPane(new Tab("Point", PointPanel.build(vm.map())), new Tab("Regions & axes", AtlasPanel.build(vm.map())),
                new Tab("Model card", cardPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.map().focusProperty().addListener((o, a, f) -> {
            if (f != null && f >= 0) {
                tabs.getSelectionModel().select(0);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, name, facts, new Separator(), tableTitle, table, hint, tabs);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("ll-side");
        box.setMinWidth(550);
        return box;
    }

    private String modelFacts() {
        LoadedModel m = vm.modelProperty().get();
        Dataset d = vm.datasetProperty().get();
        if (m == null && d != null) {
            return String.format(Locale.ROOT, "No model: the map shows the data itself.%nData: %s · %,d points · %d values each",
                    d.name(), d.size(), d.columns());
        }
        if (m == null) {
            return vm.busyProperty().get() ? "Opening ..." : "No model is open. File > Open model, Open sample, or drop a file here.";
        }
        long macs = m.layers().stream().mapToLong(LayerInfo::denseMacs).sum();
        String model = String.format(Locale.ROOT, "%s · %d layers · %,d parameters · input %s%n%,d dense MACs per inference",
                m.kind(), m.layers().size(), m.parameterCount(), m.input().describe(), macs);
        if (d == null) {
            return model;
        }
        String shape = d.image() == null ? d.columns() + " columns" : d.image() + " images";
        return model + String.format(Locale.ROOT, "\nData: %s · %,d points · %s · %s", d.name(), d.size(), shape, d.scaling());
    }

    private Region mapPanel() {
        ComboBox<LayerInfo> picker = new ComboBox<>(vm.layers());
        picker.setCellFactory(l -> new LayerCell());
        picker.setButtonCell(new LayerCell());
        picker.valueProperty().bindBidirectional(vm.selectedLayerProperty());
        picker.setTooltip(new Tooltip("Layer whose activations the map shows (Ctrl+Up / Ctrl+Down)"));
        picker.setPrefWidth(210);
        Label layerLabel = new Label("Layer");
        layerLabel.setLabelFor(picker);
        MapViewModel mvm = vm.map();
        Region toolbar = MapToolbar.build(mvm, map::fit, layerLabel, picker);

        map.setId("map");
        map.mapSceneProperty().bind(mvm.sceneProperty());
        map.selectionProperty().bind(mvm.selectionProperty());
        map.matchesProperty().bind(mvm.matchesProperty());
        map.focusProperty().bind(mvm.focusProperty());
        map.setOnPick(i -> mvm.focusProperty().set(i));
        map.setOnSelect(mvm::select);
        map.emptyMessageProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return vm.statusProperty().get();
            }
            if (!vm.mapMessageProperty().get().isEmpty()) {
                return vm.mapMessageProperty().get();
            }
            return vm.problemProperty().get() != null ? "Nothing to map: see the message above"
                    : "Open a model and data (File menu), or drop files here";
        }, vm.problemProperty(), vm.statusProperty(), vm.busyProperty(), vm.mapMessageProperty()));
        Map3DView view3d = new Map3DView();
        view3d.setId("map3d");
        Runnable refresh3d = () -> {
            if (mvm.settingsProperty().get().dims() == 3) {
                view3d.show(mvm.projectionProperty().get(), mvm.sceneProperty().get());
            }
        };
        mvm.sceneProperty().addListener(o -> refresh3d.run());
        view3d.visibleProperty().bind(Bindings.createBooleanBinding(() -> mvm.settingsProperty().get().dims() == 3,
                mvm.settingsProperty()));
        map.visibleProperty().bind(view3d.visibleProperty().not());
        Label note = new Label();
        note.getStyleClass().add("ll-muted");
        note.textProperty().bind(vm.mapNoteProperty());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        StackPane centre = new StackPane(map, view3d);
        VBox mapPage = new VBox(8, toolbar, centre, note);
        VBox.setVgrow(centre, Priority.ALWAYS);
        mapPage.setPadding(new Insets(8, 0, 0, 0));
        JourneyView journeyPage = new JourneyView(vm.journey());
        journeyPage.setId("journey");
        journeyPage.setPadding(new Insets(8, 0, 0, 0));
        Tab mapTab = new Tab("Map", mapPage);
        Tab journeyTab = new Tab("Journey", journeyPage);
        ScrollPane ledgerScroll = new ScrollPane(new LedgerView(vm.ledger()));
        ledgerScroll.setFitToWidth(true);
        Tab ledgerTab = new Tab("Ledger", ledgerScroll);
        TabPane pages = new TabPane(mapTab, journeyTab, ledgerTab);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pages.getStyleClass().add("ll-pages");
        pages.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab == journeyTab && vm.journey().atlasesProperty().get().isEmpty()) {
                vm.journey().prepare();
            } else if (tab == mapTab && vm.map().resultProperty().get() == null) {
                vm.map().recompute();
            }
        });
        // Opening new files while the journey is shown prepares its maps again.
        vm.modelProperty().addListener(o -> {
            if (pages.getSelectionModel().getSelectedItem() == journeyTab) {
                javafx.application.Platform.runLater(vm.journey()::prepare);
            }
        });
        this.pages = pages;
        this.mapTab = mapTab;
        this.journeyTab = journeyTab;
        this.ledgerTab = ledgerTab;
        VBox box = new VBox(8, problemBanner(), pages);
        VBox.setVgrow(pages, Priority.ALWAYS);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    private Region problemBanner() {
        Label title = new Label();
        title.getStyleClass().add("ll-banner-title");
        Label message = new Label();
        message.setWrapText(true);
        Button details = new Button("Details ...");
        details.setOnAction(e -> {
            if (vm.problemProperty().get() != null) {
                showProblemDialog(vm.problemProperty().get());
            }
        });
        details.setMinWidth(Region.USE_PREF_SIZE);
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.clearProblem());
        VBox text = new VBox(2, title, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(10, text, details, dismiss);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("ll-banner");
        banner.visibleProperty().bind(vm.problemProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.problemProperty().addListener((o, a, p) -> {
            title.setText(p == null ? "" : p.title());
            message.setText(p == null ? "" : p.message());
        });
        return banner;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.textProperty().bind(vm.statusProperty());
        bar.progressProperty().bind(Bindings.when(vm.busyProperty()).then(vm.progressProperty()).otherwise(0));
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

    private void showProblemDialog(Problem p) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Latent Ledger");
        alert.setHeaderText(p.title());
        String message = p.file() != null && p.message().startsWith(p.file() + ": ") ? p.message().substring(p.file().length() + 2)
                : p.message();
        alert.setContentText((p.file() == null ? "" : "File: " + p.file() + "\n\n") + capitalise(message)
                + "\n\nThe app stays open; whatever was open before is still there.");
        TextArea trace = new TextArea(p.details().isEmpty() ? "(no technical details)" : p.details());
        trace.setEditable(false);
        trace.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(trace);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shows a layer as "name · type · width". */
    private static final class LayerCell extends ListCell<LayerInfo> {
        @Override
        protected void updateItem(LayerInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : String.format(Locale.ROOT, "%s · %s · %s", item.name(), item.type(), item.outputShape()));
        }
    }
}

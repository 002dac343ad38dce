package org.latentledger.ui.ledger;

import org.latentledger.economy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.LayerCost;
import org.latentledger.economy.Ledger;

/**
 * The ledger page: policy and live slider, dense and sparse heatmaps with one colour bar, the
 * cost of each layer (MACs, weights read, energy split into arithmetic and memory) and the totals
 * as fractions, the verdict with both answers, measured times, and the frontier.
 */
public final class LedgerView extends VBox {

    /** The cost table's width before its columns fit their cells (the frontier fits beside it at 1280 wide). */
    static final double TABLE_WIDTH = 650;

    private final LedgerViewModel vm;
    private final HeatmapCanvas dense = new HeatmapCanvas(440, 230);
    private final HeatmapCanvas sparse = new HeatmapCanvas(440, 230);
    private final ColourBar colourBar = new ColourBar(70, 230);
    private final TableView<LayerCost> table = new TableView<>();
    private final Label summary = new Label();
    /** Where the remaining cost sits: the layer that costs most after the policy, and why. */
    private final Label remaining = new Label();
    private final Label verdict = new Label();
    private final AnswerChart answers = new AnswerChart(330, 178);
    private final FrontierChart frontier = new FrontierChart(560, 232);
    private final Label levelText = new Label();

    public LedgerView(LedgerViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().add("ll-ledger");
        Label message = new Label();
        message.getStyleClass().add("ll-error");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        summary.getStyleClass().add("ll-title");
        verdict.getStyleClass().add("ll-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(330);
        Label timing = new Label();
        timing.getStyleClass().add("ll-muted");
        timing.textProperty().bind(vm.timingProperty());
        timing.setTooltip(new Tooltip(LedgerViewModel.TIMING_NOTE));
        HBox maps = new HBox(10, dense, sparse, colourBar);
        HBox.setHgrow(dense, Priority.ALWAYS);
        HBox.setHgrow(sparse, Priority.ALWAYS);
        VBox right = new VBox(6, verdict, answers);
        right.setId("verdict");
        // The figure a speaker exports: the headline, the measured times, both heatmaps and both answers.
        remaining.getStyleClass().add("ll-muted");
        remaining.setWrapText(true);
        summary.setWrapText(true);
        timing.setWrapText(true);
        HBox passes = new HBox(12, maps, right);
        HBox.setHgrow(maps, Priority.ALWAYS);
        VBox figure = new VBox(6, summary, remaining, timing, passes);
        figure.setId("ledger-heatmaps");
        figure.getStyleClass().add("ll-figure");
        frontier.setId("frontier");
        buildTable();
        table.setId("costs");
        table.setFixedCellSize(26);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        table.setMinHeight(Region.USE_PREF_SIZE); // all rows, never a scroll bar of its own
        table.setPrefWidth(TABLE_WIDTH);
        table.setPrefHeight(6.3 * 26);
        table.skinProperty().addListener((o, a, skin) -> {
            if (table.lookup(".column-header-background") instanceof Region header) {
                header.heightProperty().addListener(x -> fitTable());
            }
        });
        frontier.setOnChoose(vm::choose);
        Button compute = new Button("Compute the frontier");
        compute.setOnAction(e -> vm.computeFrontier());
        compute.setTooltip(new Tooltip("Sweep this policy's parameter over the data set (a job: progress and cancel in the status bar)"));
        Label knee = new Label();
        knee.setId("frontier-knee");
        knee.setWrapText(true);
        knee.getStyleClass().add("ll-muted");
        // As wide as the table (its unwrapped width would make the row as wide as the whole text).
        knee.prefWidthProperty().bind(table.prefWidthProperty());
        knee.maxWidthProperty().bind(table.prefWidthProperty());
        knee.setMinHeight(Region.USE_PREF_SIZE);
        vm.comparisonProperty().addListener(o -> redrawFrontier());
        vm.frontierProperty().addListener((o, a, r) -> {
            knee.setText(r == null ? "" : org.latentledger.economy.Frontier.describeKnee(r)
                    + " The points are averages over the sample; the dashed line is the current setting on this one query,"
                    + " whose cost differs from the average as its input and activations do.");
            redrawFrontier();
        });
        ChoiceBox<FrontierChart.Cost> cost = new ChoiceBox<>(FXCollections.observableArrayList(FrontierChart.Cost.values()));
        cost.setValue(frontier.cost());
        cost.setId("frontier-cost");
        cost.setTooltip(new Tooltip("The frontier's x axis: each setting's share of the dense pass's MACs, or of its energy (the constants above)"));
        cost.valueProperty().addListener((o, a, c) -> {
            frontier.cost(c);
            redrawFrontier();
        });
        HBox frontierControls = new HBox(8, compute, new Label("x axis:"), cost);
        frontierControls.setAlignment(Pos.CENTER_LEFT);
        VBox frontierBox = new VBox(6, frontierControls, frontier);
        VBox costs = new VBox(6, table, knee);
        // Beside the table where the window is wide enough (the frontier above the fold at 1280 x 800), else under it.
        javafx.scene.layout.FlowPane bottom = new javafx.scene.layout.FlowPane(12, 8, costs, frontierBox);
        bottom.setId("ledger-bottom");
        getChildren().addAll(controls(), message, figure, bottom);
        setPadding(new Insets(8, 0, 0, 0));
        vm.ledgerProperty().addListener(o -> refresh());
            }

    private Node controls() {
        ChoiceBox<PolicyKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(PolicyKind.values()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Slider level = new Slider(0, 1, vm.levelProperty().get());
        level.valueProperty().bindBidirectional(vm.levelProperty());
        vm.slidingProperty().bind(HandOnSlider.of(level));
        level.setPrefWidth(260);
        level.setTooltip(new Tooltip("k (share of each layer kept), or the threshold t; heatmaps, costs and verdict follow live"));
        level.disableProperty().bind(vm.kindProperty().isEqualTo(PolicyKind.DENSE)
                .or(vm.kindProperty().isEqualTo(PolicyKind.NATURAL)));
        Spinner<Integer> rank = new Spinner<>(1, 512, vm.rankProperty().get());
        rank.setEditable(true);
        rank.setPrefWidth(80);
        rank.valueProperty().addListener((o, a, v) -> vm.rankProperty().set(v));
        vm.rankProperty().addListener((o, a, v) -> {
            if (!v.equals(rank.getValue())) {
                rank.getValueFactory().setValue(v.intValue());
            }
        });
        HBox rankBox = new HBox(6, new Label("Rank"), rank);
        rankBox.setAlignment(Pos.CENTER_LEFT);
        rankBox.visibleProperty().bind(vm.kindProperty().isEqualTo(PolicyKind.ROUTED));
        rankBox.managedProperty().bind(rankBox.visibleProperty());
        ChoiceBox<String> memory = new ChoiceBox<>(FXCollections.observableArrayList("SRAM", "DRAM", "custom"));
        memory.setValue(vm.energyProperty().get().memory());
        TextField mac = new TextField(Double.toString(vm.energyProperty().get().macPj()));
        TextField read = new TextField(Double.toString(vm.energyProperty().get().readPj()));
        mac.setPrefColumnCount(4);
        read.setPrefColumnCount(4);
        memory.valueProperty().addListener((o, a, m) -> {
            if (m.equals("SRAM") || m.equals("DRAM")) {
                EnergyModel e = m.equals("SRAM") ? EnergyModel.SRAM : EnergyModel.DRAM;
                mac.setText(Double.toString(e.macPj()));
                read.setText(Double.toString(e.readPj()));
                vm.energyProperty().set(e);
            }
        });
        Runnable custom = () -> {
            try {
                vm.energyProperty().set(new EnergyModel(Double.parseDouble(mac.getText()), Double.parseDouble(read.getText()), "custom"));
                memory.setValue("custom");
            } catch (IllegalArgumentException ex) {
                mac.setText(Double.toString(vm.energyProperty().get().macPj()));
                read.setText(Double.toString(vm.energyProperty().get().readPj()));
            }
        };
        mac.setOnAction(e -> custom.run());
        read.setOnAction(e -> custom.run());
        Label source = new Label("E_mac, E_read in pJ: " + EnergyModel.SOURCE);
        source.getStyleClass().add("ll-muted");
        javafx.scene.control.CheckBox original = new javafx.scene.control.CheckBox("Left: the original");
        original.selectedProperty().bindBidirectional(vm.showOriginalProperty());
        original.visibleProperty().bind(vm.hasOriginalProperty());
        original.managedProperty().bind(original.visibleProperty());
        original.setTooltip(new Tooltip("Show the dense pass of the model this economical one was made from, on the same query"));
        vm.showOriginalProperty().addListener(o -> refresh());
        vm.originalPassProperty().addListener(o -> refresh());
        levelText.setMinWidth(Region.USE_PREF_SIZE);
        Label policyLabel = fixed("Policy");
        // The table's width follows the type size (presentation mode's larger type gets wider columns).
        policyLabel.fontProperty().addListener((o, a, f) -> {
            cellFont = f;
            typeScale(f.getSize() / 13);
        });
        HBox first = new HBox(10, policyLabel, kind, level, levelText, rankBox, original);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, fixed("Weights from"), memory, fixed("E_mac"), mac, fixed("E_read"), read, source);
        second.setAlignment(Pos.CENTER_LEFT);
        // The source wraps in a narrow window (1024 wide, or presentation) instead of ending in "...".
        source.setWrapText(true);
        source.setMinWidth(120);
        HBox.setHgrow(source, Priority.ALWAYS);
        mac.setMinWidth(Region.USE_PREF_SIZE);
        read.setMinWidth(Region.USE_PREF_SIZE);
        memory.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(6, first, second);
    }

    /** Sizes that follow the type (presentation mode's is about 1.5 times larger): table, answers, colour bar, frontier. */
    private void typeScale(double k) {
        typeScale = k;
        fitTable();
        fitColumns();
        answers.setPrefSize(330 * k, 178 * k);
        answers.setMinSize(264 * k, 178 * k);
        colourBar.setPrefWidth(70 * k);
        colourBar.setMinWidth(70 * k);
        frontier.setPrefHeight(232 * k);
        frontier.setMinHeight(232 * k);
    }

    private double typeScale = 1;

    /** A label that keeps its whole text (a control's name beside it). */
    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void buildTable() {
        table.getColumns().add(col("Layer", "The layer (* estimated, see below)", c -> c.name() + (c.estimate() ? " *" : ""), 80));
        table.getColumns().add(col("n_in → n_out", "Units in and out of the layer", c -> total(c) ? "" : c.nIn() + " → " + c.nOut(), 90));
        table.getColumns().add(col("Active inputs", "Inputs that are not zero after the policy: only their rows are computed",
                c -> total(c) ? "" : String.format(Locale.ROOT, "%,d", c.activeIn()), 66));
        table.getColumns().add(col("Dense MACs", "Multiply-accumulates of the dense pass (every connection)",
                c -> String.format(Locale.ROOT, "%,d", c.denseMacs()), 80));
        table.getColumns().add(col("Effective MACs", "Multiply-accumulates the sparse pass performs (counted)",
                c -> String.format(Locale.ROOT, "%,d", c.effectiveMacs()), 80));
        table.getColumns().add(col("Weights read", "Weights the sparse pass reads from memory (counted)",
                c -> String.format(Locale.ROOT, "%,d", c.weightsRead()), 80));
        table.getColumns().add(col("Arithmetic pJ", "Effective MACs x E_mac",
                c -> String.format(Locale.ROOT, "%,.0f", vm.energyProperty().get().arithmeticPj(c.effectiveMacs())), 84));
        table.getColumns().add(col("Memory pJ", "Weights read x E_read",
                c -> String.format(Locale.ROOT, "%,.0f", vm.energyProperty().get().memoryPj(c.weightsRead())), 84));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.messageProperty().isEmpty())
                .then("Open a model and data").otherwise("No ledger for this model: see the message above"));
        table.setPlaceholder(empty);
        Tooltip.install(table, new Tooltip("* estimated: a depthwise, separable, 1D or 3D convolution, run through DL4J; "
                + "its effective cost is its dense cost scaled by its input's density"));
    }

    private static boolean total(LayerCost c) {
        return c.kind().isEmpty() && c.name().equals("total");
    }

    private static final String BASE_WIDTH = "ll-base-width";

    /**
     * Each column as wide as its widest cell (a CNN's "9216 -> 2304" and "1,116,488" need more than an
     * MLP's), at least its base width in the current type; the table as wide as its columns.
     */
    private void fitColumns() {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(cellFont);
        double total = 0;
        for (TableColumn<LayerCost, ?> c : table.getColumns()) {
            double w = (double) c.getProperties().get(BASE_WIDTH) * typeScale;
            for (LayerCost row : table.getItems()) {
                probe.setText(String.valueOf(c.getCellData(row)));
                w = Math.max(w, probe.getLayoutBounds().getWidth() + 16);
            }
            c.setPrefWidth(Math.ceil(w));
            c.setMinWidth(Math.ceil(w));
            total += Math.ceil(w);
        }
        table.setPrefWidth(total + 4);
    }

    private javafx.scene.text.Font cellFont = javafx.scene.text.Font.getDefault();

    /** A column whose header wraps onto two lines instead of truncating, and says more in a tooltip. */
    private static TableColumn<LayerCost, String> col(String title, String tip, Function<LayerCost, String> value, double width) {
        TableColumn<LayerCost, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.setAlignment(Pos.CENTER);
        header.getStyleClass().add("ll-ledger-header");
        header.setTooltip(new Tooltip(tip));
        header.prefWidthProperty().bind(c.widthProperty().subtract(6));
        header.setMinHeight(Region.USE_PREF_SIZE);
        c.setGraphic(header);
        c.setId(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.getProperties().put(BASE_WIDTH, width);
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        levelText.setText(vm.levelText());
        Ledger l = vm.ledgerProperty().get();
        if (l == null) {
            table.getItems().clear();
            summary.setText("");
            remaining.setText("");
            return;
        }
        List<String> names = l.sparse().costs().stream().map(LayerCost::name).toList();
        double scale = scale(l);
        var o = vm.originalPassProperty().get();
        if (vm.showOriginalProperty().get() && o != null) {
            dense.show("The original, " + vm.originalName() + ": every unit computed", names, o.activations(), scale);
        } else {
            dense.show("Dense: every unit computed", names, l.dense().activations(), scale);
        }
        sparse.show("Sparse: " + l.sparse().policy().describe(), names, l.sparse().activations(), scale);
        colourBar.show(scale);
        List<LayerCost> rows = new ArrayList<>(l.sparse().costs());
        rows.add(new LayerCost("total", "", 0, 0, 0, l.dense().denseMacs(), l.sparse().effectiveMacs(), l.dense().denseReads(),
                l.sparse().weightsRead(), 0, false));
        table.getItems().setAll(rows);
        fitColumns();
        EnergyModel e = vm.energyProperty().get();
        double memShare = e.memoryPj(l.sparse().weightsRead()) / Math.max(1e-9, l.sparse().energyPj(e));
        summary.setText(String.format(Locale.ROOT, "%.1f%% of the MACs, %.1f%% of the energy (%s; memory is %.0f%% of it)",
                100 * l.macFraction(), 100 * l.energyFraction(e), e.memory(), 100 * memShare));
        remaining.setText(org.latentledger.economy.RemainingCost.where(l.sparse()));
        boolean same = l.fidelity().sameTop1();
        verdict.setText(vm.verdictText());
        verdict.getStyleClass().removeAll("ll-good", "ll-bad");
        verdict.getStyleClass().add(same ? "ll-good" : "ll-bad");
        answers.show(l.dense().output(), l.sparse().output(), vm.data() == null ? List.of() : vm.data().classNames());
        fitTable();
        redrawFrontier();
    }

    /** As tall as its rows and its header (which grows when a title wraps): no blank rows, no scroll bar. */
    private void fitTable() {
        int n = table.getItems().size();
        table.setPrefHeight(n == 0 ? 6.3 * 26 : n * 26 + headerHeight() + 10);
    }

    /** The table's header as laid out (two lines where a title wraps), or a two-line guess before the first layout. */
    private double headerHeight() {
        Node h = table.lookup(".column-header-background");
        // At least two lines of header type (0.92 em, see the ledger block of the CSS) with its padding,
        // so that a snapshot taken before the wrapped header's first layout shows no scroll bar either.
        double twoLines = 2 * 1.3 * 0.92 * 13 * typeScale + 12;
        return Math.max(twoLines, h instanceof Region r ? r.getHeight() : 0);
    }

    private void redrawFrontier() {
        Ledger l = vm.ledgerProperty().get();
        frontier.compare(vm.comparisonProperty().get(), vm.originalName());
        EnergyModel swept = vm.frontierEnergy(); // the current line in the same constants as the points
        frontier.energyName(swept.memory());
        double current = l == null ? Double.NaN
                : frontier.cost() == FrontierChart.Cost.MACS ? l.macFraction() : l.energyFraction(swept);
        frontier.show(vm.frontierProperty().get(), current, vm.frontierNote());
    }

    /** The 99th percentile of |activation| over both passes: one scale for both heatmaps. */
    static double scale(Ledger l) {
        List<Float> v = new ArrayList<>();
        for (List<float[]> acts : List.of(l.dense().activations(), l.sparse().activations())) {
            for (float[] a : acts) {
                for (float x : a) {
                    if (x != 0) {
                        v.add(Math.abs(x));
                    }
                }
            }
        }
        if (v.isEmpty()) {
            return 1;
        }
        v.sort(null);
        return Math.max(1e-6, v.get((int) (0.99 * (v.size() - 1))));
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}

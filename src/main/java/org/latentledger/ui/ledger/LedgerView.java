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
import org.latentledger.ui.journey.OutputChart;

/**
 * The ledger page: policy and live slider, dense and sparse heatmaps with one colour bar, the
 * cost of each layer (MACs, weights read, energy split into arithmetic and memory) and the totals
 * as fractions, the verdict with both answers, measured times, and the frontier.
 */
public final class LedgerView extends VBox {

    private final LedgerViewModel vm;
    private final HeatmapCanvas dense = new HeatmapCanvas(440, 230);
    private final HeatmapCanvas sparse = new HeatmapCanvas(440, 230);
    private final ColourBar colourBar = new ColourBar(70, 230);
    private final TableView<LayerCost> table = new TableView<>();
    private final Label summary = new Label();
    /** Where the remaining cost sits: the layer that costs most after the policy, and why. */
    private final Label remaining = new Label();
    private final Label verdict = new Label();
    private final OutputChart answers = new OutputChart(330, 220);
    private final FrontierChart frontier = new FrontierChart(760, 250);
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
        HBox maps = new HBox(10, dense, sparse, colourBar);
        // The figure a speaker exports: the headline, the measured times and both heatmaps.
        remaining.getStyleClass().add("ll-muted");
        remaining.setWrapText(true);
        VBox figure = new VBox(6, summary, remaining, timing, maps);
        figure.setId("ledger-heatmaps");
        figure.getStyleClass().add("ll-figure");
        frontier.setId("frontier");
        buildTable();
        VBox right = new VBox(6, verdict, answers);
        right.setId("verdict");
        table.setId("costs");
        HBox middle = new HBox(12, table, right);
        HBox.setHgrow(table, Priority.ALWAYS);
        table.setFixedCellSize(26);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        table.setPrefHeight(6.3 * 26);
        frontier.setOnChoose(vm::choose);
        Button compute = new Button("Compute the frontier");
        compute.setOnAction(e -> vm.computeFrontier());
        compute.setTooltip(new Tooltip("Sweep this policy's parameter over the data set (a job: progress and cancel in the status bar)"));
        Label knee = new Label();
        knee.setWrapText(true);
        knee.setMaxWidth(320);
        vm.comparisonProperty().addListener(o -> redrawFrontier());
        vm.frontierProperty().addListener((o, a, r) -> {
            knee.setText(r == null ? "" : org.latentledger.economy.Frontier.describeKnee(r));
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
        HBox bottom = new HBox(12, frontier, new VBox(8, compute, new HBox(6, new Label("x axis:"), cost), knee));
        getChildren().addAll(controls(), message, figure, middle, bottom);
        setPadding(new Insets(8, 0, 0, 0));
        vm.ledgerProperty().addListener(o -> refresh());
            }

    private Node controls() {
        ChoiceBox<PolicyKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(PolicyKind.values()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Slider level = new Slider(0, 1, vm.levelProperty().get());
        level.valueProperty().bindBidirectional(vm.levelProperty());
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
        HBox first = new HBox(10, new Label("Policy"), kind, level, levelText, rankBox, original);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, new Label("Weights from"), memory, new Label("E_mac"), mac, new Label("E_read"), read, source);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, first, second);
    }

    private void buildTable() {
        table.getColumns().add(col("Layer", c -> c.name() + (c.estimate() ? " *" : ""), 90));
        table.getColumns().add(col("n_in -> n_out", c -> total(c) ? "" : c.nIn() + " -> " + c.nOut(), 110));
        table.getColumns().add(col("Active in", c -> total(c) ? "" : String.format(Locale.ROOT, "%,d", c.activeIn()), 80));
        table.getColumns().add(col("Dense MACs", c -> String.format(Locale.ROOT, "%,d", c.denseMacs()), 100));
        table.getColumns().add(col("Effective MACs", c -> String.format(Locale.ROOT, "%,d", c.effectiveMacs()), 110));
        table.getColumns().add(col("Weights read", c -> String.format(Locale.ROOT, "%,d", c.weightsRead()), 100));
        table.getColumns().add(col("Arithmetic pJ", c -> String.format(Locale.ROOT, "%,.0f", vm.energyProperty().get().arithmeticPj(c.effectiveMacs())), 100));
        table.getColumns().add(col("Memory pJ", c -> String.format(Locale.ROOT, "%,.0f", vm.energyProperty().get().memoryPj(c.weightsRead())), 100));
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

    private static TableColumn<LayerCost, String> col(String title, Function<LayerCost, String> value, double width) {
        TableColumn<LayerCost, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
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
        EnergyModel e = vm.energyProperty().get();
        double memShare = e.memoryPj(l.sparse().weightsRead()) / Math.max(1e-9, l.sparse().energyPj(e));
        summary.setText(String.format(Locale.ROOT, "%.1f%% of the MACs, %.1f%% of the energy (%s; memory is %.0f%% of it)",
                100 * l.macFraction(), 100 * l.energyFraction(e), e.memory(), 100 * memShare));
        remaining.setText(org.latentledger.economy.RemainingCost.where(l.sparse()));
        boolean same = l.fidelity().sameTop1();
        verdict.setText(String.format(Locale.ROOT, "%s  (cosine %.4f, KL %.2e)", same ? "Same answer" : "DIFFERENT answer",
                l.fidelity().cosine(), l.fidelity().kl()));
        verdict.getStyleClass().removeAll("ll-good", "ll-bad");
        verdict.getStyleClass().add(same ? "ll-good" : "ll-bad");
        answers.showProbabilities(l.dense().output(), l.sparse().output(),
                vm.data() == null ? List.of() : vm.data().classNames(), "Answer: filled = dense, outline = sparse");
        table.setPrefHeight((rows.size() + 1.7) * 26);
        redrawFrontier();
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

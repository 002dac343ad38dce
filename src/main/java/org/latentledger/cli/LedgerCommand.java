package org.latentledger.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.LayerCost;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.PassTimes;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"The activation economy of one inference: dense vs sparse, per layer (MACs, weights read, energy),",
                "the fidelity of the sparse answer and both passes' measured times.",
                "The model is a layer-by-layer network (MultiLayerNetwork)."})
final class LedgerCommand implements Callable<Integer> {

    @Mixin
    ModelDataOptions inputs;

    @Mixin
    QueryOption query;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "natural",
            description = "dense, natural, topk:K, threshold:T or routed:R:K (K a count or a share like 10%%; default: ${DEFAULT-VALUE}).")
    SparsityPolicy policy;

    @Mixin
    MemoryOption memory;

    @Option(names = "--repeats", defaultValue = "31", description = "Timed runs of each pass, median reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.fittingData(model);
            float[] x = query.input(model, data);
            SparseNetwork net = new SparseNetwork(model);
            for (int w = 0; w < 5; w++) {
                net.run(x, policy); // warm up the JIT before timing
            }
            Ledger l = Ledger.of(net, x, policy, 0);
            // Timed as the window times them: interleaved, medians with their interquartile ranges, "within noise" when they overlap.
            PassTimes t = PassTimes.measure(net, x, policy, repeats);
            json.print(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("query", query.describe(data));
                out.putAll(summary(l, memory.energy, t));
                out.put("answer", answers(l, data.classNames()));
                return out;
            }, () -> text(l, memory.energy, t));
        }
        return 0;
    }

    static Map<String, Object> summary(Ledger l, EnergyModel e, PassTimes t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policy", l.sparse().policy().spec());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerCost c : l.sparse().costs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("n_in", c.nIn());
            row.put("n_out", c.nOut());
            row.put("active_in", c.activeIn());
            row.put("dense_macs", c.denseMacs());
            row.put("effective_macs", c.effectiveMacs());
            row.put("weights_read", c.weightsRead());
            row.put("energy_pj", c.energyPj(e));
            row.put("estimate", c.estimate());
            layers.add(row);
        }
        out.put("layers", layers);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("dense_macs", l.dense().denseMacs());
        total.put("effective_macs", l.sparse().effectiveMacs());
        total.put("energy_pj_dense", l.dense().denseEnergyPj(e));
        total.put("energy_pj_sparse", l.sparse().energyPj(e));
        out.put("total", total);
        Map<String, Object> fidelity = new LinkedHashMap<>();
        fidelity.put("same_top1", l.fidelity().sameTop1());
        fidelity.put("cosine", l.fidelity().cosine());
        fidelity.put("kl", l.fidelity().kl());
        out.put("fidelity", fidelity);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("dense", t.denseMedian());
        timing.put("sparse", t.sparseMedian());
        timing.put("dense_iqr", t.denseRange());
        timing.put("sparse_iqr", t.sparseRange());
        timing.put("runs", t.repeats());
        timing.put("within_noise", t.withinNoise());
        out.put("timing_us", timing);
        out.put("energy_model", Map.of("mac_pj", e.macPj(), "read_pj", e.readPj(), "memory", e.memory(), "source", EnergyModel.SOURCE));
        return out;
    }

    /** Both passes' answers: {"dense": {"top1", "probabilities"}, "sparse": {...}}. */
    static Map<String, Object> answers(Ledger l, List<String> classNames) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dense", answer(l.dense().output(), classNames));
        out.put("sparse", answer(l.sparse().output(), classNames));
        return out;
    }

    /**
     * top1 by class name when the data names every output, else by index (a number): names for only
     * some outputs would give one answer as a name and another as a number for the same model.
     */
    private static Map<String, Object> answer(float[] output, List<String> classNames) {
        int top = Evaluation.argmax(output);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("top1", classNames.size() >= output.length ? classNames.get(top) : top);
        a.put("probabilities", output);
        return a;
    }

    static String text(Ledger l, EnergyModel e, PassTimes t) {
        StringBuilder s = new StringBuilder(l.sparse().policy().describe()).append('\n');
        s.append(String.format(Locale.ROOT, "%-12s %7s %7s %8s %14s %14s %14s %12s%n", "layer", "n_in", "n_out", "active", "dense MACs",
                "effective", "weights read", "energy pJ"));
        for (LayerCost c : l.sparse().costs()) {
            s.append(String.format(Locale.ROOT, "%-12s %7d %7d %8d %,14d %,14d %,14d %,12.0f%s%n", c.name(), c.nIn(), c.nOut(),
                    c.activeIn(), c.denseMacs(), c.effectiveMacs(), c.weightsRead(), c.energyPj(e), c.estimate() ? " (estimate)" : ""));
        }
        s.append(String.format(Locale.ROOT, "%.1f%% of the MACs, %.1f%% of the energy (%s); same answer: %s, cosine %.4f, KL %.2e%n",
                100 * l.macFraction(), 100 * l.energyFraction(e), e.memory(), l.fidelity().sameTop1() ? "yes" : "NO", l.fidelity().cosine(),
                l.fidelity().kl()));
        s.append(String.format(Locale.ROOT, "time (median, interquartile range, %d runs each, interleaved): dense %s, sparse %s: %s",
                t.repeats(), PassTimes.describe(t.dense()), PassTimes.describe(t.sparse()), t.verdict()));
        return s.toString();
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.PolicyKind;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = {"Sweeps a policy's parameter over the data set: agreement with the dense answer, accuracy, and the",
                "shares of dense MACs and energy per setting; the knee is the cheapest setting keeping --threshold agreement.",
                "With --query or --text the sweep is over that one input (how cheap this query can be); without, over the data set.",
                "The model is a layer-by-layer network (MultiLayerNetwork)."})
final class FrontierCommand implements Callable<Integer> {

    @Mixin
    ModelDataOptions inputs;

    @Mixin
    QueryOption query;

    @Option(names = "--policy", paramLabel = "KIND", required = true, converter = Vocabulary.SweepableKind.class,
            completionCandidates = Vocabulary.SweepableKinds.class,
            description = "The policy whose parameter is swept: ${COMPLETION-CANDIDATES}.")
    PolicyKind policy;

    @Option(names = "--steps", defaultValue = "12", description = "Settings swept (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rank", defaultValue = "16", description = "Rank of the routing predictor (routed only; default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--threshold", defaultValue = "0.99", description = "Agreement the knee must keep (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Mixin
    MemoryOption memory;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.fittingData(model);
            float[][] x = data.features();
            int[] y = data.labels();
            if (query.given()) {
                x = new float[][] {query.input(model, data)};
                y = new int[] {query.text == null ? data.labels()[query.in(data)] : -1};
            }
            SparseNetwork net = new SparseNetwork(model);
            double range = policy == PolicyKind.THRESHOLD ? Frontier.thresholdRange(net, x) : 0;
            List<SparsityPolicy> settings = Frontier.settings(policy.cliName(), steps, range, rank);
            long t0 = System.nanoTime();
            Frontier.Result r = Frontier.sweep(net, x, y, settings, threshold, memory.energy, new TrainSamplesCommand.ConsoleProgress());
            double seconds = (System.nanoTime() - t0) / 1e9;
            org.latentledger.export.LedgerCsv.writeFrontier(r, out);
            int points = x.length;
            json.print(() -> summary(r, data, points, seconds), () -> "Wrote " + out + ". Knee: " + Frontier.describeKnee(r));
        }
        return 0;
    }

    private Map<String, Object> summary(Frontier.Result r, Dataset data, int points, double seconds) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("policy", policy.cliName());
        if (query.given()) {
            j.put("query", query.describe(data));
        }
        j.put("points", points);
        j.put("steps", r.points().size());
        j.put("seconds", Math.round(seconds * 100) / 100.0);
        j.put("threshold", threshold);
        j.put("dense_accuracy", r.labelled() ? r.denseAccuracy() : null);
        Map<String, Object> k = null;
        if (r.knee() != null) {
            k = new LinkedHashMap<>();
            k.put("setting", r.knee().policy().spec());
            k.put("parameter", r.knee().parameter());
            k.put("agreement", r.knee().agreement());
            k.put("accuracy", r.labelled() ? r.knee().accuracy() : null);
            k.put("mac_fraction", r.knee().macFraction());
            k.put("energy_fraction", r.knee().energyFraction());
        }
        j.put("knee", k);
        j.put("summary", Frontier.describeKnee(r));
        j.put("out", out.toString());
        return j;
    }
}

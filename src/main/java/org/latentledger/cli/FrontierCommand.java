package org.latentledger.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = {"Sweeps a policy's parameter over the data set: agreement with the dense answer, accuracy, and the",
                "shares of dense MACs and energy per setting; the knee is the cheapest setting keeping --threshold agreement."})
final class FrontierCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model file or bundled model name (a MultiLayerNetwork).")
    String modelRef;

    @Option(names = "--data", required = true, description = "Data file or folder, or bundled data set name.")
    String dataRef;

    @Option(names = "--policy", required = true, description = "topk, threshold or routed.")
    String policy;

    @Option(names = "--steps", defaultValue = "12", description = "Settings swept (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rank", defaultValue = "16", description = "Rank of the routing predictor (routed only; default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--threshold", defaultValue = "0.99", description = "Agreement the knee must keep (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--memory", defaultValue = "sram", description = "sram or dram (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary with the knee.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EnergyModel energy = Energy.of(memory);
        try (LoadedModel model = Inputs.model(modelRef)) {
            Dataset data = Inputs.fittingData(dataRef, model);
            SparseNetwork net = new SparseNetwork(model);
            double range = policy.equals("threshold") ? Frontier.thresholdRange(net, data.features()) : 0;
            List<SparsityPolicy> settings = Frontier.settings(policy, steps, range, rank);
            long t0 = System.nanoTime();
            Frontier.Result r = Frontier.sweep(net, data.features(), data.labels(), settings, threshold, energy,
                    new TrainSamplesCommand.ConsoleProgress());
            double seconds = (System.nanoTime() - t0) / 1e9;
            org.latentledger.export.LedgerCsv.writeFrontier(r, out);
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("policy", policy);
                j.put("points", data.size());
                j.put("steps", r.points().size());
                j.put("seconds", Math.round(seconds * 100) / 100.0);
                j.put("threshold", threshold);
                j.put("dense_accuracy", r.denseAccuracy());
                if (r.knee() != null) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    k.put("setting", r.knee().policy().spec());
                    k.put("parameter", r.knee().parameter());
                    k.put("agreement", r.knee().agreement());
                    k.put("accuracy", r.knee().accuracy());
                    k.put("mac_fraction", r.knee().macFraction());
                    k.put("energy_fraction", r.knee().energyFraction());
                    j.put("knee", k);
                } else {
                    j.put("knee", null);
                }
                j.put("summary", Frontier.describeKnee(r));
                j.put("out", out.toString());
                spec.commandLine().getOut().println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
                        .create().toJson(j));
            } else {
                spec.commandLine().getOut().println("Wrote " + out + ". Knee: " + Frontier.describeKnee(r));
            }
        }
        return 0;
    }
}

package org.latentledger.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.data.Split;
import org.latentledger.economy.Economization;
import org.latentledger.economy.Economizer;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.SampleModel;
import org.latentledger.model.SampleTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "economize", mixinStandardHelpOptions = true,
        description = {"Fine-tunes a copy of a classifier for sparse activation (k-winners-take-all on every hidden dense layer),",
                "saves it as a model file with its card beside it (OUT.json), and compares the two: test accuracy, and the knee",
                "(the cheapest setting over natural zeros, top-k, threshold and latent-routed keeping 99% agreement with each",
                "model's own dense pass), as shares of the original's dense MACs and energy."})
final class EconomizeCommand implements Callable<Integer> {

    @Mixin
    ModelDataOptions inputs;

    @Option(names = "--method", required = true, paramLabel = "kwta:F",
            description = "kwta:F keeps the share F of each hidden layer's units (kwta:0.05 or kwta:5%).")
    String method;

    @Option(names = "--prune", paramLabel = "DENSITY",
            description = "Also prune every hidden dense layer's weights by magnitude to this share (e.g. 0.2), gradually, while fine-tuning.")
    Double prune;

    @Option(names = "--epochs", defaultValue = "5", description = "Fine-tuning epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fine-tuning's order and randomness (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam's learning rate while fine-tuning (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--steps", defaultValue = "12", description = "Settings swept per policy for the knees (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out", required = true, description = "The economized model's zip (its card is written beside it as .json).")
    Path out;

    @Mixin
    MemoryOption memory;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        Economizer.Plan plan = Economizer.Plan.parse(method, epochs, seed).pruned(prune).withLearningRate(lr);
        long t0 = System.nanoTime();
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.fittingData(model);
            // A bundled model is fine-tuned on its own training split and judged on its own test split.
            Optional<SampleModel> sample = inputs.namedModel().or(() -> SampleModel.withHash(model.hash(), ResourceRoot.classpath()));
            Split split = sample.isPresent() ? SampleTrainer.split(sample.get(), data)
                    : Split.of(data.size(), Math.max(1, data.size() / 5), seed);
            ModelCard card = Economization.run(model, data, split, plan, memory.energy, steps, out,
                    new TrainSamplesCommand.ConsoleProgress());
            ModelCard.Economy e = card.economy();
            double seconds = (System.nanoTime() - t0) / 1e9;
            json.print(() -> summary(plan, e.accuracyBefore(), e.accuracyAfter(), e.kneeBefore(), e.kneeAfter(), seconds),
                    () -> String.format(java.util.Locale.ROOT, "Wrote %s and its card. Accuracy %.4f -> %.4f. Knee before: %s. Knee after: %s.",
                            out, e.accuracyBefore(), e.accuracyAfter(), describe(e.kneeBefore()), describe(e.kneeAfter())));
        }
        return 0;
    }

    private static String describe(ModelCard.Knee k) {
        return k == null ? "none keeps 99% of the answers" : String.format(java.util.Locale.ROOT,
                "%s at %.1f%% of the original's dense MACs (%.1f%% of its energy), %.1f%% agreement, accuracy %.4f", k.setting(),
                100 * k.macFraction(), 100 * k.energyFraction(), 100 * k.agreement(), k.accuracy());
    }

    private Map<String, Object> summary(Economizer.Plan plan, double before, double after, ModelCard.Knee kb, ModelCard.Knee ka,
                                        double seconds) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("method", plan.spec());
        j.put("accuracy_before", before);
        j.put("accuracy_after", after);
        j.put("knee_before", knee(kb));
        j.put("knee_after", knee(ka));
        j.put("seconds", Math.round(seconds * 100) / 100.0);
        j.put("epochs", plan.epochs());
        j.put("seed", plan.seed());
        j.put("out", out.toString());
        return j;
    }

    private static Map<String, Object> knee(ModelCard.Knee k) {
        if (k == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setting", k.setting());
        m.put("mac_fraction", k.macFraction());
        m.put("energy_fraction", k.energyFraction());
        m.put("agreement", k.agreement());
        m.put("accuracy", k.accuracy());
        return m;
    }
}

package org.latentledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.data.Split;
import org.latentledger.economy.Economizer;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoader;
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

    @Option(names = "--prune", paramLabel = "DENSITY", description = "Weight pruning to this density (not built yet: refused).")
    Double prune;

    @Option(names = "--epochs", defaultValue = "5", description = "Fine-tuning epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fine-tuning's order and randomness (default: ${DEFAULT-VALUE}).")
    long seed;

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
        if (prune != null) {
            throw new IllegalArgumentException("--prune is not built yet: economize makes activations sparse (kwta), not weights");
        }
        Economizer.Plan plan = Economizer.Plan.parse(method, epochs, seed);
        long t0 = System.nanoTime();
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.fittingData(model);
            // A bundled model is fine-tuned on its own training split and judged on its own test split.
            Optional<SampleModel> sample = inputs.namedModel().or(() -> SampleModel.withHash(model.hash(), ResourceRoot.classpath()));
            Split split = sample.isPresent() ? SampleTrainer.split(sample.get(), data)
                    : Split.of(data.size(), Math.max(1, data.size() / 5), seed);
            Dataset train = data.subset(split.train(), "-train");
            Dataset test = data.subset(split.test(), "-test");
            TrainSamplesCommand.ConsoleProgress progress = new TrainSamplesCommand.ConsoleProgress();

            double before = accuracy(model, test);
            ModelCard.Knee kneeBefore = Economizer.knee(new SparseNetwork(model), test, memory.energy, steps, progress);
            MultiLayerNetwork net = Economizer.fineTune(model, train, plan, progress);
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            ModelSerializer.writeModel(net, tmp.toFile(), false);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (LoadedModel economized = ModelLoader.load(out)) {
                double after = accuracy(economized, test);
                ModelCard.Knee kneeAfter = Economizer.knee(new SparseNetwork(economized), test, memory.energy, steps, progress);
                double seconds = (System.nanoTime() - t0) / 1e9;
                ModelCard.Economy economy = new ModelCard.Economy(plan.spec(), model.name(), model.hash(), before, after, kneeBefore,
                        kneeAfter);
                ModelCard card = new ModelCard(out.getFileName().toString().replaceFirst("\\.zip$", ""), data.name() + " ("
                        + data.size() + " rows, " + data.source() + ")", data.scaling(),
                        new ModelCard.Split(split.train().length, split.test().length, split.seed()), seed, epochs, 64,
                        "the original's updater, fine-tuned from its weights with k-winners-take-all (" + plan.spec() + ")",
                        economized.inputSize() + "-" + String.join("-", economized.layers().stream().map(l -> Long.toString(l.units())).toList()),
                        economized.layers(), economized.parameterCount(), Math.round(after * 1e6) / 1e6, null,
                        Math.round(seconds * 10) / 10.0, "Latent Ledger economize", economy);
                Path cardFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.zip$", "") + ".json");
                Files.writeString(cardFile, card.toJson());
                json.print(() -> summary(plan, before, after, kneeBefore, kneeAfter, seconds), () -> String.format(java.util.Locale.ROOT,
                        "Wrote %s and %s. Accuracy %.4f -> %.4f. Knee before: %s. Knee after: %s.", out, cardFile, before, after,
                        describe(kneeBefore), describe(kneeAfter)));
            }
        }
        return 0;
    }

    private static double accuracy(LoadedModel m, Dataset test) {
        return Evaluation.accuracy(ActivationRecorder.predict(m, test.features()), test.labels());
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

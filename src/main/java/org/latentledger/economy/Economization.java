package org.latentledger.economy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Dataset;
import org.latentledger.data.Split;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoader;
import org.latentledger.work.Progress;

/**
 * One economization from start to end, as {@code economize} and {@code train-samples} run it:
 * the original's test accuracy and knee, the fine-tuned copy written (atomically) and reopened
 * from its file, its accuracy and knee, and its card beside it ({@code NAME.json}).
 */
public final class Economization {

    private Economization() {
    }

    /** The card written beside {@code outZip}; its {@code economy} holds the figures before and after. */
    public static ModelCard run(LoadedModel original, Dataset data, Split split, Economizer.Plan plan, EnergyModel energy, int steps,
                                Path outZip, Progress progress) throws IOException {
        return run(original, original.name(), original.hash(), data, split, plan, energy, steps, outZip, progress);
    }

    /**
     * As above, on a private copy of a model that the card names as the file it came from
     * ({@code fromName}, {@code fromSha256}): the window economizes a copy so as not to hold the
     * open model for the whole fine-tuning.
     */
    public static ModelCard run(LoadedModel original, String fromName, String fromSha256, Dataset data, Split split,
                                Economizer.Plan plan, EnergyModel energy, int steps, Path outZip, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Dataset train = data.subset(split.train(), "-train");
        Dataset test = data.subset(split.test(), "-test");
        double before = accuracy(original, test);
        ModelCard.Knee kneeBefore = Economizer.knee(new SparseNetwork(original), test, energy, steps, progress);
        MultiLayerNetwork net = Economizer.fineTune(original, train, plan, progress);
        double trainingSeconds = (System.nanoTime() - t0) / 1e9;
        Path dir = outZip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(outZip.getFileName() + ".part");
        ModelSerializer.writeModel(net, tmp.toFile(), false);
        Files.move(tmp, outZip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String name = outZip.getFileName().toString().replaceFirst("\\.zip$", "");
        try (LoadedModel economized = ModelLoader.load(outZip)) {
            double after = accuracy(economized, test);
            ModelCard.Knee kneeAfter = Economizer.knee(new SparseNetwork(economized), test, energy, steps, progress);
            ModelCard.Economy economy = new ModelCard.Economy(plan.spec(), fromName, fromSha256, round(before), round(after),
                    kneeBefore, kneeAfter);
            String architecture = economized.inputSize() + "-" + String.join("-", economized.layers().stream()
                    .map(l -> Long.toString(l.units())).toList());
            ModelCard card = new ModelCard(name, data.name() + " (" + data.size() + " rows, " + data.source() + ")", data.scaling(),
                    new ModelCard.Split(split.train().length, split.test().length, split.seed()), plan.seed(), plan.epochs(),
                    Economizer.BATCH, String.format(java.util.Locale.ROOT, "Adam(lr=%s), fine-tuned from %s's weights: %s",
                    plan.learningRate(), fromName, plan.spec()), architecture, economized.layers(), economized.parameterCount(),
                    round(after), null, Math.round(trainingSeconds * 10) / 10.0, "Latent Ledger economize, Deeplearning4j 1.0.0-M2.1",
                    economy);
            Files.writeString(dir.resolve(name + ".json"), card.toJson());
            return card;
        }
    }

    private static double accuracy(LoadedModel m, Dataset test) {
        return Evaluation.accuracy(ActivationRecorder.predict(m, test.features()), test.labels());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

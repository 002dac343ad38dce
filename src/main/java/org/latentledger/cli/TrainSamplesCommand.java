package org.latentledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ModelCard;
import org.latentledger.model.SampleModel;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.economy.Economization;
import org.latentledger.economy.Economizer;
import org.latentledger.economy.EnergyModel;
import org.latentledger.model.SampleTrainer;
import org.latentledger.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-samples", mixinStandardHelpOptions = true,
        description = {"Trains the bundled sample models (fixed seeds and split) and writes them with their cards.",
                "Each model NAME gets NAME.zip (saved without updater state) and NAME.json (its model card)."})
final class TrainSamplesCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "sample-models", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--assets", description = "Folder that holds assets/data (default: the current folder if it has one, "
            + "else the data bundled in the jar).")
    Path assets;

    @Option(names = "--only", split = ",", description = "Train only these: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Vocabulary.Samples.class)
    List<SampleModel> only;


    @Override
    public Integer call() throws Exception {
        ResourceRoot root = assets != null ? ResourceRoot.directory(assets)
                : Files.isDirectory(Path.of("assets", "data")) ? ResourceRoot.directory(Path.of(".")) : ResourceRoot.classpath();
        List<SampleModel> samples = only == null ? List.of(SampleModel.values()) : only;
        for (SampleModel sample : samples) {
            if (sample == SampleModel.CONCEPTS || sample.economizes().isPresent()) {
                continue; // concepts is trained on WordNet itself, the economical variants from their bases, last
            }
            Dataset data = sample.data().load(root);
            System.err.printf("Training %s on %s (%d rows, %d held out) ...%n", sample.fileName(), data.name(), data.size(),
                    sample.testCount());
            ModelCard card = SampleTrainer.train(sample, data, out, new ConsoleProgress());
            System.out.printf("%-20s %s  params=%d  %s  %.1f s%n", card.name(), card.architecture(), card.parameters(),
                    card.testAccuracy() != null ? String.format("test accuracy=%.4f", card.testAccuracy())
                            : String.format("reconstruction MSE=%.5f", card.reconstructionError()),
                    card.trainingSeconds());
        }
        for (SampleModel sample : samples) {
            if (sample.economizes().isEmpty()) {
                continue;
            }
            SampleModel base = sample.economizes().get();
            Path baseZip = out.resolve(base.fileName() + ".zip");
            if (!Files.isRegularFile(baseZip)) {
                throw new IllegalArgumentException(sample.fileName() + " is economized from " + baseZip + ", which is not there: "
                        + "train " + base.fileName() + " first");
            }
            Dataset data = sample.data().load(root);
            System.err.printf("Economizing %s into %s (%s%s, %d epochs) ...%n", base.fileName(), sample.fileName(), sample.economyMethod(),
                    sample.economyPrune() == null ? "" : ", weights pruned to " + sample.economyPrune(), sample.epochs());
            Economizer.Plan plan = Economizer.Plan.parse(sample.economyMethod(), sample.epochs(), SampleModel.TRAIN_SEED)
                    .pruned(sample.economyPrune()).withLearningRate(sample.economyLearningRate());
            try (LoadedModel original = ModelLoader.load(baseZip)) {
                ModelCard card = Economization.run(original, data, SampleTrainer.split(base, data), plan, EnergyModel.SRAM, 12,
                        out.resolve(sample.fileName() + ".zip"), new ConsoleProgress());
                ModelCard.Economy e = card.economy();
                System.out.printf("%-20s %s  test accuracy=%.4f (was %.4f)  knee %s at %.1f%% of the MACs (was %s at %.1f%%)  %.1f s%n",
                        card.name(), card.architecture(), e.accuracyAfter(), e.accuracyBefore(),
                        e.kneeAfter() == null ? "-" : e.kneeAfter().setting(), e.kneeAfter() == null ? 0 : 100 * e.kneeAfter().macFraction(),
                        e.kneeBefore() == null ? "-" : e.kneeBefore().setting(), e.kneeBefore() == null ? 0 : 100 * e.kneeBefore().macFraction(),
                        card.trainingSeconds());
            }
        }
        if (samples.contains(SampleModel.CONCEPTS)) {
            System.err.println("Training concepts on WordNet 3.1 (every synset, 10% held out) ...");
            ModelCard card = org.latentledger.text.ConceptsTrainer.train(out, new ConsoleProgress());
            System.out.printf("%-20s %s  params=%d  test accuracy=%.4f  %.1f s%n", card.name(), card.architecture(), card.parameters(),
                    card.testAccuracy(), card.trainingSeconds());
        }
        return 0;
    }

    /** Prints progress on one rewritten line in a terminal, or one line per step in a log. */
    static final class ConsoleProgress implements Progress {
        private final boolean terminal = System.console() != null;

        @Override
        public void update(double fraction, String message) {
            if (!terminal) {
                System.err.println("  " + message);
                return;
            }
            System.err.print("\r  " + message + "          ");
            if (fraction >= 1) {
                System.err.println();
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}

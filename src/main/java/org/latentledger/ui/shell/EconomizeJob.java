package org.latentledger.ui.shell;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Dataset;
import org.latentledger.data.Split;
import org.latentledger.economy.Economization;
import org.latentledger.economy.Economizer;
import org.latentledger.economy.EnergyModel;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.model.SampleTrainer;
import org.latentledger.model.SequentialNetwork;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.work.Exclusive;

/**
 * File > Economize model: fine-tunes a copy of the open model for sparse activation as a job of
 * its own lane (progress and cancel in the status bar), writes it and its card, and opens it, so
 * its ledger and frontier (beside the original's) are shown next. The open model is held only
 * while it is copied: the window stays usable for the minute the fine-tuning takes.
 */
final class EconomizeJob {

    private EconomizeJob() {
    }

    static void start(MainViewModel vm, Economizer.Plan plan, Path out) {
        LoadedModel m = vm.modelProperty().get();
        Dataset d = vm.datasetProperty().get();
        Exclusive<LoadedModel> held = vm.network();
        if (m == null || d == null || held == null) {
            vm.report("Nothing to economize", new IllegalStateException("open a classifier and its data first"));
            return;
        }
        if (!(m.network() instanceof SequentialNetwork)) {
            vm.report("Could not economize " + m.name(), new IllegalArgumentException(
                    "economize fine-tunes layer-by-layer networks (MultiLayerNetwork); " + m.name() + " is a " + m.network().structure()));
            return;
        }
        // A bundled model is fine-tuned on its own training split and judged on its test split, as train-samples does.
        Split split = SampleModel.withHash(m.hash(), vm.resources()).map(s -> SampleTrainer.split(s, d))
                .orElse(Split.of(d.size(), Math.max(1, d.size() / 5), plan.seed()));
        String name = m.name();
        String hash = m.hash();
        vm.jobs().run(Lane.TRAIN, "Economizing " + name + " (" + plan.spec() + ")", (progress, partial) -> {
            byte[] copy = held.use(model -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ModelSerializer.writeModel(((SequentialNetwork) model.network()).network(), bytes, false);
                return bytes.toByteArray();
            });
            try (LoadedModel own = ModelLoader.load(name, name + " (a copy in memory)", copy)) {
                return Economization.run(own, name, hash, d, split, plan, EnergyModel.SRAM, 12, out, progress);
            }
        }, null, (ModelCard card) -> vm.openModel(out), error -> vm.report("Could not economize " + name, error));
    }
}

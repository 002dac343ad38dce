package org.latentledger.ui.shell;

import java.util.Locale;
import org.latentledger.model.ModelCard;

/** The model card in a few readable lines for the side panel. */
final class ModelCardText {

    private ModelCardText() {
    }

    static String of(ModelCard c) {
        if (c == null) {
            return "No model card beside this model.";
        }
        String quality = c.testAccuracy() != null
                ? String.format(Locale.ROOT, "Test accuracy %.1f%% on %,d held-out rows", 100 * c.testAccuracy(), c.split().test())
                : String.format(Locale.ROOT, "Reconstruction error %.4f (mean squared, per input value) on %,d held-out rows",
                        c.reconstructionError(), c.split().test());
        return String.format(Locale.ROOT, """
                %s
                Architecture %s
                Trained on %,d rows (split seed %d), %d epochs, batch %d, %s, seed %d, in %.0f s
                Inputs: %s""",
                quality, c.architecture(), c.split().train(), c.split().seed(), c.epochs(), c.batchSize(), c.optimizer(),
                c.seed(), c.trainingSeconds(), c.inputScaling());
    }
}

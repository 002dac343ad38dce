package org.latentledger.economy;

import java.util.Optional;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ModelCard;
import org.latentledger.model.SampleModel;

/**
 * The model an economical one was made from, where the app can find it without asking: the base
 * of a bundled economical variant, or the bundled model that the card of an {@code economize}d
 * file names by its SHA-256. The frontier then draws both.
 */
public final class Originals {

    private Originals() {
    }

    /**
     * @param modelHash the SHA-256 of the open model's file
     * @param card      its card, or null
     */
    public static Optional<SampleModel> of(String modelHash, ModelCard card, ResourceRoot root) {
        Optional<SampleModel> bundled = SampleModel.withHash(modelHash, root);
        if (bundled.isPresent()) {
            return bundled.get().economizes();
        }
        if (card != null && card.economy() != null && card.economy().fromSha256() != null) {
            return SampleModel.withHash(card.economy().fromSha256(), root);
        }
        return Optional.empty();
    }
}

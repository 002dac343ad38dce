package org.latentledger.ui.shell;

import org.latentledger.data.ResourceRoot;
import org.latentledger.text.TextModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.work.Progress;

/**
 * What an open job hands back, all made off the UI thread: the next session, what the ledger
 * needs of its model, and, for a model that reads text, its word decoder (or null).
 */
record Opened(Session session, LedgerViewModel.Setup ledger, WordDecoder words) {

    static Opened load(Session before, Sources.ModelSource m, Sources.DataSource d, Progress progress, ResourceRoot root)
            throws Exception {
        Session next = SessionLoader.open(before, m, d, progress);
        LedgerViewModel.Setup setup = next.canMap() && next.model() != null ? LedgerViewModel.Setup.of(next.model(), next.data()) : null;
        // An economical model's frontier is drawn beside its original's, when the app has the original.
        var original = setup == null || setup.net() == null ? java.util.Optional.<org.latentledger.model.SampleModel>empty()
                : org.latentledger.economy.Originals.of(next.model().hash(), next.card(), root);
        if (original.isPresent()) {
            try (org.latentledger.model.LoadedModel o = org.latentledger.model.ModelLoader.load(root, original.get().zipPath())) {
                setup = setup.withOriginal(o);
            }
        }
        // A model with a vocabulary beside it reads text: its journey takes sentences (decoded on the ledger's sparse executor).
        var text = next.model() == null ? java.util.Optional.<TextModel>empty() : TextModel.of(next.model(), root);
        WordDecoder words = text.isEmpty() ? null : setup != null && setup.net() != null
                ? WordDecoder.of(text.get(), setup.net(), progress) : WordDecoder.of(text.get(), progress);
        return new Opened(next, setup, words);
    }
}

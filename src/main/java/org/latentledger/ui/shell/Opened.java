package org.latentledger.ui.shell;

import org.latentledger.data.ResourceRoot;
import org.latentledger.text.TextModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.work.Progress;

/**
 * What an open job hands back, made off the UI thread: the next session and, for a model with a
 * vocabulary beside it, its text model (or null). What only the journey and the ledger need is
 * {@link #prepare prepared} by a job of its own once the session is shown, so that the first map
 * does not wait for it (an economical model's original read for its frontier, the concept model's
 * 8,000 word landings for decoding).
 */
record Opened(Session session, TextModel text) {

    /** What the journey and the ledger need of a session's model: the ledger's sparse executor and, for text, the word decoder (or null). */
    record Prepared(LedgerViewModel.Setup ledger, WordDecoder words) {
    }

    /** @param beforePass see {@link SessionLoader#open(Session, Sources.ModelSource, Sources.DataSource, Progress, java.util.function.BiConsumer)} */
    static Opened load(Session before, Sources.ModelSource m, Sources.DataSource d, Progress progress, ResourceRoot root,
                       java.util.function.BiConsumer<org.latentledger.model.LoadedModel, org.latentledger.data.Dataset> beforePass)
            throws Exception {
        Session next = SessionLoader.open(before, m, d, progress, beforePass);
        // A model with a vocabulary beside it reads text: its journey takes sentences, its map's search takes base forms.
        TextModel text = next.model() == null ? null : TextModel.of(next.model(), root).orElse(null);
        return new Opened(next, text);
    }

    /** The session's model made ready for the ledger and, when it reads text, for decoding (which runs on the ledger's sparse executor). */
    Prepared prepare(Progress progress, ResourceRoot root) throws Exception {
        Session next = session;
        LedgerViewModel.Setup setup = LedgerViewModel.Setup.of(next.model(), next.data());
        // An economical model's frontier is drawn beside its original's, when the app has the original.
        var original = setup.net() == null ? java.util.Optional.<org.latentledger.model.SampleModel>empty()
                : org.latentledger.economy.Originals.of(next.model().hash(), next.card(), root);
        if (original.isPresent()) {
            progress.update(-1, "Reading " + original.get().fileName() + ", the model " + next.model().name() + " was made from");
            try (org.latentledger.model.LoadedModel o = org.latentledger.model.ModelLoader.load(root, original.get().zipPath())) {
                setup = setup.withOriginal(o);
            }
        }
        WordDecoder words = text == null ? null : setup.net() != null ? WordDecoder.of(text, setup.net(), progress) : WordDecoder.of(text, progress);
        return new Prepared(setup, words);
    }
}

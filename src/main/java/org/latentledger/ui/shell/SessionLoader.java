package org.latentledger.ui.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.Dataset;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.DataCheck;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.work.Progress;

/**
 * Builds the next {@link Session} from the current one and what the user opened: a model, data,
 * or both. Runs on the worker thread; never touches JavaFX. On any failure the current session is
 * left as it was (a model loaded for the failed attempt is closed).
 */
final class SessionLoader {

    /**
     * A layer whose activations over the data take at most this much is recorded by the opening's pass
     * even when no first view shows it: keeping it costs little, and recording it later would cost a
     * whole pass more (every layer of the bundled dense models; fashion-cnn's first convolution, 369 MB,
     * and the next two of its layers are left for later).
     */
    static final long KEPT_AT_OPENING_BYTES = 32L << 20;

    private SessionLoader() {
    }

    /**
     * @param model a new model to open, or null to keep the current one
     * @param data  new data to open, or null to keep the current data
     */
    static Session open(Session current, Sources.ModelSource model, Sources.DataSource data, Progress progress) throws Exception {
        return open(current, model, data, progress, null);
    }

    /**
     * @param beforePass told the model and the data that fits it just before the forward pass (or
     *                   null): what can be drawn without activations is drawn while it runs
     */
    static Session open(Session current, Sources.ModelSource model, Sources.DataSource data, Progress progress,
                        java.util.function.BiConsumer<LoadedModel, Dataset> beforePass) throws Exception {
        // A bundled set reads the same whatever the model: it is read on a second thread while the model loads.
        CompletableFuture<Dataset> early = model != null && data instanceof Sources.BundledSet
                ? CompletableFuture.supplyAsync(() -> {
                    try {
                        return data.load(null);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }) : null;
        LoadedModel newModel;
        try {
            newModel = model == null ? null : model.load();
        } catch (Exception | Error e) {
            if (early != null) {
                early.cancel(true);
            }
            throw e;
        }
        try {
            progress.checkCancelled();
            LoadedModel m = newModel != null ? newModel : current.model();
            Sources.DataSource dataSource = data != null ? data : current.dataSource();
            boolean reread = data != null || (newModel != null && dataSource != null && dataSource.dependsOnModel());
            Dataset d = early != null ? joined(early) : reread ? dataSource.load(m) : current.data();
            progress.checkCancelled();
            ModelCard card = model != null ? model.card() : current.card();
            Sources.ModelSource modelSource = model != null ? model : current.modelSource();
            if (m == null) {
                return dataOnly(d, dataSource);
            }
            if (d == null) {
                return new Session(m, modelSource, card, null, null, m.layers(), List.of(), null);
            }
            String mismatch = DataCheck.mismatch(m.input(), d);
            if (mismatch != null) {
                if (data != null) {
                    // The user opened data that does not fit: refuse it, keep what was open.
                    throw new DataFormatException(d.source(), "data that fits " + m.name(), mismatch);
                }
                return new Session(m, modelSource, card, d, dataSource, m.layers(), List.of(), mismatch);
            }
            if (beforePass != null) {
                beforePass.accept(m, d);
            }
            progress.update(0, "Forward pass of " + d.size() + " points through " + m.name());
            // Bags of words are almost all zeros: the sparse executor records them exactly for a fraction of the work.
            // It records now the layer the map opens on, the outputs (the predictions) and every layer that is small
            // to keep; a large one (a convolution's maps) is recorded, with the other large ones, by one more pass
            // when the journey's maps or a map of it first read it (decision 0025).
            int shown = m.layers().indexOf(m.defaultMapLayer());
            int outputs = m.layers().size() - 1;
            List<LayerInfo> table = m.layers();
            java.util.function.IntPredicate now = l -> l == shown || l == outputs
                    || (long) d.size() * table.get(l).units() * Float.BYTES <= KEPT_AT_OPENING_BYTES;
            List<LayerActivations> acts = org.latentledger.economy.SparseForward.record(m, d.features(), progress, now)
                    .orElseGet(() -> ActivationRecorder.record(m, d.features(), progress));
            return new Session(m, modelSource, card, d, dataSource, m.layers(), acts, null);
        } catch (Exception | Error e) {
            if (newModel != null) {
                newModel.close();
            }
            throw e;
        }
    }

    private static Dataset joined(CompletableFuture<Dataset> early) throws Exception {
        try {
            return early.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The current data without any model (File > Close model): the map shows the data itself. */
    static Session withoutModel(Session current) {
        return current.data() == null ? Session.EMPTY : dataOnly(current.data(), current.dataSource());
    }

    /** Data without a model (such as Embedding-Projector vectors): the map shows the data itself. */
    private static Session dataOnly(Dataset d, Sources.DataSource source) {
        LayerInfo input = new LayerInfo(0, "input", "Data", "-", Integer.toString(d.columns()), d.columns(), 0, "-", 0);
        return new Session(null, null, null, d, source, List.of(input), List.of(new LayerActivations(input, d.features(), 0, false)),
                null);
    }
}

package org.latentledger.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LoadedModel;
import org.latentledger.text.TextModel;
import org.latentledger.text.Tokens;
import picocli.CommandLine.Option;

/**
 * {@code --query}: the data point the journey and the ledger follow, the same in every command;
 * or {@code --text}: a sentence for a model that reads text (its words through the model's
 * vocabulary).
 */
final class QueryOption {

    @Option(names = "--query", paramLabel = "INDEX", description = "The data point to follow, by its 0-based index (default: the first).")
    Integer query;

    @Option(names = "--text", paramLabel = "TEXT",
            description = "For a model that reads text (concepts): a sentence to follow instead of a data point.")
    String text;

    private Tokens tokens;

    /** Whether the user named a query (a point or a text); a frontier without one sweeps the whole data set. */
    boolean given() {
        return query != null || text != null;
    }

    /** The index in {@code data}, refused (naming the range) when it is not one. */
    int in(Dataset data) {
        int q = query == null ? 0 : query;
        if (q < 0 || q >= data.size()) {
            throw new IllegalArgumentException("--query must be in 0.." + (data.size() - 1) + " for " + data.source() + ", got " + q);
        }
        return q;
    }

    /** The input to follow: the text's row through the model's vocabulary, or the data point. */
    float[] input(LoadedModel model, Dataset data) throws IOException {
        if (text == null) {
            return data.features()[in(data)];
        }
        if (query != null) {
            throw new IllegalArgumentException("give --query or --text, not both");
        }
        TextModel t = TextModel.of(model, ResourceRoot.classpath()).orElseThrow(() -> new IllegalArgumentException(
                model.source() + " does not read text: --text needs a model with a vocabulary beside it (NAME.vocab.tsv), such as concepts"));
        tokens = t.words().tokens(text);
        return t.words().encode(text);
    }

    /** The query as the JSON summaries say it: {"text", "tokens", "unknown"} for text, {"index"} for a point. */
    Map<String, Object> describe(Dataset data) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (text != null) {
            q.put("text", text);
            q.put("tokens", tokens == null ? java.util.List.of() : tokens.known());
            q.put("unknown", tokens == null ? java.util.List.of() : tokens.unknown());
        } else {
            q.put("index", in(data));
        }
        return q;
    }

    /** For the window, which checks it against the data it opens: the index, or -1 for the first point. */
    int orFirst() {
        return query == null ? -1 : query;
    }
}

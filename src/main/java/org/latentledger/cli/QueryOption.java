package org.latentledger.cli;

import org.latentledger.data.Dataset;
import picocli.CommandLine.Option;

/** {@code --query}: the data point the journey and the ledger follow, the same in every command. */
final class QueryOption {

    @Option(names = "--query", paramLabel = "INDEX", description = "The data point to follow, by its 0-based index (default: the first).")
    Integer query;

    /** The index in {@code data}, refused (naming the range) when it is not one. */
    int in(Dataset data) {
        int q = query == null ? 0 : query;
        if (q < 0 || q >= data.size()) {
            throw new IllegalArgumentException("--query must be in 0.." + (data.size() - 1) + " for " + data.source() + ", got " + q);
        }
        return q;
    }

    /** For the window, which checks it against the data it opens: the index, or -1 for the first point. */
    int orFirst() {
        return query == null ? -1 : query;
    }
}

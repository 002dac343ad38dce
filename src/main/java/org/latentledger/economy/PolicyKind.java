package org.latentledger.economy;

import org.latentledger.work.Named;

/** The kinds of {@link SparsityPolicy}, as the ledger's controls and the frontier's sweeps name them. */
public enum PolicyKind implements Named {
    DENSE, NATURAL, TOPK, THRESHOLD, ROUTED;

    /** Whether a frontier can sweep it (it has a parameter). */
    public boolean sweepable() {
        return this == TOPK || this == THRESHOLD || this == ROUTED;
    }

    public static PolicyKind parse(String name) {
        return Named.parse(PolicyKind.class, name, "policy kind");
    }

    @Override
    public String toString() {
        return switch (this) {
            case DENSE -> "Dense";
            case NATURAL -> "Natural zeros";
            case TOPK -> "Top-k";
            case THRESHOLD -> "Threshold";
            case ROUTED -> "Latent-routed";
        };
    }
}

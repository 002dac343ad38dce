package org.latentledger.economy;

import org.latentledger.work.Named;

/** The kinds of {@link SparsityPolicy}, as the ledger's controls and the frontier's sweeps name them. */
public enum PolicyKind implements Named {
    DENSE("dense", "Dense"),
    NATURAL("natural", "Natural zeros"),
    TOPK("topk", "Top-k"),
    THRESHOLD("threshold", "Threshold"),
    ROUTED("routed", "Latent-routed");

    private final String cliName;
    private final String label;

    PolicyKind(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether a frontier can sweep it (it has a parameter). */
    public boolean sweepable() {
        return this == TOPK || this == THRESHOLD || this == ROUTED;
    }

    public static PolicyKind parse(String name) {
        return Named.parse(PolicyKind.class, name, "policy kind");
    }

    @Override
    public String toString() {
        return label;
    }
}

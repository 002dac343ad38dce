package org.latentledger.view;

import org.latentledger.work.Named;

/** What an exported journey animation runs through, one frame per step. */
public enum Sweep implements Named {
    LAYERS("layers", "layer by layer"),
    INTERPOLATION("interpolation", "interpolation t"),
    STEERING("steering", "steering alpha");

    private final String cliName;
    private final String label;

    Sweep(String cliName, String label) {
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

    public static Sweep parse(String name) {
        return Named.parse(Sweep.class, name, "sweep");
    }

    @Override
    public String toString() {
        return label;
    }
}

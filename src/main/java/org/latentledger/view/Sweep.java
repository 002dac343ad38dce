package org.latentledger.view;

import org.latentledger.work.Named;

/** What an exported journey animation runs through, one frame per step. */
public enum Sweep implements Named {
    LAYERS, INTERPOLATION, STEERING;

    public static Sweep parse(String name) {
        return Named.parse(Sweep.class, name, "sweep");
    }

    @Override
    public String toString() {
        return switch (this) {
            case LAYERS -> "layer by layer";
            case INTERPOLATION -> "interpolation t";
            case STEERING -> "steering alpha";
        };
    }
}

package org.latentledger.model;

import org.latentledger.data.Dataset;

/** Whether a data set fits a model's input, and if not, exactly how it does not. */
public final class DataCheck {

    private DataCheck() {
    }

    /** Null when every row has as many values as the model takes, else a message giving both shapes. */
    public static String mismatch(InputSpec model, Dataset data) {
        if (data.columns() == model.size()) {
            return null;
        }
        String shape = data.image() != null ? data.image() + " images, " + data.columns() + " values each"
                : data.columns() + " columns";
        return "the model takes " + model.describe() + " per point; the data " + data.name() + " has " + shape;
    }
}

package org.latentledger.view;

import org.latentledger.work.Named;

/** How the map shows a convolutional layer: one value per feature map, or every unit of every map. */
public enum ConvView implements Named {
    CHANNEL_MEANS("means", "channel means"),
    FULL_MAPS("full", "full maps");

    private final String cliName;
    private final String label;

    ConvView(String cliName, String label) {
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

    public static ConvView parse(String name) {
        return Named.parse(ConvView.class, name, "conv view");
    }

    @Override
    public String toString() {
        return label;
    }
}

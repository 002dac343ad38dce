package org.latentledger.ui.map;

/** How the map shows a convolutional layer: one value per feature map, or every unit of every map. */
public enum ConvView {
    CHANNEL_MEANS("channel means"),
    FULL_MAPS("full maps");

    private final String label;

    ConvView(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}

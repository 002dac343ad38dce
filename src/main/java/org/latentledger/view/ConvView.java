package org.latentledger.view;

import org.latentledger.work.Named;

/** How the map shows a convolutional layer: one value per feature map, or every unit of every map. */
public enum ConvView implements Named {
    CHANNEL_MEANS, FULL_MAPS;

    public static ConvView parse(String name) {
        return Named.parse(ConvView.class, name, "conv view");
    }

    @Override
    public String toString() {
        return switch (this) {
            case CHANNEL_MEANS -> "channel means";
            case FULL_MAPS -> "full maps";
        };
    }
}

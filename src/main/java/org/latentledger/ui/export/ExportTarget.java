package org.latentledger.ui.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What can be exported as an image: the whole window or one panel, each on its page of the window. */
public enum ExportTarget {
    WINDOW("window", "Window", null, null),
    MAP("map", "Map", "map", "map"),
    MAP3D("map3d", "3D view", "map3d", "map"),
    JOURNEY("journey", "Journey", "journey", "journey"),
    LEDGER("ledger", "Ledger heatmaps", "ledger-heatmaps", "ledger"),
    FRONTIER("frontier", "Frontier", "frontier", "ledger");

    private final String cliName;
    private final String label;
    private final String nodeId;
    private final String page;

    ExportTarget(String cliName, String label, String nodeId, String page) {
        this.cliName = cliName;
        this.label = label;
        this.nodeId = nodeId;
        this.page = page;
    }

    /** The name the {@code shot --view} option and the provenance use. */
    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    /** The id of the panel's node in the main window, or null for the whole window. */
    public String nodeId() {
        return nodeId;
    }

    /** The page (map, journey, ledger) the panel lives on, or null for the window as it is. */
    public String page() {
        return page;
    }

    public static ExportTarget parse(String name) {
        for (ExportTarget t : values()) {
            if (t.cliName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no view called '" + name + "'; the views are "
                + Arrays.stream(values()).map(ExportTarget::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}

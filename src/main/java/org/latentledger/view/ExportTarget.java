package org.latentledger.view;

import java.util.Locale;
import org.latentledger.work.Named;

/** What can be exported as an image: the whole window or one panel, each on its page of the window. */
public enum ExportTarget implements Named {
    WINDOW("window", "Window", null, null),
    MAP("map", "Map", "map", Page.MAP),
    MAP3D("map3d", "3D view", "map3d", Page.MAP),
    JOURNEY("journey", "Journey", "journey", Page.JOURNEY),
    LEDGER("ledger", "Ledger heatmaps", "ledger-heatmaps", Page.LEDGER),
    FRONTIER("frontier", "Frontier", "frontier", Page.LEDGER);

    private final String cliName;
    private final String label;
    private final String nodeId;
    private final Page page;

    ExportTarget(String cliName, String label, String nodeId, Page page) {
        this.cliName = cliName;
        this.label = label;
        this.nodeId = nodeId;
        this.page = page;
    }

    /** The name the {@code shot --view} option and the provenance use. */
    @Override
    public String cliName() {
        return cliName;
    }

    @Override
    public String label() {
        return label;
    }

    /** The id of the panel's node in the main window, or null for the whole window. */
    public String nodeId() {
        return nodeId;
    }

    /** The page the panel lives on, or null for the window as it is. */
    public Page page() {
        return page;
    }

    public static ExportTarget parse(String name) {
        return Named.parse(ExportTarget.class, name, "view");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}

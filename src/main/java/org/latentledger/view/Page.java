package org.latentledger.view;

import org.latentledger.work.Named;

/** The window's pages. */
public enum Page implements Named {
    MAP("map", "Map"),
    JOURNEY("journey", "Journey"),
    LEDGER("ledger", "Ledger");

    private final String cliName;
    private final String label;

    Page(String cliName, String label) {
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

    public static Page parse(String name) {
        return Named.parse(Page.class, name, "page");
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.latentledger.view;

import org.latentledger.work.Named;

/** The window's pages. */
public enum Page implements Named {
    MAP, JOURNEY, LEDGER;

    public static Page parse(String name) {
        return Named.parse(Page.class, name, "page");
    }

    @Override
    public String toString() {
        return switch (this) {
            case MAP -> "Map";
            case JOURNEY -> "Journey";
            case LEDGER -> "Ledger";
        };
    }
}

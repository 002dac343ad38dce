package org.latentledger.view;

import org.latentledger.work.Named;

/** Where a journey's query comes from. */
public enum QuerySource implements Named {
    POINT("point", "data point"),
    DRAWING("drawing", "drawing"),
    INTERPOLATION("interpolation", "interpolation A -> B"),
    TYPED("typed", "typed row");

    private final String cliName;
    private final String label;

    QuerySource(String cliName, String label) {
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

    public static QuerySource parse(String name) {
        return Named.parse(QuerySource.class, name, "query source");
    }

    @Override
    public String toString() {
        return label;
    }
}

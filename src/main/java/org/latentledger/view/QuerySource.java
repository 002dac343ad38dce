package org.latentledger.view;

import org.latentledger.work.Named;

/** Where a journey's query comes from. */
public enum QuerySource implements Named {
    POINT, DRAWING, INTERPOLATION, TYPED, TEXT;

    public static QuerySource parse(String name) {
        return Named.parse(QuerySource.class, name, "query source");
    }

    @Override
    public String toString() {
        return switch (this) {
            case POINT -> "data point";
            case DRAWING -> "drawing";
            case INTERPOLATION -> "interpolation A -> B";
            case TYPED -> "typed row";
            case TEXT -> "text";
        };
    }
}

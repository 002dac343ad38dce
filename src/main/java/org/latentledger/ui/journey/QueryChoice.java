package org.latentledger.ui.journey;

import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentledger.atlas.JourneyPlanner;
import org.latentledger.data.Dataset;
import org.latentledger.view.QuerySource;

/** What the journey's query is: its source and, per source, the point, the drawing, the two points and t, or the typed row. */
final class QueryChoice {

    final ObjectProperty<QuerySource> source = new SimpleObjectProperty<>(this, "source", QuerySource.POINT);
    final IntegerProperty point = new SimpleIntegerProperty(this, "point", 0);
    final ObjectProperty<float[]> drawing = new SimpleObjectProperty<>(this, "drawing");
    final IntegerProperty pointA = new SimpleIntegerProperty(this, "pointA", 0);
    final IntegerProperty pointB = new SimpleIntegerProperty(this, "pointB", 1);
    final DoubleProperty t = new SimpleDoubleProperty(this, "t", 0);
    final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    final StringProperty text = new SimpleStringProperty(this, "text", "");
    final javafx.beans.property.ReadOnlyObjectWrapper<org.latentledger.text.Tokens> tokens =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "tokens");
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** The values that make the query (not its source): a change of any recomputes the journey. */
    List<Observable> values() {
        return List.of(point, drawing, pointA, pointB, t, typed, text);
    }

    /** Keeps the choices valid for new data: the point and B inside it, the drawing pad starting from its first image. */
    void fit(Dataset d, boolean images) {
        int size = d == null ? 0 : d.size();
        if (point.get() >= size) {
            point.set(0);
        }
        pointB.set(Math.min(1, Math.max(0, size - 1)));
        if (images && d != null && d.image() != null && size > 0) {
            drawing.set(d.features()[0].clone());
        }
    }

    /** The query's input values, or null with the reason in {@link #error} (for a typed row that does not parse). */
    float[] input(Dataset data, long inputSize, org.latentledger.text.BagOfWords words) {
        error.set("");
        return switch (source.get()) {
            case POINT -> point.get() >= 0 && point.get() < data.size() ? data.features()[point.get()] : null;
            case DRAWING -> drawing.get();
            case INTERPOLATION -> {
                int a = pointA.get();
                int b = pointB.get();
                if (a < 0 || b < 0 || a >= data.size() || b >= data.size()) {
                    yield null;
                }
                yield JourneyPlanner.interpolate(data.features()[a], data.features()[b], t.get());
            }
            case TEXT -> {
                if (words == null) {
                    error.set("this model does not read text (it has no vocabulary beside it)");
                    tokens.set(null);
                    yield null;
                }
                tokens.set(words.tokens(text.get()));
                if (tokens.get().known().isEmpty()) {
                    error.set(text.get().isBlank() ? "" : "the model knows none of these words");
                    yield null;
                }
                yield words.encode(text.get());
            }
            case TYPED -> {
                try {
                    yield typed.get().isBlank() ? null : JourneyPlanner.parseRow(typed.get(), inputSize);
                } catch (IllegalArgumentException e) {
                    error.set(e.getMessage());
                    yield null;
                }
            }
        };
    }

    /** The query in words, for sidecars: "point 3", "points 3 -> 17 at t = 0.50", "a drawing", "a typed row". */
    String describe() {
        return switch (source.get()) {
            case POINT -> "point " + point.get();
            case INTERPOLATION -> String.format(Locale.ROOT, "points %d -> %d at t = %.2f", pointA.get(), pointB.get(), t.get());
            case DRAWING -> "a drawing";
            case TYPED -> "a typed row";
            case TEXT -> "text \"" + text.get() + "\"";
        };
    }
}

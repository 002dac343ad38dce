package org.latentledger.ui.tour;

/**
 * What a lesson step does to the window, one JSON object each, named by its {@code "do"} key:
 *
 * <pre>
 * {"do": "open", "sample": "digits-mlp"}            or {"do": "open", "model": "m.zip", "data": "d.csv"}
 * {"do": "page", "page": "map" | "journey" | "ledger"}
 * {"do": "layer", "layer": "hidden2"}                (name, or 0-based index)
 * {"do": "method", "method": "pca" | "tsne" | "umap", "dims": 2, "seed": 42}
 * {"do": "map", "regions": true, "axes": true, "colour": "label" | "predicted" | "correct" | "density"}
 * {"do": "query", "point": 17}
 * {"do": "interpolate", "a": 3, "b": 8, "t": 0.5}
 * {"do": "journey-layer", "layer": "hidden3"}        (name, or 0-based index of the journey's layers)
 * {"do": "play"}  {"do": "pause"}
 * {"do": "steer", "layer": "bottleneck", "axis": "PC1", "alpha": 1.5}   (alpha in standard deviations)
 * {"do": "text", "text": "why do leaves change colour in autumn"}   (a model that reads text)
 * {"do": "phrase-axis", "layer": "latent", "from": "green leaf summer", "to": "yellow red autumn", "name": "chlorophyll breakdown"}
 * {"do": "policy", "policy": "topk:0.1"}             (as the ledger command takes it)
 * {"do": "slider", "value": 0.25}
 * {"do": "frontier"}  {"do": "knee"}
 * {"do": "highlight", "panel": "map" | "map3d" | "journey" | "route" | "steering" | "ledger" | "costs" | "verdict" | "frontier"}
 * </pre>
 *
 * <p>A step's text may name what the window computed when the step's actions were done, as
 * {@code {{tokens}}}, {@code {{unknown}}}, {@code {{layer}}}, {@code {{region}}}, {@code {{decoded}}},
 * {@code {{answer}}}, {@code {{macs}}} and {@code {{verdict}}} (see {@link LessonFacts}): a lesson
 * never writes a number or a word the model did not produce.
 */
public sealed interface LessonAction {

    /** Opens a bundled sample by name, or a model and/or data file (paths relative to the lesson file). */
    record Open(String sample, String model, String data) implements LessonAction {
    }

    record Page(org.latentledger.view.Page page) implements LessonAction {
    }

    record Layer(String layer) implements LessonAction {
    }

    record Method(org.latentledger.projection.Method method, Integer dims, Long seed) implements LessonAction {
    }

    /** Map options; null leaves one as it is. */
    record MapOptions(Boolean regions, Boolean axes, org.latentledger.view.ColourMode colour) implements LessonAction {
    }

    record Query(int point) implements LessonAction {
    }

    record Interpolate(int a, int b, double t) implements LessonAction {
    }

    record JourneyLayer(String layer) implements LessonAction {
    }

    record Play(boolean playing) implements LessonAction {
    }

    record Steer(String layer, String axis, double alpha) implements LessonAction {
    }

    /** A sentence as the journey's query. */
    record Text(String text) implements LessonAction {
    }

    /** An axis from one phrase to another at a journey layer, named, and steered along. */
    record PhraseAxis(String layer, String from, String to, String name) implements LessonAction {
    }

    record Policy(org.latentledger.economy.SparsityPolicy policy) implements LessonAction {
    }

    record Slider(double value) implements LessonAction {
    }

    record ComputeFrontier() implements LessonAction {
    }

    record Knee() implements LessonAction {
    }

    record Highlight(String panel) implements LessonAction {
    }
}

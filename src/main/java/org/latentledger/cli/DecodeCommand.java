package org.latentledger.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.Steering;
import org.latentledger.text.TextModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.text.WordNetData;
import org.latentledger.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Says in words what a text model's state at a layer means, from the model's own computation: the words",
                "whose own one-word query lands nearest there, the categories it answers, and the nearest synsets. With --axis and",
                "--alpha, the state is first moved along the axis from phrase A to phrase B and the rest of the network runs from there."})
final class DecodeCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "concepts", description = "A model that reads text (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--text", required = true, description = "The sentence to decode.")
    String text;

    @Option(names = "--layer", description = "Layer to decode at, by index (0-based) or name (default: the model's default map layer).")
    String layerRef;

    @Option(names = "--axis", paramLabel = "\"PHRASE A -> PHRASE B\"",
            description = "A direction from one phrase's state to another's at the layer, e.g. \"green leaf summer -> yellow red autumn\".")
    String axis;

    @Option(names = "--alpha", defaultValue = "0", description = "How far to move along --axis, in units of the layer's state (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--top", defaultValue = "10", description = "How many words, categories and synsets (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel m = org.latentledger.model.ModelLoader.load(model)) {
            TextModel t = TextModel.of(m, ResourceRoot.classpath()).orElseThrow(() -> new IllegalArgumentException(
                    m.source() + " does not read text: decode needs a model with a vocabulary beside it (NAME.vocab.tsv), such as concepts"));
            LayerInfo layer = layerRef == null ? m.defaultMapLayer() : m.layer(layerRef);
            float[] input = t.words().encode(text);
            float[] state = ActivationRecorder.record(m, new float[][] {input}, Progress.NONE).get(layer.index()).values()[0];
            float[] out = ActivationRecorder.predict(m, new float[][] {input})[0];
            if (axis != null) {
                String[] ends = axis.split("->");
                if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
                    throw new IllegalArgumentException("--axis is \"PHRASE A -> PHRASE B\", not \"" + axis + "\"");
                }
                double[] u = direction(m, t, layer.index(), ends[0], ends[1]);
                for (int k = 0; k < state.length; k++) {
                    state[k] += (float) (alpha * u[k]);
                }
                out = Steering.steer(m, input, layer.index(), u, alpha);
            }
            WordDecoder decoder = WordDecoder.of(t, Progress.NONE);
            List<Map<String, Object>> words = new ArrayList<>();
            for (WordDecoder.Scored s : decoder.decode(layer.index(), state, top)) {
                words.add(Map.of("word", s.word(), "score", round(s.score())));
            }
            List<String> categories = org.latentledger.text.ConceptsModel.categories(org.latentledger.text.WordNet.bundled().synsets());
            List<Map<String, Object>> cats = new ArrayList<>();
            for (int c : topIndices(out, top)) {
                cats.add(Map.of("label", c < categories.size() && out.length == categories.size() ? categories.get(c) : "#" + c,
                        "p", round(out[c])));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("layer", layer.name());
            result.put("alpha", alpha);
            result.put("text", text);
            result.put("tokens", t.words().tokens(text).known());
            result.put("unknown", t.words().tokens(text).unknown());
            result.put("words", words);
            result.put("categories", cats);
            result.put("nearest", nearest(m, t, layer.index(), state, top));
            result.put("decoded_by", "nearest-words");
            json.print(() -> result, () -> {
                StringBuilder b = new StringBuilder("At " + layer.name() + (axis == null ? "" : " moved " + alpha + " along " + axis) + ":\n  words: ");
                words.forEach(w -> b.append(w.get("word")).append(' '));
                b.append("\n  categories: ");
                cats.forEach(c -> b.append(c.get("label")).append(' ').append(c.get("p")).append("  "));
                return b.toString();
            });
        }
        return 0;
    }

    /** The unit vector from phrase A's state to phrase B's at the layer. */
    private static double[] direction(LoadedModel m, TextModel t, int layer, String a, String b) {
        List<LayerActivations> acts = ActivationRecorder.record(m, new float[][] {t.words().encode(a), t.words().encode(b)}, Progress.NONE);
        float[][] v = acts.get(layer).values();
        double[] u = new double[v[0].length];
        double n = 0;
        for (int k = 0; k < u.length; k++) {
            u[k] = v[1][k] - v[0][k];
            n += u[k] * u[k];
        }
        if (n == 0) {
            throw new IllegalArgumentException("the two phrases of --axis land on the same state at this layer (no known word differs?)");
        }
        for (int k = 0; k < u.length; k++) {
            u[k] /= Math.sqrt(n);
        }
        return u;
    }

    /** The synsets of the bundled WordNet sample nearest (Euclidean) to the state at the layer. */
    private static List<Map<String, Object>> nearest(LoadedModel m, TextModel t, int layer, float[] state, int top) {
        var data = WordNetData.of(t.words().vocabulary(), m.source(), m.hash());
        float[][] acts = ActivationRecorder.record(m, data.features(), Progress.NONE).get(layer).values();
        var synsets = WordNetData.sampled();
        Integer[] order = new Integer[acts.length];
        double[] d = new double[acts.length];
        for (int i = 0; i < acts.length; i++) {
            order[i] = i;
            double s = 0;
            for (int k = 0; k < state.length; k++) {
                double x = acts[i][k] - state[k];
                s += x * x;
            }
            d[i] = Math.sqrt(s);
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < Math.min(top, order.length); r++) {
            var s = synsets.get(order[r]);
            out.add(Map.of("name", s.name(), "gloss", s.gloss(), "category", s.category(), "distance", round(d[order[r]])));
        }
        return out;
    }

    private static int[] topIndices(float[] v, int k) {
        return java.util.stream.IntStream.range(0, v.length).boxed().sorted((a, b) -> Float.compare(v[b], v[a])).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

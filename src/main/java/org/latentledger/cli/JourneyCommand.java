package org.latentledger.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.atlas.LayerMapper;
import org.latentledger.atlas.MapSpec;
import org.latentledger.atlas.Journey;
import org.latentledger.atlas.JourneyPlanner;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.data.Dataset;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.projection.Method;
import org.latentledger.projection.ProjectionCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "journey", mixinStandardHelpOptions = true,
        description = {"Sends one data point (or, with --text, a sentence) through the model and says where it lands on each layer's map: position,",
                "region (and how sure), axis coordinates, then the answer. t-SNE/UMAP maps place it by its neighbours."})
final class JourneyCommand implements Callable<Integer> {

    @Mixin
    ModelDataOptions inputs;

    @Mixin
    QueryOption query;

    @Option(names = "--layer-maps", paramLabel = "METHOD", defaultValue = "pca", completionCandidates = Vocabulary.Methods.class,
            description = "How each layer is mapped: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method maps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the maps and regions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        // The same maps as the window's journey: the map defaults (perplexity 30, 15 neighbours, min-dist 0.1) with this seed.
        MapSpec spec = MapSpec.DEFAULT.withMethod(maps).withSeed(seed);
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.fittingData(model);
            float[] input = query.input(model, data);
            List<LayerActivations> acts = ActivationRecorder.record(model, data.features(), new TrainSamplesCommand.ConsoleProgress());
            List<LayerAtlas> atlases = new LayerMapper(ProjectionCache.user()).mapAll(acts, data, model.hash(), spec,
                    new TrainSamplesCommand.ConsoleProgress());
            Journey j = JourneyPlanner.travel(model, atlases, input);
            json.print(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("query", query.describe(data));
                out.putAll(summary(j, data));
                return out;
            }, () -> text(j, data));
        }
        return 0;
    }

    static Map<String, Object> summary(Journey j, Dataset data) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Journey.Stop s : j.stops()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", s.layer().name());
            row.put("x", s.x());
            row.put("y", s.y());
            row.put("region", s.regionName());
            row.put("certainty", s.certainty());
            row.put("axes", s.axes());
            row.put("moved_most", s.movedMost());
            row.put("placed_by", s.placedBy());
            layers.add(row);
        }
        out.put("layers", layers);
        if (!j.answered()) {
            out.put("prediction", null);
            out.put("no_answer", j.noAnswer());
        } else if (j.reconstruction()) {
            out.put("prediction", null);
            out.put("reconstruction", j.output());
        } else {
            out.put("prediction", data.classNames().size() > j.prediction() ? data.classNames().get(j.prediction()) : Integer.toString(j.prediction()));
            out.put("probabilities", j.output());
        }
        return out;
    }

    static String text(Journey j, Dataset data) {
        StringBuilder s = new StringBuilder();
        for (Journey.Stop st : j.stops()) {
            s.append(String.format(Locale.ROOT, "%-14s (%8.3f, %8.3f)  region %-12s %3.0f%%  moved most along %s%n", st.layer().name(),
                    st.x(), st.y(), st.regionName(), 100 * st.certainty(), String.join(", ", st.movedMost())));
        }
        if (!j.answered()) {
            s.append("no answer: ").append(j.noAnswer());
        } else if (j.reconstruction()) {
            s.append("output: a reconstruction of the input (").append(j.output().length).append(" values)");
        } else {
            s.append("answer: ").append(data.classNames().size() > j.prediction() ? data.classNames().get(j.prediction()) : "#" + j.prediction())
                    .append(String.format(Locale.ROOT, " (%.1f%%%s)", 100 * org.latentledger.model.Outputs.probabilities(j.output())[j.prediction()],
                            org.latentledger.model.Outputs.isDistribution(j.output()) ? "" : ", softmax of the scores"));
        }
        return s.toString();
    }
}

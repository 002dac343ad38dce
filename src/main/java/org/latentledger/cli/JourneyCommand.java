package org.latentledger.cli;

import com.google.gson.GsonBuilder;
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
import org.latentledger.projection.ProjectionCache;
import org.latentledger.projection.ProjectionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "journey", mixinStandardHelpOptions = true,
        description = {"Sends one data point through the model and says where it lands on each layer's map: position,",
                "region (and how sure), axis coordinates, then the answer. t-SNE/UMAP maps place it by its neighbours."})
final class JourneyCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model file or bundled model name.")
    String modelRef;

    @Option(names = "--data", required = true, description = "Data file or folder, or bundled data set name.")
    String dataRef;

    @Option(names = "--query", required = true, description = "Index of the data point to send (0-based).")
    int query;

    @Option(names = "--layer-maps", defaultValue = "pca", description = "How each layer is mapped: pca, umap or tsne (default: ${DEFAULT-VALUE}).")
    String maps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the maps and regions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProjectionSpec layout = switch (maps) {
            case "pca" -> new ProjectionSpec.Pca(2);
            case "umap" -> ProjectionSpec.Umap.defaults(2, seed);
            case "tsne" -> ProjectionSpec.Tsne.defaults(2, seed);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--layer-maps is pca, umap or tsne, not " + maps);
        };
        try (LoadedModel model = Inputs.model(modelRef)) {
            Dataset data = Inputs.fittingData(dataRef, model);
            if (query < 0 || query >= data.size()) {
                throw new IllegalArgumentException("--query must be in 0.." + (data.size() - 1) + " for " + data.source() + ", got " + query);
            }
            List<LayerActivations> acts = ActivationRecorder.record(model, data.features(), new TrainSamplesCommand.ConsoleProgress());
            MapSpec maps = MapSpec.DEFAULT.withMethod(org.latentledger.projection.Method.parse(layout.method())).withSeed(seed);
            List<LayerAtlas> atlases = new LayerMapper(ProjectionCache.user()).mapAll(acts, data, model.hash(), maps,
                    new TrainSamplesCommand.ConsoleProgress());
            Journey j = JourneyPlanner.travel(model, atlases, data.features()[query]);
            spec.commandLine().getOut().println(json ? json(j, data) : text(j, data));
        }
        return 0;
    }

    static String json(Journey j, Dataset data) {
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
            layers.add(row);
        }
        out.put("layers", layers);
        if (j.reconstruction()) {
            out.put("prediction", null);
            out.put("reconstruction", j.output());
        } else {
            out.put("prediction", data.classNames().size() > j.prediction() ? data.classNames().get(j.prediction()) : Integer.toString(j.prediction()));
            out.put("probabilities", j.output());
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(out);
    }

    static String text(Journey j, Dataset data) {
        StringBuilder s = new StringBuilder();
        for (Journey.Stop st : j.stops()) {
            s.append(String.format(Locale.ROOT, "%-14s (%8.3f, %8.3f)  region %-12s %3.0f%%  moved most along %s%n", st.layer().name(),
                    st.x(), st.y(), st.regionName(), 100 * st.certainty(), String.join(", ", st.movedMost())));
        }
        if (j.reconstruction()) {
            s.append("output: a reconstruction of the input (").append(j.output().length).append(" values)");
        } else {
            s.append("answer: ").append(data.classNames().size() > j.prediction() ? data.classNames().get(j.prediction()) : "#" + j.prediction())
                    .append(String.format(Locale.ROOT, " (%.1f%%)", 100 * j.output()[j.prediction()]));
        }
        return s.toString();
    }
}

package org.latentledger.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentledger.data.Dataset;
import org.latentledger.model.DataCheck;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Prints a model's layer table, and checks a data set against the model's input.",
                "Exits with status 1, naming both shapes, when the data does not fit the model."})
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ModelDataOptions inputs;

    @Mixin
    Json json;

    @Override
    public Integer call() throws Exception {
        try (LoadedModel model = inputs.loadModel()) {
            Dataset data = inputs.dataFor(model).orElse(null);
            String problem = data == null ? null : DataCheck.mismatch(model.input(), data);
            json.print(() -> summary(model, data, problem), () -> table(model, data, problem));
            if (problem != null) {
                throw new IllegalArgumentException(data.source() + ": " + problem);
            }
        }
        return 0;
    }

    static Map<String, Object> summary(LoadedModel model, Dataset data, String problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model.source());
        out.put("kind", model.kind());
        out.put("input", model.input().describe());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerInfo l : model.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", l.index());
            row.put("name", l.name());
            row.put("type", l.type());
            row.put("input_shape", l.inputShape());
            row.put("output_shape", l.outputShape());
            row.put("params", l.parameters());
            row.put("activation", l.activation());
            row.put("dense_macs", l.denseMacs());
            layers.add(row);
        }
        out.put("layers", layers);
        out.put("total_params", model.parameterCount());
        out.put("total_dense_macs", model.layers().stream().mapToLong(LayerInfo::denseMacs).sum());
        model.network().limitation().ifPresent(why -> out.put("opened_in_part", why));
        if (data != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", data.source());
            d.put("rows", data.size());
            d.put("columns", data.columns());
            d.put("classes", data.classNames());
            d.put("scaling", data.scaling());
            d.put("fits", problem == null);
            if (problem != null) {
                d.put("problem", problem);
            }
            out.put("data", d);
        }
        return out;
    }

    static String table(LoadedModel model, Dataset data, String problem) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s (%s), input %s%n", model.source(), model.kind(), model.input().describe()));
        s.append(String.format(Locale.ROOT, "%5s  %-16s %-14s %-12s %-12s %10s %-10s %14s%n", "index", "name", "type", "input",
                "output", "params", "activation", "dense MACs"));
        for (LayerInfo l : model.layers()) {
            s.append(String.format(Locale.ROOT, "%5d  %-16s %-14s %-12s %-12s %,10d %-10s %,14d%n", l.index(), l.name(), l.type(),
                    l.inputShape(), l.outputShape(), l.parameters(), l.activation(), l.denseMacs()));
        }
        s.append(String.format(Locale.ROOT, "total: %,d parameters, %,d dense MACs per inference", model.parameterCount(),
                model.layers().stream().mapToLong(LayerInfo::denseMacs).sum()));
        model.network().limitation().ifPresent(why -> s.append(System.lineSeparator()).append("opened in part: ").append(why));
        if (data != null) {
            s.append(String.format(Locale.ROOT, "%ndata: %s, %,d rows x %d columns, %d classes, %s: %s", data.source(), data.size(),
                    data.columns(), data.classCount(), data.scaling(), problem == null ? "fits the model" : "DOES NOT FIT"));
        }
        return s.toString();
    }
}

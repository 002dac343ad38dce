package org.latentledger.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasLayerConfiguration;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentledger.data.Hashing;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Opens Keras 3's native format ({@code model.save("m.keras")}): a zip holding {@code config.json}
 * (the model's description), {@code metadata.json} (the Keras version) and {@code
 * model.weights.h5}.
 *
 * <p>DL4J's Keras import knows Keras 1 and 2 only, and Keras 3 changed both halves. The
 * description is the same in substance but spelled differently (an input's {@code batch_shape}
 * was {@code batch_input_shape}, a dtype is a policy object, objects carry a {@code module}, a
 * functional layer's inbound nodes are serialised call arguments holding {@code keras_history}
 * triples), so we rewrite it in the Keras 2 spelling and let DL4J build the network from it. The
 * weights file no longer names its weights: a layer's variables are datasets {@code 0, 1, ...}
 * under {@code layers/NAME/vars}, where NAME is the snake-cased class name made unique in layer
 * order ({@code dense, dense_1}; Keras does this so paths do not depend on generated names), in
 * the order the layer created them (kernel then bias; gamma, beta, moving mean, moving variance).
 * We read them, give each its Keras 2 name and hand them to DL4J's layers, which transpose them
 * as they do for an HDF5 file. The layout was read in Keras' {@code saving_lib} and checked on
 * {@code .keras} files written by Keras 3.4 and 3.10.
 */
final class Keras3Reader {

    static final String FORMAT = "a Keras 3 .keras file (config.json and model.weights.h5 in a zip)";
    private static final String ADVICE = "; save the model as .h5 (model.save(\"m.h5\")) or export it to ONNX";

    private Keras3Reader() {
    }

    /** A zip with Keras 3's config.json at its top: the entry a DL4J zip never has. */
    static boolean looksLikeKeras3(byte[] bytes) {
        if (!ModelLoader.isZip(bytes)) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("config.json")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static LoadedModel load(String name, String source, byte[] bytes) throws ModelLoadException {
        Map<String, byte[]> entries = entries(source, bytes);
        if (!entries.containsKey("config.json")) {
            throw new ModelLoadException(source, FORMAT, "a zip without config.json (entries: " + String.join(", ", entries.keySet()) + ")", null);
        }
        if (!entries.containsKey("model.weights.h5")) {
            throw new ModelLoadException(source, FORMAT, entries.containsKey("model.weights.npz")
                    ? "weights saved as model.weights.npz, which we do not read" + ADVICE
                    : "a zip with config.json but no model.weights.h5 (entries: " + String.join(", ", entries.keySet()) + ")", null);
        }
        JsonObject config = json(source, entries.get("config.json"), "config.json");
        String version = "3";
        if (entries.containsKey("metadata.json")) {
            JsonObject meta = json(source, entries.get("metadata.json"), "metadata.json");
            if (meta.has("keras_version")) {
                version = meta.get("keras_version").getAsString();
            }
        }
        String cls = config.has("class_name") ? config.get("class_name").getAsString() : "?";
        boolean sequential = cls.equals("Sequential");
        if (!sequential && !cls.equals("Functional") && !cls.equals("Model")) {
            throw new ModelLoadException(source, FORMAT + " of a Sequential or functional model",
                    "a model of class " + cls + ": a subclassed model cannot be rebuilt without its Python code" + ADVICE, null);
        }
        JsonObject inner = config.getAsJsonObject("config");
        JsonArray layers = inner.getAsJsonArray("layers");
        for (JsonElement e : layers) {
            JsonObject layer = e.getAsJsonObject();
            String type = layer.get("class_name").getAsString();
            if (!KerasImporter.SUPPORTED.contains(type)) {
                throw new ModelLoadException(source, FORMAT + " with layers of the supported types ("
                        + String.join(", ", KerasImporter.SUPPORTED.stream().sorted().toList()) + ")",
                        "layer '" + layerName(layer) + "' of type " + type + ", which is not supported" + ADVICE, null);
            }
        }
        JsonObject keras2 = Keras3Config.asKeras2(config);
        InputType input = KerasImporter.inputType(source, sequential ? "Sequential" : "Model", keras2.getAsJsonObject("config"),
                keras2.getAsJsonObject("config").getAsJsonArray("layers"));
        Path weights = null;
        try {
            weights = Files.createTempFile("latent-ledger-keras3", ".h5");
            Files.write(weights, entries.get("model.weights.h5"));
            KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration())
                    .modelJson(keras2.toString()).enforceTrainingConfig(false);
            String hash = Hashing.sha256(bytes);
            String format = "Keras " + version;
            if (sequential) {
                KerasSequentialModel model = builder.buildSequential();
                setWeights(source, weights, layers, true, model);
                MultiLayerNetwork net = model.getMultiLayerNetwork(true);
                return new LoadedModel(name, source, hash, format, new SequentialNetwork(net, input));
            }
            KerasModel model = builder.buildModel();
            setWeights(source, weights, layers, false, model);
            ComputationGraph graph = model.getComputationGraph(true);
            return new LoadedModel(name, source, hash, format, new GraphNetwork(graph, input));
        } catch (ModelLoadException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new ModelLoadException(source, FORMAT, "a model DL4J's Keras import could not build (" + e.getMessage() + ")", e);
        } finally {
            if (weights != null) {
                try {
                    Files.deleteIfExists(weights);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Reads every layer's variables and gives them to DL4J's layer under their Keras 2 names. */
    private static void setWeights(String source, Path file, JsonArray layers, boolean sequential, KerasModel model) throws Exception {
        Map<String, KerasLayer> built = model.getLayers();
        Map<String, Integer> used = new HashMap<>();
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
                List<String> top = archive.getGroups();
                if (!top.contains("layers")) {
                    throw new ModelLoadException(source, FORMAT, "a model.weights.h5 without a 'layers' group (groups: " + top + ")", null);
                }
                for (int i = 0; i < layers.size(); i++) {
                    JsonObject layer = layers.get(i).getAsJsonObject();
                    String type = layer.get("class_name").getAsString();
                    // Sequential.layers leaves out the InputLayer Keras adds, so it takes no path there.
                    if (sequential && type.equals("InputLayer")) {
                        continue;
                    }
                    String path = uniqueName(snakeCase(type), used);
                    List<String> names = variableNames(type, layer.getAsJsonObject("config"), built.get(layerName(layer)));
                    if (names.isEmpty()) {
                        continue;
                    }
                    List<String> found = archive.getGroups("layers").contains(path) && archive.getGroups("layers", path).contains("vars")
                            ? archive.getDataSets("layers", path, "vars") : List.of();
                    if (found.size() != names.size()) {
                        throw new ModelLoadException(source, FORMAT + " whose weights fit its configuration",
                                "layer '" + layerName(layer) + "' (" + type + ") needs " + names.size() + " variables (" + String.join(", ", names)
                                        + ") but layers/" + path + "/vars holds " + found.size(), null);
                    }
                    Map<String, INDArray> weights = new LinkedHashMap<>();
                    for (int v = 0; v < names.size(); v++) {
                        weights.put(names.get(v), archive.readDataSet(Integer.toString(v), "layers", path, "vars"));
                    }
                    KerasLayer target = built.get(layerName(layer));
                    if (target == null) {
                        throw new ModelLoadException(source, FORMAT, "layer '" + layerName(layer) + "' that DL4J did not build", null);
                    }
                    target.setWeights(weights);
                }
            }
        }
    }

    /** The Keras 2 names of a layer's variables, in the order Keras 3 creates (and numbers) them. */
    static List<String> variableNames(String type, JsonObject config, KerasLayer layer) {
        KerasLayerConfiguration conf = layer != null ? layer.getConf() : null;
        String kernel = conf != null ? conf.getKERAS_PARAM_NAME_W() : "kernel";
        String bias = conf != null ? conf.getKERAS_PARAM_NAME_B() : "bias";
        List<String> names = new ArrayList<>();
        switch (type) {
            case "Dense", "Conv2D" -> {
                names.add(kernel);
                if (!config.has("use_bias") || config.get("use_bias").getAsBoolean()) {
                    names.add(bias);
                }
            }
            case "BatchNormalization" -> {
                if (!config.has("scale") || config.get("scale").getAsBoolean()) {
                    names.add("gamma");
                }
                if (!config.has("center") || config.get("center").getAsBoolean()) {
                    names.add("beta");
                }
                names.add(conf != null ? conf.getLAYER_FIELD_BATCHNORMALIZATION_MOVING_MEAN() : "moving_mean");
                names.add(conf != null ? conf.getLAYER_FIELD_BATCHNORMALIZATION_MOVING_VARIANCE() : "moving_variance");
            }
            default -> {
                // the other supported layers hold no variables
            }
        }
        return names;
    }

    /** Keras' {@code naming.to_snake_case}: "MaxPooling2D" -> "max_pooling2d", "BatchNormalization" -> "batch_normalization". */
    static String snakeCase(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Keras' {@code _get_unique_name}: the first "dense" is dense, the next dense_1, then dense_2. */
    static String uniqueName(String name, Map<String, Integer> used) {
        Integer n = used.get(name);
        if (n == null) {
            used.put(name, 0);
            return name;
        }
        used.put(name, n + 1);
        return name + "_" + (n + 1);
    }

    private static String layerName(JsonObject layer) {
        if (layer.has("name")) {
            return layer.get("name").getAsString();
        }
        JsonObject c = layer.getAsJsonObject("config");
        return c != null && c.has("name") ? c.get("name").getAsString() : "?";
    }

    private static Map<String, byte[]> entries(String source, byte[] bytes) throws ModelLoadException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new ModelLoadException(source, FORMAT, "a damaged or truncated zip (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    private static JsonObject json(String source, byte[] bytes, String entry) throws ModelLoadException {
        try {
            JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new ModelLoadException(source, FORMAT, entry + " that is not a JSON object", null);
            }
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ModelLoadException(source, FORMAT, entry + " that is not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}

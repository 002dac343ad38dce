package org.latentledger.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentledger.data.Hashing;

/**
 * Imports Keras models saved as HDF5 ({@code model.save("m.h5")}) through DL4J's model import:
 * Sequential models become MultiLayerNetworks, functional ones ComputationGraphs. The Keras
 * configuration is read first, so an unsupported layer is named before DL4J is asked.
 */
final class KerasImporter {

    /** The layer types we import and test; DL4J supports more, but these are the ones we vouch for. */
    static final Set<String> SUPPORTED = Set.of("InputLayer", "Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D",
            "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Dropout", "Activation", "ReLU", "Softmax",
            "Concatenate", "Add", "BatchNormalization");
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String EXPECTED = "a Keras model saved with model.save() as HDF5";

    private KerasImporter() {
    }

    static boolean isHdf5(byte[] bytes) {
        if (bytes.length < HDF5_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < HDF5_MAGIC.length; i++) {
            if (bytes[i] != HDF5_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static LoadedModel load(String name, String source, byte[] bytes) throws ModelLoadException {
        Hdf5Extent.requireWhole(source, bytes, EXPECTED);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("latent-ledger-keras", ".h5");
            Files.write(tmp, bytes);
            JsonObject config = readConfig(source, tmp);
            String cls = config.get("class_name").getAsString();
            JsonArray layers = config.getAsJsonObject("config").getAsJsonArray("layers");
            checkSupported(source, layers);
            InputType input = inputType(source, cls, config.getAsJsonObject("config"), layers);
            String hash = Hashing.sha256(bytes);
            if (cls.equals("Sequential")) {
                MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights(tmp.toString(), false);
                checkWeights(source, tmp, layer -> net.getLayer(layer));
                return new LoadedModel(name, source, hash, "Keras", new SequentialNetwork(net, input));
            }
            ComputationGraph graph = KerasModelImport.importKerasModelAndWeights(tmp.toString(), false);
            checkWeights(source, tmp, graph::getLayer);
            return new LoadedModel(name, source, hash, "Keras", new GraphNetwork(graph, input));
        } catch (ModelLoadException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new ModelLoadException(source, EXPECTED, "a model DL4J's Keras import could not read (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * The weights in the file against the layers its configuration makes: DL4J's import puts a
     * kernel of the wrong size into a layer without a word, so each layer's stored arrays are
     * counted against the layer's own parameters, and a difference refused with both shapes.
     */
    private static void checkWeights(String source, Path file, java.util.function.Function<String, org.deeplearning4j.nn.api.Layer> layers)
            throws Exception {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
                if (!archive.getGroups().contains("model_weights")) {
                    return;
                }
                for (String layer : archive.getGroups("model_weights")) {
                    List<String> stored = new java.util.ArrayList<>();
                    long values = 0;
                    for (String sub : archive.getGroups("model_weights", layer)) {
                        for (String ds : archive.getDataSets("model_weights", layer, sub)) {
                            org.nd4j.linalg.api.ndarray.INDArray a = archive.readDataSet(ds, "model_weights", layer, sub);
                            stored.add(ds + " " + shape(a.shape()));
                            values += a.length();
                        }
                    }
                    if (stored.isEmpty()) {
                        continue;
                    }
                    org.deeplearning4j.nn.api.Layer l;
                    try {
                        l = layers.apply(layer);
                    } catch (RuntimeException notThere) {
                        continue; // weights of a layer the import folded away: nothing to count them against
                    }
                    if (l == null || l.numParams() == values) {
                        continue;
                    }
                    List<String> wanted = new java.util.ArrayList<>();
                    for (Map.Entry<String, org.nd4j.linalg.api.ndarray.INDArray> p : l.paramTable().entrySet()) {
                        wanted.add(p.getKey() + " " + shape(p.getValue().shape()));
                    }
                    throw new ModelLoadException(source, "weights that fit the model's configuration: layer '" + layer + "' takes "
                            + String.join(", ", wanted) + " (" + String.format(java.util.Locale.ROOT, "%,d", l.numParams()) + " values)",
                            String.join(", ", stored) + " (" + String.format(java.util.Locale.ROOT, "%,d", values) + " values) for it", null);
                }
            }
        }
    }

    private static String shape(long[] s) {
        return java.util.Arrays.stream(s).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining("x"));
    }

    private static JsonObject readConfig(String source, Path file) throws Exception {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
                if (!archive.hasAttribute("model_config")) {
                    throw new ModelLoadException(source, EXPECTED + " (with a model_config attribute)",
                            "an HDF5 file without model_config: weights only, or not written by Keras", null);
                }
                // DL4J returns the attribute in a reused fixed-size buffer: whatever follows the first JSON
                // value is padding (or leftovers of an earlier read), so read exactly one value.
                com.google.gson.stream.JsonReader reader = new com.google.gson.stream.JsonReader(
                        new java.io.StringReader(archive.readAttributeAsJson("model_config")));
                reader.setStrictness(com.google.gson.Strictness.LENIENT);
                JsonElement json = JsonParser.parseReader(reader);
                if (!json.isJsonObject() || !json.getAsJsonObject().has("class_name")) {
                    throw new ModelLoadException(source, EXPECTED, "a model_config that is not a Keras model description", null);
                }
                return json.getAsJsonObject();
            }
        }
    }

    private static void checkSupported(String source, JsonArray layers) throws ModelLoadException {
        for (JsonElement e : layers) {
            JsonObject layer = e.getAsJsonObject();
            String type = layer.get("class_name").getAsString();
            if (!SUPPORTED.contains(type)) {
                String layerName = layer.getAsJsonObject("config").has("name")
                        ? layer.getAsJsonObject("config").get("name").getAsString() : "?";
                throw new ModelLoadException(source, "Keras layers of the supported types (" + String.join(", ", SUPPORTED.stream().sorted().toList()) + ")",
                        "layer '" + layerName + "' of type " + type + ", which is not supported", null);
            }
        }
    }

    /** The input shape from the first layer's batch_input_shape (Sequential) or the input layer (functional). */
    static InputType inputType(String source, String cls, JsonObject config, JsonArray layers) throws ModelLoadException {
        JsonObject inputLayer = layers.get(0).getAsJsonObject().getAsJsonObject("config");
        if (!cls.equals("Sequential") && config.has("input_layers")) {
            JsonArray inputs = config.getAsJsonArray("input_layers");
            if (inputs.size() != 1) {
                throw new ModelLoadException(source, "a Keras model with one input", inputs.size() + " inputs", null);
            }
            String inputName = inputs.get(0).getAsJsonArray().get(0).getAsString();
            for (JsonElement e : layers) {
                if (e.getAsJsonObject().get("name") != null && e.getAsJsonObject().get("name").getAsString().equals(inputName)) {
                    inputLayer = e.getAsJsonObject().getAsJsonObject("config");
                }
            }
        }
        if (!inputLayer.has("batch_input_shape")) {
            throw new ModelLoadException(source, "a Keras model whose first layer states its input shape (batch_input_shape)",
                    "no input shape", null);
        }
        JsonArray shape = inputLayer.getAsJsonArray("batch_input_shape");
        boolean channelsFirst = firstDataFormat(layers).equals("channels_first");
        return switch (shape.size()) {
            case 2 -> InputType.feedForward(shape.get(1).getAsLong());
            case 4 -> channelsFirst
                    ? InputType.convolutional(shape.get(2).getAsLong(), shape.get(3).getAsLong(), shape.get(1).getAsLong(), CNN2DFormat.NCHW)
                    : InputType.convolutional(shape.get(1).getAsLong(), shape.get(2).getAsLong(), shape.get(3).getAsLong(), CNN2DFormat.NHWC);
            default -> throw new ModelLoadException(source, "a Keras model taking vectors or 2D images", "input shape " + shape, null);
        };
    }

    private static String firstDataFormat(JsonArray layers) {
        for (JsonElement e : layers) {
            JsonObject c = e.getAsJsonObject().getAsJsonObject("config");
            if (c.has("data_format")) {
                return c.get("data_format").getAsString();
            }
        }
        return "channels_last";
    }
}

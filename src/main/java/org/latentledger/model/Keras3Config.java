package org.latentledger.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Set;

/**
 * A Keras 3 {@code config.json} rewritten in the Keras 2 spelling DL4J's import reads. Only the
 * spelling changes: every number, shape, activation and connection is carried over as it is.
 */
final class Keras3Config {

    /** Keras 3 bookkeeping with no Keras 2 counterpart and no effect on the computation. */
    private static final Set<String> DROPPED = Set.of("module", "registered_name", "build_config", "compile_config", "shared_object_id");
    /** The Keras 2 version the rewritten description claims, so DL4J reads Keras 2 parameter names. */
    static final String AS_VERSION = "2.15.0";

    private Keras3Config() {
    }

    static JsonObject asKeras2(JsonObject keras3) {
        JsonObject config = keras3.getAsJsonObject("config");
        boolean sequential = keras3.get("class_name").getAsString().equals("Sequential");
        JsonObject out = new JsonObject();
        out.addProperty("class_name", sequential ? "Sequential" : "Model");
        JsonObject inner = new JsonObject();
        inner.addProperty("name", config.has("name") ? config.get("name").getAsString() : "model");
        JsonArray layers = new JsonArray();
        for (JsonElement e : config.getAsJsonArray("layers")) {
            layers.add(layer(e.getAsJsonObject(), sequential));
        }
        inner.add("layers", layers);
        if (!sequential) {
            inner.add("input_layers", tensorList(config.get("input_layers")));
            inner.add("output_layers", tensorList(config.get("output_layers")));
        }
        out.add("config", inner);
        out.addProperty("keras_version", AS_VERSION);
        out.addProperty("backend", "tensorflow");
        return out;
    }

    private static JsonObject layer(JsonObject layer, boolean sequential) {
        String type = layer.get("class_name").getAsString();
        JsonObject out = new JsonObject();
        out.addProperty("class_name", type);
        JsonObject config = (JsonObject) value(layer.getAsJsonObject("config"));
        if (type.equals("InputLayer") && !config.has("batch_input_shape")) {
            if (config.has("batch_shape")) {
                config.add("batch_input_shape", config.remove("batch_shape"));
            } else if (config.has("shape")) {
                JsonArray batch = new JsonArray();
                batch.add(JsonNull.INSTANCE);
                config.remove("shape").getAsJsonArray().forEach(batch::add);
                config.add("batch_input_shape", batch);
            }
        }
        out.add("config", config);
        if (!sequential) {
            String name = layer.has("name") ? layer.get("name").getAsString() : config.get("name").getAsString();
            out.addProperty("name", name);
            JsonArray nodes = new JsonArray();
            if (layer.has("inbound_nodes")) {
                for (JsonElement node : layer.getAsJsonArray("inbound_nodes")) {
                    nodes.add(inboundNode(node));
                }
            }
            out.add("inbound_nodes", nodes);
        }
        return out;
    }

    /**
     * Keras 3 writes a call as its arguments, each tensor an object whose keras_history is
     * [layer, node, tensor]; Keras 2 as the list of those triples (with a kwargs map each). A Keras 2
     * style node (already a list) is kept.
     */
    private static JsonArray inboundNode(JsonElement node) {
        if (node.isJsonArray()) {
            return node.getAsJsonArray();
        }
        JsonArray inputs = new JsonArray();
        collectTensors(node.getAsJsonObject().get("args"), inputs);
        return inputs;
    }

    private static void collectTensors(JsonElement e, JsonArray into) {
        if (e == null || e.isJsonNull() || e.isJsonPrimitive()) {
            return;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectTensors(x, into));
            return;
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("class_name") && o.get("class_name").getAsString().equals("__keras_tensor__")) {
            JsonArray history = o.getAsJsonObject("config").getAsJsonArray("keras_history");
            JsonArray triple = history.deepCopy();
            triple.add(new JsonObject());
            into.add(triple);
            return;
        }
        o.entrySet().forEach(x -> collectTensors(x.getValue(), into));
    }

    /** input_layers / output_layers: Keras 3 writes a single tensor as one triple, Keras 2 always a list of them. */
    private static JsonArray tensorList(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        if (!a.isEmpty() && a.get(0).isJsonPrimitive()) {
            JsonArray wrapped = new JsonArray();
            wrapped.add(a);
            return wrapped;
        }
        return a;
    }

    /** A config value in Keras 2 spelling: dtype policies become their name, objects lose their module. */
    private static JsonElement value(JsonElement e) {
        if (e == null || e.isJsonNull() || e.isJsonPrimitive()) {
            return e;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(value(x)));
            return out;
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("class_name") && o.get("class_name").getAsString().endsWith("DTypePolicy") && o.has("config")) {
            return new JsonPrimitive(o.getAsJsonObject("config").get("name").getAsString());
        }
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> x : o.entrySet()) {
            if (!DROPPED.contains(x.getKey())) {
                out.add(x.getKey(), value(x.getValue()));
            }
        }
        return out;
    }
}

package org.latentledger.export;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an exported image came from, written beside it as {@code FILE.png.json}: the model and
 * data files with their SHA-256, the layer, the projection with its parameters and seed, the
 * sparsity policy, the query, the app's version and the time, so a figure on a slide can be
 * traced back and made again.
 *
 * @param view       what was exported (window, map, map3d, journey, ledger, frontier, journey-gif, ...)
 * @param model      the model file (or bundled sample) shown, or null
 * @param modelHash  SHA-256 of the model file, or null
 * @param data       the data file shown, or null
 * @param dataHash   SHA-256 of the data, or null
 * @param layer      the layer shown, or null
 * @param method     the projection (pca, tsne, umap), or null
 * @param parameters the projection's parameters (dims, perplexity, neighbours, min_dist, ...)
 * @param seed       the projection's seed
 * @param policy     the ledger's sparsity policy (as the ledger command takes it), or null
 * @param query      the journey's and ledger's query, or null
 * @param sections   what the picture's parts were made with, each a JSON object ({@code map}, {@code journey},
 *                   {@code ledger}, {@code frontier}): taken from the results drawn, never from the controls
 * @param theme      the look it was rendered in
 * @param scale      the render scale (1, 2, 4)
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param appVersion the app's version
 * @param created    ISO-8601 time of the export
 */
public record Provenance(String view, String model, String modelHash, String data, String dataHash, String layer, String method,
                         Map<String, Object> parameters, long seed, String policy, String query, Map<String, Object> sections,
                         String theme, double scale, int width, int height, String appVersion, String created) {

    public Provenance {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        sections = sections == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Without sections. */
    public Provenance(String view, String model, String modelHash, String data, String dataHash, String layer, String method,
                      Map<String, Object> parameters, long seed, String policy, String query, String theme, double scale, int width,
                      int height, String appVersion, String created) {
        this(view, model, modelHash, data, dataHash, layer, method, parameters, seed, policy, query, Map.of(), theme, scale, width, height,
                appVersion, created);
    }

    /** The sidecar's path for an exported file: the file's name with {@code .json} appended. */
    public static Path sidecarOf(Path exported) {
        return exported.resolveSibling(exported.getFileName() + ".json");
    }

    /** The same provenance for an image of another size (frames, other scales). */
    public Provenance withImage(String view, double scale, int width, int height) {
        return new Provenance(view, model, modelHash, data, dataHash, layer, method, parameters, seed, policy, query, sections, theme, scale,
                width, height, appVersion, created);
    }

    public String toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("view", view);
        j.put("model", model);
        j.put("model_sha256", modelHash);
        j.put("data", data);
        j.put("data_sha256", dataHash);
        j.put("layer", layer);
        j.put("method", method);
        j.put("parameters", parameters);
        j.put("seed", seed);
        j.put("policy", policy);
        j.put("query", query);
        j.putAll(sections);
        j.put("theme", theme);
        j.put("scale", scale);
        j.put("width", width);
        j.put("height", height);
        j.put("app", "Latent Ledger");
        j.put("app_version", appVersion);
        j.put("created", created);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(j) + "\n";
    }

    /** Writes the sidecar beside {@code exported}; returns its path. */
    public Path writeBeside(Path exported) throws IOException {
        Path sidecar = sidecarOf(exported);
        AtomicFiles.writeString(sidecar, toJson());
        return sidecar;
    }
}

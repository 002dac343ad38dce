package org.latentledger.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;

/**
 * The small JSON file beside each bundled model: what it was trained on, how, and how well it
 * does on its held-out test split. Field names are the file format.
 *
 * @param testAccuracy         share of test rows classified correctly (classifiers), else null
 * @param reconstructionError  mean squared error per input value on the test rows (autoencoder), else null
 */
public record ModelCard(String name, String dataset, String inputScaling, Split split, long seed, int epochs,
                        int batchSize, String optimizer, String architecture, List<LayerInfo> layers,
                        long parameters, Double testAccuracy, Double reconstructionError, double trainingSeconds,
                        String trainedWith) {

    /** The train/test split: sizes and the seed of the shuffle (see {@link org.latentledger.data.Split}). */
    public record Split(int train, int test, long seed) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this) + "\n";
    }

    public static ModelCard fromJson(String json) {
        return GSON.fromJson(json, ModelCard.class);
    }
}

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
 * @param economy              for a model made economical by {@code economize}: how, and its figures before and after; else null
 */
public record ModelCard(String name, String dataset, String inputScaling, Split split, long seed, int epochs,
                        int batchSize, String optimizer, String architecture, List<LayerInfo> layers,
                        long parameters, Double testAccuracy, Double reconstructionError, double trainingSeconds,
                        String trainedWith, Economy economy) {

    public ModelCard(String name, String dataset, String inputScaling, Split split, long seed, int epochs, int batchSize,
                     String optimizer, String architecture, List<LayerInfo> layers, long parameters, Double testAccuracy,
                     Double reconstructionError, double trainingSeconds, String trainedWith) {
        this(name, dataset, inputScaling, split, seed, epochs, batchSize, optimizer, architecture, layers, parameters, testAccuracy,
                reconstructionError, trainingSeconds, trainedWith, null);
    }

    /**
     * How a model was made economical: the method ("kwta:0.05"), the model it came from (name and
     * SHA-256), and its test accuracy and knee before and after.
     */
    public record Economy(String method, String from, String fromSha256, Double accuracyBefore, Double accuracyAfter,
                          Knee kneeBefore, Knee kneeAfter) {
    }

    /**
     * The cheapest setting over every policy keeping the agreement asked for: its MACs and energy
     * as shares of the original model's dense pass, its agreement with the model's own dense pass,
     * and its accuracy against the labels.
     */
    public record Knee(String setting, double macFraction, double energyFraction, double agreement, double accuracy) {
    }

    /** The train/test split: sizes and the seed of the shuffle (see {@link org.latentledger.data.Split}). */
    public record Split(int train, int test, long seed) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /**
     * @throws IllegalArgumentException when the JSON is not a model card (a JSON file of another
     *                                  kind can sit beside a model under the same name)
     */
    public static ModelCard fromJson(String json) {
        ModelCard c = GSON.fromJson(json, ModelCard.class);
        if (c == null || c.split() == null || c.architecture() == null) {
            throw new IllegalArgumentException("not a model card: no architecture or split");
        }
        return c;
    }
}

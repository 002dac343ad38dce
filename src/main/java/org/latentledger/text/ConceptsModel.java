package org.latentledger.text;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The bundled model of word meaning, {@code concepts}: a bag of words over the vocabulary ->
 * 256 -> 64 -> a latent layer of 32 (ReLU, so the ledger sees its own zeros) -> WordNet's 45
 * categories. A MultiLayerNetwork, so the map, the journey, steering and the ledger all run on it.
 * Trained on every synset's lemmas and gloss by {@link ConceptsTrainer}.
 */
public final class ConceptsModel {

    public static final String NAME = "concepts";
    /** Columns of the bag of words. */
    public static final int VOCABULARY = 8000;
    /** A lemma must occur in this many synsets to get a column. */
    public static final int MIN_DOCUMENTS = 3;
    /** Synsets held out to measure the category accuracy (10%, seeded). */
    public static final int TEST_COUNT = 11_779;
    public static final long SPLIT_SEED = 20_240_601L;
    public static final long TRAIN_SEED = 42L;
    public static final int EPOCHS = 5;
    public static final int BATCH = 128;

    private ConceptsModel() {
    }

    /** The 45 lexicographer files in name order: the label of category i is {@code categories.get(i)}. */
    public static List<String> categories(List<Synset> synsets) {
        return synsets.stream().map(Synset::category).distinct().sorted().toList();
    }

    public static MultiLayerConfiguration configuration(int inputs, int categories) {
        return new NeuralNetConfiguration.Builder()
                .seed(TRAIN_SEED)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(1e-3))
                .l2(1e-5)
                .list()
                .layer(new DenseLayer.Builder().name("words").nIn(inputs).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("topics").nIn(256).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("latent").nIn(64).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).name("category").nIn(32).nOut(categories)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build();
    }
}

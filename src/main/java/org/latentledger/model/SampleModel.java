package org.latentledger.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.latentledger.data.BundledData;
import org.latentledger.data.Hashing;
import org.latentledger.data.ResourceRoot;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The models that ship in sample-models/, with everything needed to reproduce them: data set,
 * split, seeds, epochs and architecture. {@code train-samples} trains them; the model-card test
 * re-evaluates the committed zips on the same split.
 */
public enum SampleModel {

    DIGITS_MLP("digits-mlp", BundledData.DIGITS, Kind.CLASSIFIER, 360, 40, 32),
    DIGITS_AUTOENCODER("digits-autoencoder", BundledData.DIGITS, Kind.AUTOENCODER, 360, 150, 32),
    FASHION_MLP("fashion-mlp", BundledData.FASHION, Kind.CLASSIFIER, 2000, 20, 64),
    FASHION_CNN("fashion-cnn", BundledData.FASHION, Kind.CLASSIFIER, 2000, 12, 64),
    /**
     * A model of word meaning over WordNet, trained by {@code text.ConceptsTrainer} on every synset
     * (its split is over the synsets, not over the bundled sample of them the map shows).
     */
    CONCEPTS("concepts", BundledData.WORDNET, Kind.CLASSIFIER, org.latentledger.text.ConceptsModel.TEST_COUNT,
            org.latentledger.text.ConceptsModel.EPOCHS, org.latentledger.text.ConceptsModel.BATCH),
    /** digits-mlp made economical by {@code economize} (k-WTA on its hidden layers), its contrast in the ledger. */
    DIGITS_MLP_ECONOMICAL("digits-mlp-economical", DIGITS_MLP, "kwta:0.15", 0.25, 15, 1e-3),
    /** fashion-mlp made economical: k-WTA on its hidden layers and its weights pruned. */
    FASHION_MLP_ECONOMICAL("fashion-mlp-economical", FASHION_MLP, "kwta:0.1", 0.06, 10, 1e-3);

    /** Seed of the train/test split, shared by all samples of a data set. */
    public static final long SPLIT_SEED = 20_240_601L;
    /** Seed of weight initialisation and of the order of minibatches. */
    public static final long TRAIN_SEED = 42L;

    public enum Kind { CLASSIFIER, AUTOENCODER }

    private final String fileName;
    private final BundledData data;
    private final Kind kind;
    private final int testCount;
    private final int epochs;
    private final int batchSize;
    private final SampleModel origin;
    private final String method;
    private final Double prune;
    private final double learningRate;

    SampleModel(String fileName, BundledData data, Kind kind, int testCount, int epochs, int batchSize) {
        this.fileName = fileName;
        this.data = data;
        this.kind = kind;
        this.testCount = testCount;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.origin = null;
        this.method = null;
        this.prune = null;
        this.learningRate = 0;
    }

    /** An economical variant: {@code base} fine-tuned by {@code economize} with this method, pruning, epochs and step. */
    SampleModel(String fileName, SampleModel base, String method, Double prune, int epochs, double learningRate) {
        this.fileName = fileName;
        this.data = base.data;
        this.kind = base.kind;
        this.testCount = base.testCount;
        this.epochs = epochs;
        this.batchSize = 64;
        this.origin = base;
        this.method = method;
        this.prune = prune;
        this.learningRate = learningRate;
    }

    /** The model this one was economized from, if it is an economical variant. */
    public Optional<SampleModel> economizes() {
        return Optional.ofNullable(origin);
    }

    /** For an economical variant: its {@code economize} method ("kwta:0.05"), pruned density (or null) and learning rate. */
    public String economyMethod() {
        return method;
    }

    public Double economyPrune() {
        return prune;
    }

    public double economyLearningRate() {
        return learningRate;
    }

    public String fileName() {
        return fileName;
    }

    public String zipPath() {
        return "sample-models/" + fileName + ".zip";
    }

    /** The vocabulary beside a text model's zip ({@code sample-models/concepts.vocab.tsv}). */
    public String vocabularyPath() {
        return "sample-models/" + fileName + ".vocab.tsv";
    }

    /** Whether the model reads text (a bag of words over its vocabulary). */
    public boolean readsText() {
        return data == BundledData.WORDNET;
    }

    public String cardPath() {
        return "sample-models/" + fileName + ".json";
    }

    public BundledData data() {
        return data;
    }

    public Kind kind() {
        return kind;
    }

    public int testCount() {
        return testCount;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The sample called {@code name} ("digits-mlp"), if there is one. */
    public static Optional<SampleModel> find(String name) {
        return Arrays.stream(values()).filter(m -> m.fileName.equals(name)).findFirst();
    }

    /**
     * The sample called {@code name}.
     *
     * @throws IllegalArgumentException naming the samples when there is none of that name
     */
    public static SampleModel byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no sample model named '" + name + "'; the samples are "
                + names()));
    }

    /** The samples' names, comma-separated, for messages and help texts. */
    public static String names() {
        return Arrays.stream(values()).map(SampleModel::fileName).collect(Collectors.joining(", "));
    }

    /**
     * The sample whose bundled zip in {@code files} has this SHA-256: a model file that is a copy
     * of a bundled sample is that sample, data and all. Reads the bundled zips (under 3 MB in all)
     * until one matches; a zip missing from {@code files} matches nothing.
     */
    public static Optional<SampleModel> withHash(String sha256, ResourceRoot files) {
        for (SampleModel m : values()) {
            try {
                if (Hashing.sha256(files.read(m.zipPath())).equals(sha256)) {
                    return Optional.of(m);
                }
            } catch (IOException e) {
                // not bundled there: it is not this sample
            }
        }
        return Optional.empty();
    }

    /** The configuration trained from scratch; an economical variant has none (it is fine-tuned from its base). */
    public MultiLayerConfiguration configuration() {
        if (origin != null) {
            throw new IllegalStateException(fileName + " is made by economizing " + origin.fileName + ", not trained from scratch");
        }
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(TRAIN_SEED)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(1e-3))
                .l2(1e-5);
        return switch (this) {
            case CONCEPTS -> org.latentledger.text.ConceptsModel.configuration(org.latentledger.text.ConceptsModel.VOCABULARY, 45);
            case DIGITS_MLP_ECONOMICAL, FASHION_MLP_ECONOMICAL -> throw new IllegalStateException(fileName + " is economized");
            case DIGITS_MLP -> base.list()
                    .layer(dense("hidden1", 64, 256))
                    .layer(dense("hidden2", 256, 128))
                    .layer(dense("hidden3", 128, 64))
                    .layer(softmax("output", 64, 10))
                    .build();
            case DIGITS_AUTOENCODER -> base.list()
                    .layer(dense("encoder", 64, 32))
                    .layer(new DenseLayer.Builder().name("bottleneck").nIn(32).nOut(8)
                            .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build())
                    .layer(dense("decoder", 8, 32))
                    .layer(new OutputLayer.Builder(LossFunction.MSE).name("reconstruction").nIn(32).nOut(64)
                            .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build())
                    .build();
            case FASHION_MLP -> base.list()
                    .layer(dense("hidden1", 784, 512))
                    .layer(dense("hidden2", 512, 256))
                    .layer(dense("hidden3", 256, 128))
                    .layer(softmax("output", 128, 10))
                    .build();
            case FASHION_CNN -> base.list()
                    .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(16).stride(1, 1)
                            .activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1")
                            .kernelSize(2, 2).stride(2, 2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(32).stride(1, 1)
                            .activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2")
                            .kernelSize(2, 2).stride(2, 2).build())
                    .layer(new DenseLayer.Builder().name("dense").nOut(128).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).name("output").nOut(10)
                            .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                    .setInputType(InputType.convolutionalFlat(28, 28, 1))
                    .build();
        };
    }

    private static DenseLayer dense(String name, int in, int out) {
        return new DenseLayer.Builder().name(name).nIn(in).nOut(out).activation(Activation.RELU).build();
    }

    private static OutputLayer softmax(String name, int in, int out) {
        return new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).name(name).nIn(in).nOut(out)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build();
    }
}

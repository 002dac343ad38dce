package org.latentledger.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Dataset;
import org.latentledger.data.Split;
import org.latentledger.work.Progress;
import org.latentledger.work.Sampling;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link SampleModel} with its fixed seeds and split, and writes the zip (without
 * updater state, to keep it small) and the model card.
 */
public final class SampleTrainer {

    private SampleTrainer() {
    }

    /** The split every sample of this data set uses; the model-card test calls it too. */
    public static Split split(SampleModel sample, Dataset data) {
        return Split.of(data.size(), sample.testCount(), SampleModel.SPLIT_SEED);
    }

    public static ModelCard train(SampleModel sample, Dataset data, Path outDir, Progress progress) throws IOException {
        Nd4jRuntime.configure();
        Nd4j.getRandom().setSeed(SampleModel.TRAIN_SEED);
        Split split = split(sample, data);
        Dataset train = data.subset(split.train(), "-train");
        Dataset test = data.subset(split.test(), "-test");
        MultiLayerNetwork net = new MultiLayerNetwork(sample.configuration());
        net.init();

        long started = System.nanoTime();
        SplittableRandom order = new SplittableRandom(SampleModel.TRAIN_SEED);
        for (int epoch = 0; epoch < sample.epochs(); epoch++) {
            progress.checkCancelled();
            int[] perm = Sampling.permutation(train.size(), order);
            for (int start = 0; start < perm.length; start += sample.batchSize()) {
                int end = Math.min(perm.length, start + sample.batchSize());
                net.fit(batch(sample, train, perm, start, end));
            }
            progress.update((epoch + 1.0) / sample.epochs(), sample.fileName() + ": epoch " + (epoch + 1) + " / " + sample.epochs());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Files.createDirectories(outDir);
        Path zip = outDir.resolve(sample.fileName() + ".zip");
        Path tmp = outDir.resolve(sample.fileName() + ".zip.part");
        ModelSerializer.writeModel(net, tmp.toFile(), false);
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        LoadedModel loaded = ModelLoader.load(sample.fileName(), zip.toString(), Files.readAllBytes(zip));
        ModelCard card = card(sample, data, split, loaded, evaluate(sample, loaded, test), seconds);
        Files.writeString(outDir.resolve(sample.fileName() + ".json"), card.toJson());
        return card;
    }

    /** Test accuracy for classifiers, reconstruction MSE for the autoencoder. */
    public static double evaluate(SampleModel sample, LoadedModel model, Dataset test) {
        float[][] out = ActivationRecorder.predict(model, test.features());
        return sample.kind() == SampleModel.Kind.CLASSIFIER
                ? Evaluation.accuracy(out, test.labels())
                : Evaluation.meanSquaredError(out, test.features());
    }

    private static DataSet batch(SampleModel sample, Dataset train, int[] perm, int start, int end) {
        float[][] x = new float[end - start][];
        for (int i = start; i < end; i++) {
            x[i - start] = train.features()[perm[i]];
        }
        INDArray features = Nd4j.create(x);
        if (sample.kind() == SampleModel.Kind.AUTOENCODER) {
            return new DataSet(features, features);
        }
        float[][] y = new float[end - start][train.classCount()];
        for (int i = start; i < end; i++) {
            y[i - start][train.labels()[perm[i]]] = 1f;
        }
        return new DataSet(features, Nd4j.create(y));
    }

    private static ModelCard card(SampleModel sample, Dataset data, Split split, LoadedModel model, double metric,
                                  double seconds) {
        String architecture = model.inputSize() + "-" + model.layers().stream()
                .filter(l -> !l.type().endsWith("Pool"))
                .map(l -> l.type().equals("Conv2D") ? "conv(" + l.outputShape() + ")" : Long.toString(l.units()))
                .collect(Collectors.joining("-"));
        boolean classifier = sample.kind() == SampleModel.Kind.CLASSIFIER;
        return new ModelCard(sample.fileName(), data.name() + " (" + data.size() + " rows, " + data.source() + ")",
                data.scaling(), new ModelCard.Split(split.train().length, split.test().length, split.seed()),
                SampleModel.TRAIN_SEED, sample.epochs(), sample.batchSize(), "Adam(lr=0.001), L2 1e-5", architecture,
                model.layers(), model.parameterCount(), classifier ? round(metric) : null, classifier ? null : round(metric),
                Math.round(seconds * 10) / 10.0, "Latent Ledger train-samples, Deeplearning4j 1.0.0-M2.1");
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

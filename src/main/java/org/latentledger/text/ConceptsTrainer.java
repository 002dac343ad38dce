package org.latentledger.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Split;
import org.latentledger.economy.SparseForward;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelCard;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.Nd4jRuntime;
import org.latentledger.work.Progress;
import org.latentledger.work.Sampling;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains {@code concepts} on every WordNet synset, seeded: builds the vocabulary, encodes each
 * synset's lemmas and gloss, holds out a seeded 10%, fits {@link ConceptsModel}, and writes the
 * zip (no updater state), the vocabulary ({@code concepts.vocab.tsv}) and the model card with the
 * held-out category accuracy.
 */
public final class ConceptsTrainer {

    private ConceptsTrainer() {
    }

    /** The synsets' rows as sparse columns and values: 117,791 dense rows of 4,000 would be 1.9 GB. */
    record Sparse(int[][] columns, float[][] values) {

        static Sparse of(List<Synset> synsets, BagOfWords words) {
            int[][] c = new int[synsets.size()][];
            float[][] v = new float[synsets.size()][];
            for (int i = 0; i < c.length; i++) {
                float[] row = words.encode(synsets.get(i).text());
                int nnz = 0;
                for (float x : row) {
                    nnz += x != 0 ? 1 : 0;
                }
                c[i] = new int[nnz];
                v[i] = new float[nnz];
                for (int j = 0, k = 0; j < row.length; j++) {
                    if (row[j] != 0) {
                        c[i][k] = j;
                        v[i][k++] = row[j];
                    }
                }
            }
            return new Sparse(c, v);
        }

        float[][] dense(int[] rows, int from, int to, int width) {
            float[][] x = new float[to - from][width];
            for (int r = from; r < to; r++) {
                int i = rows[r];
                for (int k = 0; k < columns[i].length; k++) {
                    x[r - from][columns[i][k]] = values[i][k];
                }
            }
            return x;
        }
    }

    /** The held-out split every run and the model-card test use. */
    public static Split split(int synsets) {
        return Split.of(synsets, ConceptsModel.TEST_COUNT, ConceptsModel.SPLIT_SEED);
    }

    public static ModelCard train(Path outDir, Progress progress) throws IOException {
        Nd4jRuntime.configure();
        Nd4j.getRandom().setSeed(ConceptsModel.TRAIN_SEED);
        WordNet wordNet = WordNet.bundled();
        List<Synset> synsets = wordNet.synsets();
        progress.update(-1, "concepts: vocabulary of " + synsets.size() + " synsets");
        Vocabulary vocabulary = Vocabulary.build(synsets, wordNet, ConceptsModel.VOCABULARY, ConceptsModel.MIN_DOCUMENTS);
        BagOfWords words = new BagOfWords(vocabulary, wordNet);
        progress.update(-1, "concepts: encoding " + synsets.size() + " synsets");
        Sparse rows = Sparse.of(synsets, words);
        List<String> categories = ConceptsModel.categories(synsets);
        int[] labels = synsets.stream().mapToInt(s -> categories.indexOf(s.category())).toArray();
        Split split = split(synsets.size());

        MultiLayerNetwork net = new MultiLayerNetwork(ConceptsModel.configuration(vocabulary.size(), categories.size()));
        net.init();
        long started = System.nanoTime();
        SplittableRandom order = new SplittableRandom(ConceptsModel.TRAIN_SEED);
        int[] train = split.train();
        for (int epoch = 0; epoch < ConceptsModel.EPOCHS; epoch++) {
            int[] perm = Sampling.permutation(train.length, order);
            int[] shuffled = new int[train.length];
            for (int i = 0; i < perm.length; i++) {
                shuffled[i] = train[perm[i]];
            }
            for (int start = 0; start < shuffled.length; start += ConceptsModel.BATCH) {
                progress.checkCancelled();
                int end = Math.min(shuffled.length, start + ConceptsModel.BATCH);
                float[][] y = new float[end - start][categories.size()];
                for (int r = start; r < end; r++) {
                    y[r - start][labels[shuffled[r]]] = 1f;
                }
                net.fit(new DataSet(Nd4j.create(rows.dense(shuffled, start, end, vocabulary.size())), Nd4j.create(y)));
            }
            progress.update((epoch + 1.0) / ConceptsModel.EPOCHS, "concepts: epoch " + (epoch + 1) + " / " + ConceptsModel.EPOCHS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Files.createDirectories(outDir);
        Path zip = outDir.resolve(ConceptsModel.NAME + ".zip");
        Path tmp = outDir.resolve(ConceptsModel.NAME + ".zip.part");
        ModelSerializer.writeModel(net, tmp.toFile(), false);
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        vocabulary.write(outDir.resolve(ConceptsModel.NAME + ".vocab.tsv"));

        LoadedModel loaded = ModelLoader.load(ConceptsModel.NAME, zip.toString(), Files.readAllBytes(zip));
        double accuracy = accuracy(loaded, rows, labels, split.test(), vocabulary.size());
        String architecture = loaded.inputSize() + "-" + loaded.layers().stream().map(l -> Long.toString(l.units()))
                .collect(Collectors.joining("-"));
        ModelCard card = new ModelCard(ConceptsModel.NAME, "WordNet 3.1 synsets: lemmas and gloss as words, lexicographer file as "
                + "category (" + synsets.size() + " rows, " + categories.size() + " categories)",
                "TF-IDF bag of " + vocabulary.size() + " lemmas (WordNet's morphology), unit length",
                new ModelCard.Split(split.train().length, split.test().length, split.seed()), ConceptsModel.TRAIN_SEED,
                ConceptsModel.EPOCHS, ConceptsModel.BATCH, "Adam(lr=0.001), L2 1e-5", architecture, loaded.layers(),
                loaded.parameterCount(), Math.round(accuracy * 1e6) / 1e6, null, Math.round(seconds * 10) / 10.0,
                "Latent Ledger train-samples, Deeplearning4j 1.0.0-M2.1");
        Files.writeString(outDir.resolve(ConceptsModel.NAME + ".json"), card.toJson());
        loaded.close();
        return card;
    }

    /** The category accuracy on the held-out synsets, recomputed from the model and its vocabulary on our kernel (the model-card test). */
    public static double heldOutAccuracy(LoadedModel model, Vocabulary vocabulary) {
        WordNet wordNet = WordNet.bundled();
        List<Synset> synsets = wordNet.synsets();
        List<String> categories = ConceptsModel.categories(synsets);
        int[] test = split(synsets.size()).test();
        BagOfWords words = new BagOfWords(vocabulary, wordNet);
        int right = 0;
        for (int start = 0; start < test.length; start += 1024) {
            int end = Math.min(test.length, start + 1024);
            float[][] x = new float[end - start][];
            for (int r = start; r < end; r++) {
                x[r - start] = words.encode(synsets.get(test[r]).text());
            }
            float[][] out = SparseForward.outputs(model, x);
            for (int r = start; r < end; r++) {
                right += Evaluation.argmax(out[r - start]) == categories.indexOf(synsets.get(test[r]).category()) ? 1 : 0;
            }
        }
        return (double) right / test.length;
    }

    /** Category accuracy over the given synsets, in batches of dense rows. */
    static double accuracy(LoadedModel model, Sparse rows, int[] labels, int[] which, int width) {
        int right = 0;
        for (int start = 0; start < which.length; start += 1024) {
            int end = Math.min(which.length, start + 1024);
            float[][] out = ActivationRecorder.predict(model, rows.dense(which, start, end, width));
            for (int r = start; r < end; r++) {
                right += Evaluation.argmax(out[r - start]) == labels[which[r]] ? 1 : 0;
            }
        }
        return (double) right / which.length;
    }
}

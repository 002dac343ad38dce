package org.latentledger.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.SparseForward;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.text.TextModel;
import org.latentledger.text.WordDecoder;
import org.latentledger.work.Progress;

/**
 * The model of words' own figures, for {@code bench --only concepts}: building the word decoder
 * (every word's one-word pass) on the sparse executor and through DL4J, one decode per layer,
 * and the forward pass of every synset (the {@code wordnet-all} set), sparse and dense.
 */
final class WordsBench {

    private WordsBench() {
    }

    static void run(ResourceRoot root, int repeats, PrintStream out) throws Exception {
        try (LoadedModel model = ModelLoader.load(root, SampleModel.CONCEPTS.zipPath())) {
            TextModel text = TextModel.of(model, root).orElseThrow();
            SparseNetwork net = new SparseNetwork(model);
            double[] sparseDecoder = new double[repeats];
            WordDecoder decoder = null;
            for (int r = -1; r < repeats; r++) {
                long t0 = System.nanoTime();
                decoder = WordDecoder.of(text, net, Progress.NONE);
                if (r >= 0) {
                    sparseDecoder[r] = (System.nanoTime() - t0) / 1e6;
                }
            }
            long t0 = System.nanoTime();
            float[][] words = new float[text.words().vocabulary().size()][];
            for (int i = 0; i < words.length; i++) {
                words[i] = text.words().encodeWord(i);
            }
            for (int from = 0; from < words.length; from += 1000) {
                ActivationRecorder.record(model, java.util.Arrays.copyOfRange(words, from, Math.min(words.length, from + 1000)),
                        Progress.NONE);
            }
            double denseDecoder = (System.nanoTime() - t0) / 1e6;
            out.println();
            out.println("| concepts: what | figure |");
            out.println("|---|---|");
            out.printf(Locale.ROOT, "| word decoder: %,d one-word passes, sparse executor | %.0f ms (median of %d; min %.0f, max %.0f) |%n",
                    words.length, Timing.median(sparseDecoder), repeats, min(sparseDecoder), max(sparseDecoder));
            out.printf(Locale.ROOT, "| the same through DL4J (dense one-hot rows, 1,000 a batch) | %.0f ms (one run) |%n", denseDecoder);
            float[] query = text.words().encode("why do leaves change colour in autumn");
            List<float[]> states = net.run(query, new org.latentledger.economy.SparsityPolicy.NaturalZeros()).activations();
            for (int l = 0; l < states.size(); l++) {
                double[] ms = new double[Math.max(repeats, 20)];
                for (int r = -3; r < ms.length; r++) {
                    long d0 = System.nanoTime();
                    decoder.decode(l, states.get(l), 8);
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - d0) / 1e6;
                    }
                }
                out.printf(Locale.ROOT, "| decode at %s (%d units): 8 nearest of %,d words | %.2f ms (median of %d; min %.2f, max %.2f) |%n",
                        model.layers().get(l).name(), states.get(l).length, words.length, Timing.median(ms), ms.length, min(ms), max(ms));
            }
            long a0 = System.nanoTime();
            Dataset all = BundledData.WORDNET_ALL.load(root);
            double read = (System.nanoTime() - a0) / 1e3;
            long s0 = System.nanoTime();
            List<LayerActivations> sparse = SparseForward.record(model, all.features(), Progress.NONE).orElseThrow();
            double sparseAll = (System.nanoTime() - s0) / 1e9;
            long d0 = System.nanoTime();
            List<LayerActivations> dense = ActivationRecorder.record(model, all.features(), Progress.NONE);
            double denseAll = (System.nanoTime() - d0) / 1e9;
            out.printf(Locale.ROOT, "| `wordnet-all`: read and encode %,d synsets | %.1f s |%n", all.size(), read / 1e6);
            out.printf(Locale.ROOT, "| forward pass of all %,d synsets, every layer: sparse executor / DL4J dense batches | %.1f s / %.1f s "
                    + "(one run each; %d layers recorded) |%n", all.size(), sparseAll, denseAll, Math.min(sparse.size(), dense.size()));
        }
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}

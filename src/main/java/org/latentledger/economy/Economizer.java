package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentledger.data.Dataset;
import org.latentledger.model.ModelCard;
import org.latentledger.model.SequentialNetwork;
import org.latentledger.model.LoadedModel;
import org.latentledger.work.Progress;
import org.latentledger.work.Sampling;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes a copy of a classifier economical by fine-tuning it for sparse activation: every hidden
 * dense layer becomes k-winners-take-all ({@link KWinners}) and the copy is trained on, from the
 * original's weights, so that it keeps its task with few units on. Seeded: the same model, data,
 * method and seed give the same weights. The original is not touched.
 */
public final class Economizer {

    /** Batch of the fine-tuning. */
    static final int BATCH = 64;
    /** The agreement a knee keeps. */
    public static final double KNEE_AGREEMENT = 0.99;

    /**
     * How to economize: k-WTA keeping {@code fraction} of each hidden layer's units, or, when
     * {@code l1} is not null, an L1 penalty of that weight on the hidden ReLU layers' activations
     * instead; and, when {@code density} is not null, magnitude pruning of the hidden layers'
     * weights to that share.
     */
    public record Plan(double fraction, Double density, int epochs, long seed, double learningRate, Double l1) {

        /** Adam's step for fine-tuning (the bundled models were trained at 1e-3). */
        public static final double LEARNING_RATE = 1e-4;

        public Plan {
            new KWinners(fraction); // checks the range
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("--lr must be positive, not " + learningRate);
            }
            if (density != null && !(density > 0 && density <= 1)) {
                throw new IllegalArgumentException("--prune is the share of weights kept, in (0, 1], not " + density);
            }
            if (l1 != null && !(l1 > 0)) {
                throw new IllegalArgumentException("l1:LAMBDA needs a positive LAMBDA, not " + l1);
            }
        }

        public Plan(double fraction, int epochs, long seed) {
            this(fraction, null, epochs, seed, LEARNING_RATE, null);
        }

        public Plan pruned(Double keep) {
            return new Plan(fraction, keep, epochs, seed, learningRate, l1);
        }

        public Plan withLearningRate(double lr) {
            return new Plan(fraction, density, epochs, seed, lr, l1);
        }

        /** "kwta:0.05" or "kwta:5%" (k-winners-take-all), or "l1:LAMBDA" (an L1 penalty on the activations). */
        public static Plan parse(String method, int epochs, long seed) {
            String m = method.strip().toLowerCase(Locale.ROOT);
            if (m.startsWith("kwta:")) {
                String f = m.substring(5);
                double fraction = f.endsWith("%") ? Double.parseDouble(f.substring(0, f.length() - 1)) / 100 : Double.parseDouble(f);
                return new Plan(fraction, epochs, seed);
            }
            if (m.startsWith("l1:")) {
                return new Plan(1, null, epochs, seed, LEARNING_RATE, Double.parseDouble(m.substring(3)));
            }
            throw new IllegalArgumentException("--method is kwta:F (a share of units, e.g. kwta:0.05 or kwta:5%) or l1:LAMBDA "
                    + "(e.g. l1:0.001), not '" + method + "'");
        }

        public String spec() {
            return (l1 != null ? "l1:" + l1 : "kwta:" + fraction) + (density == null ? "" : "+prune:" + density);
        }
    }

    private Economizer() {
    }

    /**
     * The fine-tuned copy. Only layer-by-layer classifiers: every hidden {@code DenseLayer} becomes
     * k-WTA (convolutions and the output layer keep their activation).
     *
     * @throws IllegalArgumentException naming what the model lacks
     */
    public static MultiLayerNetwork fineTune(LoadedModel original, Dataset train, Plan plan, Progress progress) {
        if (!(original.network() instanceof SequentialNetwork seq)) {
            throw new IllegalArgumentException("economize fine-tunes layer-by-layer networks (MultiLayerNetwork); " + original.name()
                    + " is a " + original.network().structure());
        }
        if (!train.isLabelled() || train.classCount() < 2) {
            throw new IllegalArgumentException("economize keeps a classifier's task: " + train.source() + " has no class labels");
        }
        MultiLayerNetwork source = seq.network();
        MultiLayerConfiguration conf = source.getLayerWiseConfigurations().clone();
        int hidden = 0;
        for (int i = 0; i + 1 < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof DenseLayer d) {
                if (plan.l1() == null) {
                    d.setActivationFn(new KWinners(plan.fraction()));
                } else if (d.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationReLU) {
                    d.setActivationFn(new L1ReLU(plan.l1()));
                } else {
                    throw new IllegalArgumentException("l1:LAMBDA penalises ReLU activations; " + original.name() + "'s layer "
                            + (d.getLayerName() == null ? i : d.getLayerName()) + " is " + d.getActivationFn());
                }
                hidden++;
            }
            conf.getConf(i).setSeed(plan.seed());
        }
        // Fine-tuning starts from trained weights: a tenth of a fresh training's step keeps what they know.
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
                b.setIUpdater(new org.nd4j.linalg.learning.config.Adam(plan.learningRate()));
            }
        }
        if (hidden == 0) {
            throw new IllegalArgumentException(original.name() + " has no hidden dense layer to make k-winners-take-all");
        }
        Nd4j.getRandom().setSeed(plan.seed());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init(source.params().dup(), true);
        int outputs = (int) source.getLayer(source.getnLayers() - 1).getParam("b").length();
        SplittableRandom order = new SplittableRandom(plan.seed());
        List<Pruning.Mask> masks = List.of();
        for (int epoch = 0; epoch < plan.epochs(); epoch++) {
            if (plan.density() != null) {
                // Pruned gradually over the first half of the epochs, then held while the rest recover the task.
                int ramp = Math.max(1, (plan.epochs() + 1) / 2);
                double keep = 1 - (1 - plan.density()) * Math.min(1.0, (epoch + 1.0) / ramp);
                masks = Pruning.prune(net, keep);
            }
            int[] perm = Sampling.permutation(train.size(), order);
            for (int start = 0; start < perm.length; start += BATCH) {
                progress.checkCancelled();
                int end = Math.min(perm.length, start + BATCH);
                float[][] x = new float[end - start][];
                float[][] y = new float[end - start][outputs];
                for (int i = start; i < end; i++) {
                    x[i - start] = train.features()[perm[i]];
                    int label = train.labels()[perm[i]];
                    if (label >= 0 && label < outputs) {
                        y[i - start][label] = 1f;
                    }
                }
                net.fit(new DataSet(Nd4j.create(x), Nd4j.create(y)));
                masks.forEach(Pruning.Mask::apply); // a pruned weight stays zero whatever the update did
                progress.update((epoch + (double) end / perm.length) / plan.epochs(),
                        String.format(Locale.ROOT, "Economizing: epoch %d / %d", epoch + 1, plan.epochs()));
            }
        }
        if (plan.l1() != null) {
            // The penalty was for training: the model saved is a plain ReLU network any DL4J opens.
            for (int i = 0; i < conf.getConfs().size(); i++) {
                if (conf.getConf(i).getLayer() instanceof DenseLayer d && d.getActivationFn() instanceof L1ReLU) {
                    d.setActivationFn(new org.nd4j.linalg.activations.impl.ActivationReLU());
                }
            }
        }
        return net;
    }

    /**
     * The cheapest setting over every policy (natural zeros, top-k, threshold, latent-routed) that
     * keeps {@link #KNEE_AGREEMENT} agreement with the model's own dense pass on the data; null when
     * none does. Economizing keeps every layer's shape, so the model's dense MACs and energy are the
     * original's and the fractions are of the original's dense pass.
     */
    public static ModelCard.Knee knee(SparseNetwork net, Dataset test, EnergyModel energy, int steps, Progress progress) {
        List<List<SparsityPolicy>> sweeps = new ArrayList<>();
        sweeps.add(List.of(new SparsityPolicy.NaturalZeros()));
        sweeps.add(Frontier.settings("topk", steps, 0, 16));
        sweeps.add(Frontier.settings("threshold", steps, Frontier.thresholdRange(net, test.features()), 16));
        sweeps.add(Frontier.settings("routed", steps, 0, 16));
        Frontier.Point best = null;
        for (List<SparsityPolicy> settings : sweeps) {
            Frontier.Result r = Frontier.sweep(net, test.features(), test.labels(), settings, KNEE_AGREEMENT, energy, progress);
            if (r.knee() != null && (best == null || r.knee().macFraction() < best.macFraction())) {
                best = r.knee();
            }
        }
        return best == null ? null : new ModelCard.Knee(best.policy().spec(), best.macFraction(), best.energyFraction(), best.agreement(),
                best.accuracy());
    }
}

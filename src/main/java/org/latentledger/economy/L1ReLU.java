package org.latentledger.economy;

import java.util.Locale;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ReLU whose backward pass adds the gradient of an L1 penalty on its own outputs, lambda times the
 * sum of a layer's activations per example: training pushes units to exactly zero. Used only while
 * economizing; the saved model has plain ReLU in its place (the forward passes are the same).
 */
public final class L1ReLU extends BaseActivationFunction {

    private double lambda;

    /** For DL4J's JSON (the activation is replaced before a model is saved). */
    public L1ReLU() {
        this(1e-3);
    }

    public L1ReLU(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return Transforms.relu(in, false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // d/dz of loss + lambda * sum(relu(z)), the loss averaged over the minibatch as DL4J's scores are.
        INDArray on = in.gt(0).castTo(epsilon.dataType());
        double perExample = lambda / Math.max(1, in.size(0));
        INDArray dLdz = epsilon.add(perExample).muli(on);
        return new Pair<>(dLdz, null);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "relu+l1(%s)", lambda);
    }
}

package org.latentledger.model;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * "Move along the axis, decode": replaces one layer's activation a by a + alpha u and runs the
 * rest of the network from there. For a convolutional layer mapped by channel means, u has one
 * entry per channel and is added to every unit of that channel, which moves each channel's mean
 * by exactly alpha u_c.
 */
public final class Steering {

    private Steering() {
    }

    /**
     * @param direction a unit vector in the layer's (mapped) activation space
     * @return the network's output after the change; with alpha = 0, its ordinary output
     */
    public static float[] steer(LoadedModel model, float[] input, int layer, double[] direction, double alpha) {
        Network net = model.network();
        INDArray batch = ActivationRecorder.toBatch(net.input(), new float[][] {input});
        List<INDArray> acts = net.forward(batch);
        INDArray a = acts.get(layer).castTo(DataType.FLOAT).dup();
        if (alpha != 0) {
            long units = a.length();
            if (direction.length == units) {
                INDArray delta = Nd4j.create(toFloats(direction, alpha)).reshape(a.shape());
                a.addi(delta);
            } else if (a.rank() == 4) {
                int channelAxis = net.channelsLast(layer) ? 3 : 1;
                if (direction.length != a.size(channelAxis)) {
                    throw new IllegalArgumentException("an axis of " + direction.length + " values does not fit layer "
                            + model.layers().get(layer).name() + " (" + a.size(channelAxis) + " channels, " + units + " units)");
                }
                INDArray perChannel = Nd4j.create(toFloats(direction, alpha));
                INDArray shaped = channelAxis == 1 ? perChannel.reshape(1, direction.length, 1, 1) : perChannel.reshape(1, 1, 1, direction.length);
                a.addi(shaped.broadcast(a.shape()));
            } else {
                throw new IllegalArgumentException("an axis of " + direction.length + " values does not fit layer "
                        + model.layers().get(layer).name() + " (" + units + " units)");
            }
        }
        INDArray out = net.forwardFrom(layer, a, batch); // what crosses the layer (a residual) comes from the query
        return out.castTo(DataType.FLOAT).reshape(out.length()).toFloatVector();
    }

    private static float[] toFloats(double[] v, double alpha) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (alpha * v[i]);
        }
        return out;
    }
}

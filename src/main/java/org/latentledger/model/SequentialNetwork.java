package org.latentledger.model;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J MultiLayerNetwork: a chain of layers. */
public final class SequentialNetwork implements Network {

    private final MultiLayerNetwork net;
    private final InputSpec input;
    private final List<LayerInfo> layers;
    private final boolean[] channelsLast;

    public SequentialNetwork(MultiLayerNetwork net, InputType inputType) {
        this.net = net;
        this.input = LayerTable.spec(inputType);
        List<InputType> outputs = net.getLayerWiseConfigurations().getLayerActivationTypes(inputType);
        this.layers = LayerTable.of(net, inputType, outputs);
        this.channelsLast = new boolean[layers.size()];
        for (int i = 0; i < outputs.size(); i++) {
            channelsLast[i] = outputs.get(i) instanceof InputType.InputTypeConvolutional c && c.getFormat() == CNN2DFormat.NHWC;
        }
    }

    /** A network whose input type can be read from its own configuration. */
    public SequentialNetwork(MultiLayerNetwork net) {
        this(net, LayerTable.inputType(net));
    }

    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public String structure() {
        return "MultiLayerNetwork";
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public List<LayerInfo> layers() {
        return layers;
    }

    @Override
    public List<INDArray> forward(INDArray batch) {
        List<INDArray> acts = net.feedForward(batch, false);
        return acts.subList(1, acts.size()); // element 0 is the input itself
    }

    @Override
    public INDArray forwardFrom(int layer, INDArray activation) {
        int last = layers.size() - 1;
        if (layer == last) {
            return activation;
        }
        // As activateSelectedLayers does, but also for a single remaining layer (which it refuses).
        int batch = (int) activation.size(0);
        net.setInputMiniBatchSize(batch);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        INDArray res = activation;
        for (int i = layer + 1; i <= last; i++) {
            org.deeplearning4j.nn.conf.InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                res = pre.preProcess(res, batch, mgr);
            }
            res = net.getLayer(i).activate(res, false, mgr);
        }
        return res;
    }

    @Override
    public INDArray output(INDArray batch) {
        return net.output(batch, false);
    }

    @Override
    public boolean channelsLast(int layer) {
        return channelsLast[layer];
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public void close() {
        var updater = net.getUpdater(false);
        NativeRelease.close(net.params(), net.getFlattenedGradients(), updater == null ? null : updater.getStateViewArray());
    }
}

package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.OnnxNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The stages of an ONNX graph: a Gemm or MatMul row with weights in the file on our kernel, every
 * other row (convolutions, pooling, batch norm, merges, any operator ONNX Runtime runs) by ONNX
 * Runtime on the (sparsified) outputs of the rows it reads.
 */
final class OnnxStages {

    private OnnxStages() {
    }

    static List<Stage> of(OnnxNetwork net, List<LayerInfo> table) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            int[] from = net.rowInputs(i);
            var dense = from.length == 1 ? net.denseRow(i) : java.util.Optional.<OnnxNetwork.DenseRow>empty();
            if (dense.isPresent()) {
                OnnxNetwork.DenseRow d = dense.get();
                stages.add(Stage.Dense.of(table.get(i), from, d.w(), d.b(), activation(d.activation())));
            } else {
                var conv = net.convRow(i);
                stages.add(new Stage.Onnx(table.get(i), from, net, i, conv.orElse(null), table.get(i).parameters()));
            }
        }
        return stages;
    }

    static IActivation activation(String name) {
        return switch (name) {
            case "relu" -> new ActivationReLU();
            case "sigmoid" -> new ActivationSigmoid();
            case "tanh" -> new ActivationTanH();
            case "softmax" -> new ActivationSoftmax();
            default -> new ActivationIdentity();
        };
    }
}

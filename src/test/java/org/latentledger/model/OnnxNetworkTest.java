package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.work.Progress;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ONNX models built by hand: the table, the counts and the values against hand computation. */
class OnnxNetworkTest {

    @TempDir
    Path dir;

    private LoadedModel open(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name + ".onnx");
        Files.write(f, bytes);
        return ModelLoader.load(f);
    }

    @Test
    void anMlpHasOneRowPerLayerWithItsActivationFoldedIn() throws Exception {
        try (LoadedModel m = open("mlp", OnnxTestModels.mlp())) {
            assertEquals("ONNX", m.kind());
            assertEquals(InputSpec.vector(4), m.input());
            List<LayerInfo> t = m.layers();
            assertEquals(2, t.size(), t.toString());
            assertEquals(new LayerInfo(0, "fc1", "Dense", "4", "3", 3, 12 + 3, "relu", 12), t.get(0));
            assertEquals(new LayerInfo(1, "fc2", "Output", "3", "2", 2, 6 + 2, "softmax", 6), t.get(1));
            assertEquals(12 + 3 + 6 + 2, m.network().parameterCount());
        }
    }

    @Test
    void theActivationsAreTheHandComputedOnes() throws Exception {
        try (LoadedModel m = open("mlp", OnnxTestModels.mlp())) {
            INDArray x = Nd4j.createFromArray(new float[][] {{1, 2, 3, 4}, {-1, 0, 0, 1}});
            List<INDArray> acts = m.network().forward(x);
            // z1 = W1 x + b1: (1-3+8+0.5, 2+3-4-0.5, 2-4+4) = (6.5, 0.5, 2); second row (-1+2+0.5, -1-0.5, -2+1) = (1.5, -1.5, -1)
            assertArrayEquals(new float[] {6.5f, 0.5f, 2, 1.5f, 0, 0}, acts.get(0).data().asFloat(), 1e-6f);
            // z2 = h W2 + b2 = (6.5 + 0.25 - 2 + 0.1, -6.5 + 4 - 0.1) = (4.85, -2.6)
            double e1 = Math.exp(4.85);
            double e2 = Math.exp(-2.6);
            assertEquals(e1 / (e1 + e2), acts.get(1).getDouble(0, 0), 1e-6);
            assertEquals(acts.get(1).getDouble(1, 1), m.network().output(x).getDouble(1, 1), 1e-7);
            // Resuming from the first row gives the output of the rest.
            INDArray rest = m.network().forwardFrom(0, acts.get(0));
            assertEquals(acts.get(1).getDouble(0, 0), rest.getDouble(0, 0), 1e-6);
        }
    }

    @Test
    void aConvolutionsMacsAreCountedExactly() throws Exception {
        try (LoadedModel m = open("cnn", OnnxTestModels.cnn())) {
            assertEquals(InputSpec.image(5, 5, 1, false, false), m.input());
            List<LayerInfo> t = m.layers();
            assertEquals(List.of("Conv2D", "MaxPool", "Output"), t.stream().map(LayerInfo::type).toList());
            // 2 filters x 5 x 5 outputs (pads 1), each 1 x 3 x 3 weights: 450
            assertEquals(new LayerInfo(0, "conv", "Conv2D", "1x5x5", "2x5x5", 50, 18 + 2, "relu", 450), t.get(0));
            assertEquals(new LayerInfo(1, "pool", "MaxPool", "2x5x5", "2x2x2", 8, 0, "-", 0), t.get(1));
            assertEquals(new LayerInfo(2, "fc", "Output", "8", "3", 3, 24 + 3, "-", 24), t.get(2));
            INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 5, 5);
            List<INDArray> acts = m.network().forward(x);
            assertArrayEquals(new long[] {3, 2, 5, 5}, acts.get(0).shape());
            // The centre output of filter 0 at (2, 2): the 3x3 window times the kernel, plus its bias.
            double sum = 0.1;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sum += x.getDouble(0, 0, 1 + i, 1 + j) * ((i * 3 + j) % 5 - 2);
                }
            }
            assertEquals(Math.max(0, sum), acts.get(0).getDouble(0, 0, 2, 2), 1e-5);
        }
    }

    @Test
    void aResidualAddIsARowAndSteeringAcrossItTakesTheSkipFromTheQuery() throws Exception {
        try (LoadedModel m = open("residual", OnnxTestModels.residual())) {
            assertEquals(List.of("Dense", "Add", "Output"), m.layers().stream().map(LayerInfo::type).toList());
            assertEquals(0, m.layers().get(1).denseMacs(), "a merge costs no MACs");
            INDArray x = Nd4j.createFromArray(new float[][] {{1, 2, 3}});
            List<INDArray> acts = m.network().forward(x);
            // h = relu(1, 4, -3) = (1, 4, 0); s = h + x = (2, 6, 3); out = (11, -4)
            assertArrayEquals(new float[] {2, 6, 3}, acts.get(1).data().asFloat(), 1e-6f);
            assertArrayEquals(new float[] {11, -4}, acts.get(2).data().asFloat(), 1e-6f);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> m.network().forwardFrom(0, acts.get(0)));
            assertTrue(e.getMessage().contains("input"), e.getMessage());
            // Steering resumes with the query: h' = h + (1, 0, 0) = (2, 4, 0), s' = h' + x = (3, 6, 3), out = V s' = (12, -3).
            INDArray moved = acts.get(0).dup().addi(Nd4j.createFromArray(new float[][] {{1, 0, 0}}));
            assertArrayEquals(new float[] {12, -3}, m.network().forwardFrom(0, moved, x).data().asFloat(), 1e-6f);
            assertArrayEquals(new float[] {11, -4}, m.network().forwardFrom(0, acts.get(0), x).data().asFloat(), 1e-6f,
                    "unmoved, the ordinary output");
            assertArrayEquals(new float[] {11, -4}, m.network().forwardFrom(1, acts.get(1)).data().asFloat(), 1e-6f,
                    "after the merge the rest runs alone");
        }
    }

    @Test
    void aModelStopsBeforeAnOperatorOnnxRuntimeLacksAndSaysSo() throws Exception {
        onnx.Onnx.ModelProto m = onnx.Onnx.ModelProto.parseFrom(OnnxTestModels.mlp());
        onnx.Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        g.setNode(1, g.getNode(1).toBuilder().setOpType("Gelux"));
        Path f = dir.resolve("custom.onnx");
        Files.write(f, m.toBuilder().setGraph(g).build().toByteArray());
        try (LoadedModel part = ModelLoader.load(f)) {
            String why = part.network().limitation().orElseThrow();
            assertTrue(why.contains("stops before node 'relu1' (operator Gelux, which ONNX Runtime does not implement)"), why);
            assertEquals(List.of("fc1"), part.layers().stream().map(LayerInfo::name).toList(), "the rows before it, and none after");
            float[][] x = {{-1, 0, 0, 1}};
            // z1 = W1 x + b1 = (1.5, -1.5, -1): the Gemm's own output, its Relu cut away with the rest
            assertArrayEquals(new float[] {1.5f, -1.5f, -1}, ActivationRecorder.record(part, x, Progress.NONE).getFirst().values()[0], 1e-5f);
            UnsupportedOperationException noAnswer = assertThrows(UnsupportedOperationException.class,
                    () -> ActivationRecorder.predict(part, x));
            assertTrue(noAnswer.getMessage().contains("Gelux"), noAnswer.getMessage());
            UnsupportedOperationException noLedger = assertThrows(UnsupportedOperationException.class,
                    () -> new org.latentledger.economy.SparseNetwork(part));
            assertTrue(noLedger.getMessage().contains("opened in part"), noLedger.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> part.network().forwardFrom(0, Nd4j.create(new float[][] {{1, 0, 0}})),
                    "no steering: the rest of the model is not there");
            assertEquals(12 + 3, part.network().parameterCount(), "the part's own weights: fc2's are not counted");
            assertEquals("Dense", part.layers().getFirst().type(), "its last row is not the model's output");
        }
    }

    @Test
    void anOperatorOfAnotherDomainIsFoundToo() throws Exception {
        onnx.Onnx.ModelProto m = onnx.Onnx.ModelProto.parseFrom(OnnxTestModels.mlp());
        onnx.Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        g.setNode(1, g.getNode(1).toBuilder().setOpType("Mystery").setDomain("com.example"));
        Path f = dir.resolve("domain.onnx");
        Files.write(f, m.toBuilder().setGraph(g).addOpsetImport(onnx.Onnx.OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))
                .build().toByteArray());
        try (LoadedModel part = ModelLoader.load(f)) {
            assertTrue(part.network().limitation().orElseThrow().contains("node 'relu1' (operator Mystery"), part.network().limitation().get());
        }
    }

    @Test
    void anOperatorLackedByTheFirstNodeLeavesNothingAndIsNamed() throws Exception {
        onnx.Onnx.ModelProto m = onnx.Onnx.ModelProto.parseFrom(OnnxTestModels.mlp());
        onnx.Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        g.setNode(0, g.getNode(0).toBuilder().setOpType("Gemmx"));
        Path f = dir.resolve("first.onnx");
        Files.write(f, m.toBuilder().setGraph(g).build().toByteArray());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(f));
        assertTrue(e.getMessage().contains("node 'fc1' uses the operator Gemmx"), e.getMessage());
        assertTrue(e.getMessage().contains("first.onnx"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsNamedAsSuch() throws Exception {
        byte[] whole = OnnxTestModels.mlp();
        Path f = dir.resolve("cut.onnx");
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length / 2));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(f));
        assertTrue(e.getMessage().contains("cut.onnx"), e.getMessage());
    }
}

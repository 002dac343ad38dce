package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.OnnxWriter;
import org.latentledger.model.SampleModel;

/**
 * The bundled fashion-cnn and its ONNX twin (the same weights written as an ONNX graph): the same
 * table, the same outputs and the same ledger, layer by layer, counted by two different executors.
 */
class OnnxTwinTest {

    @TempDir
    Path dir;

    @Test
    void theTwinHasTheSameTableOutputsAndCounts() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel dl4j = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            Path f = dir.resolve("fashion-cnn.onnx");
            Files.write(f, OnnxWriter.write(dl4j));
            Dataset data = SampleModel.FASHION_CNN.data().load(root);
            try (LoadedModel onnx = ModelLoader.load(f)) {
                List<LayerInfo> a = dl4j.layers();
                List<LayerInfo> b = onnx.layers();
                assertEquals(a.size(), b.size());
                for (int l = 0; l < a.size(); l++) {
                    assertEquals(a.get(l).denseMacs(), b.get(l).denseMacs(), "dense MACs of " + a.get(l).name());
                    assertEquals(a.get(l).parameters(), b.get(l).parameters(), "parameters of " + a.get(l).name());
                    assertEquals(a.get(l).units(), b.get(l).units(), "units of " + a.get(l).name());
                }
                SparseNetwork x = new SparseNetwork(dl4j);
                SparseNetwork y = new SparseNetwork(onnx);
                for (SparsityPolicy p : List.of(new SparsityPolicy.Dense(), new SparsityPolicy.NaturalZeros(), new SparsityPolicy.TopK(0, 0.2))) {
                    for (int i = 0; i < 5; i++) {
                        float[] q = data.features()[i * 97];
                        Pass px = x.run(q, p);
                        Pass py = y.run(q, p);
                        assertArrayEquals(px.output(), py.output(), 1e-4f, p + " query " + i);
                        for (int l = 0; l < a.size(); l++) {
                            assertEquals(px.costs().get(l).effectiveMacs(), py.costs().get(l).effectiveMacs(), p + " MACs of layer " + l);
                            assertEquals(px.costs().get(l).weightsRead(), py.costs().get(l).weightsRead(), p + " reads of layer " + l);
                        }
                    }
                }
            }
        }
    }
}

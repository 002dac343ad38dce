package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Models exported by PyTorch 1.13's {@code torch.onnx.export} (src/test/python/export_onnx_fixtures.py):
 * every row's activations and the output equal what PyTorch computed, to 1e-5.
 */
class OnnxFixturesTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(OnnxFixturesTest.class.getResource("/onnx/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn", "residual", "batchnorm", "batchnorm_folded", "external", "unsupported"})
    void everyRowAndTheOutputEqualPyTorchs(String name) throws Exception {
        JsonObject expected = JsonParser.parseString(Files.readString(fixture(name + ".json"))).getAsJsonObject();
        try (LoadedModel m = ModelLoader.load(fixture(name + ".onnx"))) {
            JsonArray inputs = expected.getAsJsonArray("inputs");
            float[][] x = new float[inputs.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = floats(inputs.get(i).getAsJsonArray());
            }
            INDArray batch = Nd4j.create(x).reshape(m.input().batchShape(x.length));
            INDArray out = m.network().output(batch);
            JsonArray outputs = expected.getAsJsonArray("outputs");
            for (int i = 0; i < x.length; i++) {
                assertClose(floats(outputs.get(i).getAsJsonArray()), out.slice(i).dup().data().asFloat(), name + " output " + i);
            }
            List<INDArray> acts = m.network().forward(batch);
            JsonObject inter = expected.getAsJsonObject("intermediates");
            int samples = expected.get("intermediate_samples").getAsInt();
            int checked = 0;
            OnnxGraph graph = ((OnnxNetwork) m.network()).graph();
            for (int l = 0; l < acts.size(); l++) {
                String tensor = graph.rows.get(l).output();
                if (!inter.has(tensor)) {
                    continue;
                }
                for (int i = 0; i < samples; i++) {
                    assertClose(floats(inter.getAsJsonArray(tensor).get(i).getAsJsonArray()), acts.get(l).slice(i).dup().data().asFloat(),
                            name + " row " + l + " (" + tensor + ") sample " + i);
                }
                checked++;
            }
            assertEquals(acts.size(), checked, "every row of " + name + " was compared");
        }
    }

    private static float[] floats(JsonArray a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsFloat();
        }
        return v;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-5 * Math.max(1, Math.abs(expected[i])),
                    what + " [" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}

package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Progress;

/**
 * Keras files written by src/test/keras/make_keras_fixtures.py: the imported networks must give
 * the outputs the generator computed with NumPy.
 */
class KerasImportTest {

    private static final Path DIR = Path.of("src/test/resources/keras");
    private static JsonObject expected;

    @BeforeAll
    static void readExpected() throws Exception {
        expected = JsonParser.parseString(Files.readString(DIR.resolve("expected.json"))).getAsJsonObject();
    }

    @Test
    void sequentialMlpGivesTheGeneratorsOutputs() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("mlp.h5"))) {
            assertEquals("Keras", m.kind());
            assertEquals("MultiLayerNetwork", m.network().structure());
            assertEquals(10, m.inputSize());
            assertEquals(List.of("hidden", "dropout", "squash", "out"), m.layers().stream().map(LayerInfo::name).toList());
            assertEquals(10 * 16, m.layer("hidden").denseMacs());
            assertEquals(10 * 16 + 16, m.layer("0").parameters());
            JsonObject e = expected.getAsJsonObject("mlp.h5");
            float[][] x = matrix(e.getAsJsonArray("inputs"));
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, x), 1e-5);
            List<LayerActivations> acts = ActivationRecorder.record(m, x, Progress.NONE);
            assertClose(matrix(e.getAsJsonArray("hidden")), acts.get(0).values(), 1e-5);
        }
    }

    @Test
    void dropoutIsListedWithoutAnActivation() throws Exception {
        // DL4J's DropoutLayer carries a default sigmoid it never applies; the outputs above match NumPy without one.
        try (LoadedModel m = ModelLoader.load(DIR.resolve("mlp.h5"))) {
            LayerInfo dropout = m.layer("dropout");
            assertEquals("Dropout", dropout.type());
            assertEquals("-", dropout.activation());
            assertEquals(0, dropout.denseMacs());
            assertEquals("tanh", m.layer("squash").activation());
        }
    }

    @Test
    void channelsLastCnnGivesTheGeneratorsOutputs() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("cnn.h5"))) {
            assertEquals(new InputSpec(64, 8, 8, 1, true, false), m.input());
            LayerInfo conv = m.layers().getFirst();
            assertEquals("Conv2D", conv.type());
            assertEquals("6x6x4", conv.outputShape());
            assertEquals(6 * 6 * 4 * 3 * 3 * 1, conv.denseMacs());
            JsonObject e = expected.getAsJsonObject("cnn.h5");
            float[][] x = matrix(e.getAsJsonArray("inputs"));
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, x), 1e-5);
            LayerActivations convActs = ActivationRecorder.record(m, x, Progress.NONE).getFirst();
            assertEquals(4, convActs.channels());
            assertTrue(convActs.channelsLast());
            // Mean of channel 2 over the 6x6 map, recounted from the channels-last layout.
            double sum = 0;
            for (int k = 2; k < 144; k += 4) {
                sum += convActs.values()[1][k];
            }
            assertEquals(sum / 36, convActs.perChannelMean()[1][2], 1e-5);
        }
    }

    @Test
    void functionalModelWithTwoBranchesBecomesAGraph() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("branches.h5"))) {
            assertEquals("ComputationGraph", m.network().structure());
            List<String> names = m.layers().stream().map(LayerInfo::name).toList();
            assertTrue(names.containsAll(List.of("trunk", "left", "right", "join", "out")), names.toString());
            LayerInfo join = m.layer("join");
            assertEquals(8, join.units());
            assertEquals(0, join.denseMacs());
            JsonObject e = expected.getAsJsonObject("branches.h5");
            float[][] x = matrix(e.getAsJsonArray("inputs"));
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, x), 1e-5);
            List<LayerActivations> acts = ActivationRecorder.record(m, x, Progress.NONE);
            assertClose(matrix(e.getAsJsonArray("join")), acts.get(join.index()).values(), 1e-5);
        }
    }

    @Test
    void unsupportedLayerIsNamed() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(DIR.resolve("unsupported-lstm.h5")));
        assertTrue(e.getMessage().contains("layer 'memory' of type LSTM, which is not supported"), e.getMessage());
    }

    @Test
    void hdf5WithoutModelConfigIsNotAKerasModel() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(DIR.resolve("weights-only.h5")));
        assertTrue(e.getMessage().contains("HDF5 file without model_config"), e.getMessage());
        assertTrue(e.getMessage().startsWith(DIR.resolve("weights-only.h5").toString()), e.getMessage());
    }

    static float[][] matrix(JsonArray rows) {
        float[][] m = new float[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonArray r = rows.get(i).getAsJsonArray();
            m[i] = new float[r.size()];
            for (int j = 0; j < r.size(); j++) {
                m[i][j] = r.get(j).getAsFloat();
            }
        }
        return m;
    }

    static void assertClose(float[][] expected, float[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tolerance, "row " + i + ", column " + j);
            }
        }
    }
}

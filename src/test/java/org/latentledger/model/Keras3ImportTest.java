package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.model.KerasImportTest.assertClose;
import static org.latentledger.model.KerasImportTest.matrix;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.work.Progress;

/**
 * Keras 3 {@code .keras} files written by src/test/python/write_keras3_fixtures.py in the layout
 * Keras 3 saves: the networks must give the outputs the script computed with NumPy.
 */
class Keras3ImportTest {

    private static final Path DIR = Path.of("src/test/resources/keras3");
    private static JsonObject expected;

    @BeforeAll
    static void readExpected() throws Exception {
        expected = JsonParser.parseString(Files.readString(DIR.resolve("expected.json"))).getAsJsonObject();
    }

    @Test
    void sequentialMlpWithBatchNormGivesTheScriptsOutputs() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("mlp.keras"))) {
            assertEquals("Keras 3.10.0", m.kind());
            assertEquals("MultiLayerNetwork", m.network().structure());
            assertEquals(10, m.inputSize());
            assertEquals(List.of("hidden", "norm", "dropout", "squash", "out"), m.layers().stream().map(LayerInfo::name).toList());
            assertEquals(10 * 16, m.layer("hidden").denseMacs());
            assertEquals("-", m.layer("dropout").activation());
            assertEquals("-", m.layer("norm").activation(), "no sigmoid: the outputs below match NumPy without one");
            assertEquals(0, m.layer("norm").denseMacs());
            JsonObject e = expected.getAsJsonObject("mlp.keras");
            float[][] x = matrix(e.getAsJsonArray("inputs"));
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, x), 1e-5);
            List<LayerActivations> acts = ActivationRecorder.record(m, x, Progress.NONE);
            assertClose(matrix(e.getAsJsonArray("hidden")), acts.get(0).values(), 1e-5);
            // gamma, beta, moving mean and variance each in its place: the normalised values match.
            assertClose(matrix(e.getAsJsonArray("norm")), acts.get(1).values(), 1e-4);
        }
    }

    @Test
    void channelsLastCnnGivesTheScriptsOutputs() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("cnn.keras"))) {
            assertEquals(new InputSpec(64, 8, 8, 1, true, false), m.input());
            LayerInfo conv = m.layers().getFirst();
            assertEquals("Conv2D", conv.type());
            assertEquals("6x6x4", conv.outputShape());
            assertEquals(6 * 6 * 4 * 3 * 3 * 1, conv.denseMacs());
            JsonObject e = expected.getAsJsonObject("cnn.keras");
            // The kernel transposed and the flatten order kept: the outputs match NumPy's channels-last pass.
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, matrix(e.getAsJsonArray("inputs"))), 1e-5);
        }
    }

    @Test
    void functionalModelWithBranchesAndAResidualAddBecomesAGraph() throws Exception {
        try (LoadedModel m = ModelLoader.load(DIR.resolve("branches.keras"))) {
            assertEquals("ComputationGraph", m.network().structure());
            List<String> names = m.layers().stream().map(LayerInfo::name).toList();
            assertTrue(names.containsAll(List.of("trunk", "left", "right", "join", "skip", "out")), names.toString());
            assertEquals(0, m.layer("skip").denseMacs());
            JsonObject e = expected.getAsJsonObject("branches.keras");
            float[][] x = matrix(e.getAsJsonArray("inputs"));
            assertClose(matrix(e.getAsJsonArray("outputs")), ActivationRecorder.predict(m, x), 1e-5);
            List<LayerActivations> acts = ActivationRecorder.record(m, x, Progress.NONE);
            assertClose(matrix(e.getAsJsonArray("join")), acts.get(m.layer("join").index()).values(), 1e-5);
            // Steering across the residual: moving join by d moves skip = join + trunk by the same d, so
            // steering join by d (trunk from the query) and skip by d give the same answer; by 0, the ordinary one.
            double[] d = {1, -2, 0.5, 0, 0, 3, -1, 0.25};
            double norm = java.util.Arrays.stream(d).map(v -> v * v).sum();
            double[] unit = java.util.Arrays.stream(d).map(v -> v / Math.sqrt(norm)).toArray();
            float[] fromJoin = Steering.steer(m, x[0], m.layer("join").index(), unit, Math.sqrt(norm));
            float[] fromSkip = Steering.steer(m, x[0], m.layer("skip").index(), unit, Math.sqrt(norm));
            assertClose(new float[][] {fromSkip}, new float[][] {fromJoin}, 1e-5);
            assertClose(new float[][] {matrix(e.getAsJsonArray("outputs"))[0]},
                    new float[][] {Steering.steer(m, x[0], m.layer("left").index(), unit, 0)}, 1e-5);
            float[] ordinary = matrix(e.getAsJsonArray("outputs"))[0];
            assertTrue(Math.abs(fromJoin[0] - ordinary[0]) > 1e-3, "the steered answer moved: " + fromJoin[0] + " vs " + ordinary[0]);
        }
    }

    @Test
    void unsupportedLayerIsNamedWithTheFormatAndAWayOut() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(DIR.resolve("unsupported-lstm.keras")));
        assertTrue(e.getMessage().contains("Keras 3 .keras"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 'memory' of type LSTM, which is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("save the model as .h5") && e.getMessage().contains("ONNX"), e.getMessage());
    }

    @Test
    void weightsThatDoNotFitTheConfigurationAreRefusedNamingTheLayer(@TempDir Path dir) throws Exception {
        // The MLP's config with its BatchNormalization's variables cut to two: named, not opened half-way.
        Map<String, byte[]> entries = entries(DIR.resolve("mlp.keras"));
        String config = new String(entries.get("config.json"), java.nio.charset.StandardCharsets.UTF_8);
        entries.put("config.json", config.replace("\"center\": true, \"scale\": true", "\"center\": true, \"scale\": false")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path bad = dir.resolve("bad.keras");
        Files.write(bad, zip(entries));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(bad));
        assertTrue(e.getMessage().contains("layer 'norm' (BatchNormalization) needs 3 variables"), e.getMessage());
        assertTrue(e.getMessage().contains("layers/batch_normalization/vars holds 4"), e.getMessage());
    }

    @Test
    void aZipWithAConfigButNoWeightsSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = entries(DIR.resolve("mlp.keras"));
        entries.remove("model.weights.h5");
        Path bad = dir.resolve("no-weights.keras");
        Files.write(bad, zip(entries));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(bad));
        assertTrue(e.getMessage().contains("no model.weights.h5"), e.getMessage());
    }

    @Test
    void layerPathsFollowKerasNaming() {
        assertEquals("max_pooling2d", Keras3Reader.snakeCase("MaxPooling2D"));
        assertEquals("batch_normalization", Keras3Reader.snakeCase("BatchNormalization"));
        assertEquals("conv2d", Keras3Reader.snakeCase("Conv2D"));
        assertEquals("global_average_pooling2d", Keras3Reader.snakeCase("GlobalAveragePooling2D"));
        Map<String, Integer> used = new HashMap<>();
        assertEquals(List.of("dense", "dense_1", "conv2d", "dense_2"), List.of(Keras3Reader.uniqueName("dense", used),
                Keras3Reader.uniqueName("dense", used), Keras3Reader.uniqueName("conv2d", used), Keras3Reader.uniqueName("dense", used)));
    }

    private static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.cli.CliTest.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.model.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** {@code ledger --json}: both passes' answers, by class name where the data has names. */
class LedgerCommandTest {

    private static final float[][] ROWS = {{1, 2, 3, 4}, {0, 1, 0, 1}, {2, 0, 1, 0}, {3, 1, 4, 1}};

    @TempDir
    static Path dir;
    private static Path model;
    private static MultiLayerNetwork net;

    @BeforeAll
    static void saveASmallClassifier() throws Exception {
        net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(9).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(6).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        model = dir.resolve("three-classes.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
    }

    @Test
    void answersAreNamedWhenTheDataNamesEveryClass() throws Exception {
        // Names sort alphabetically into class indices: ant 0, bee 1, cat 2.
        List<String> names = List.of("ant", "bee", "cat");
        Path csv = csv("named.csv", List.of("cat", "ant", "bee", "ant"));
        for (int q = 0; q < ROWS.length; q++) {
            JsonObject answer = ledger(csv, q, "topk:2");
            float[] expected = net.output(Nd4j.create(new float[][] {ROWS[q]}), false).toFloatVector();
            assertArrayEquals(expected, probabilities(answer.getAsJsonObject("dense")), 1e-5f, "query " + q);
            for (String pass : List.of("dense", "sparse")) {
                JsonObject a = answer.getAsJsonObject(pass);
                float[] p = probabilities(a);
                assertEquals(3, p.length);
                assertTrue(a.get("top1").getAsJsonPrimitive().isString(), pass + ": " + a);
                assertEquals(names.get(Evaluation.argmax(p)), a.get("top1").getAsString(), pass + " of query " + q);
            }
        }
    }

    @Test
    void answersAreIndicesWhenTheDataHasNoNames() throws Exception {
        Path csv = csv("unlabelled.csv", null);
        JsonObject answer = ledger(csv, 2, "natural");
        for (String pass : List.of("dense", "sparse")) {
            JsonObject a = answer.getAsJsonObject(pass);
            assertTrue(a.get("top1").getAsJsonPrimitive().isNumber(), pass + ": " + a);
            assertEquals(Evaluation.argmax(probabilities(a)), a.get("top1").getAsInt(), pass);
        }
    }

    private static JsonObject ledger(Path data, int query, String policy) {
        CliTest.Run r = run("ledger", "--model", model.toString(), "--data", data.toString(), "--query", Integer.toString(query),
                "--policy", policy, "--repeats", "1", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject out = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(out.has("answer"), r.out());
        return out.getAsJsonObject("answer");
    }

    private static float[] probabilities(JsonObject pass) {
        JsonArray a = pass.getAsJsonArray("probabilities");
        float[] p = new float[a.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = a.get(i).getAsFloat();
        }
        return p;
    }

    /** The rows as a CSV, with a label column when {@code labels} is given. */
    private static Path csv(String name, List<String> labels) throws Exception {
        StringBuilder s = new StringBuilder(labels == null ? "a,b,c,d\n" : "a,b,c,d,label\n");
        for (int i = 0; i < ROWS.length; i++) {
            for (int j = 0; j < ROWS[i].length; j++) {
                s.append(j == 0 ? "" : ",").append(ROWS[i][j]);
            }
            s.append(labels == null ? "" : "," + labels.get(i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), s.toString());
    }
}

package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;

/** A PyTorch MLP whose second ReLU is an operator no runtime here has: opened in part, and every command says what is missing. */
class PartialModelCommandsTest {

    @Test
    void inspectJourneyAndLedgerSayTheModelWasOpenedInPart(@TempDir Path dir) throws Exception {
        Onnx.ModelProto m = Onnx.ModelProto.parseFrom(Files.readAllBytes(Path.of("src/test/resources/onnx/mlp.onnx")));
        Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getName().equals("/3/Relu")) {
                g.setNode(i, g.getNode(i).toBuilder().setOpType("FancyGate").setDomain("com.example"));
            }
        }
        Path model = dir.resolve("partial.onnx");
        Files.write(model, m.toBuilder().setGraph(g).addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))
                .build().toByteArray());
        Path data = dir.resolve("few.csv");
        Dataset fashion = BundledData.FASHION.load(ResourceRoot.directory(Path.of(".")));
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 784; c++) {
            csv.append("p").append(c).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 60; i++) {
            for (float v : fashion.features()[i]) {
                csv.append(v).append(',');
            }
            csv.append(fashion.labels()[i]).append('\n');
        }
        Files.writeString(data, csv);

        CliTest.Run inspect = CliTest.run("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.status(), inspect.err());
        JsonObject table = JsonParser.parseString(inspect.out()).getAsJsonObject();
        assertEquals(2, table.getAsJsonArray("layers").size(), "the two Gemms before the node it lacks");
        assertTrue(table.get("opened_in_part").getAsString().contains("node '/3/Relu' (operator FancyGate"), inspect.out());

        CliTest.Run journey = CliTest.run("journey", "--model", model.toString(), "--data", data.toString(), "--json");
        assertEquals(0, journey.status(), journey.err());
        JsonObject route = JsonParser.parseString(journey.out()).getAsJsonObject();
        assertTrue(route.get("prediction").isJsonNull(), "no answer is made up from the last row");
        assertTrue(route.get("no_answer").getAsString().startsWith("the model was opened in part"), journey.out());
        assertEquals(2, route.getAsJsonArray("layers").size());

        CliTest.Run ledger = CliTest.run("ledger", "--model", model.toString(), "--data", data.toString());
        assertNotEquals(0, ledger.status());
        assertTrue(ledger.err().contains("opened in part") && !ledger.err().contains("Exception"), ledger.err());
    }
}

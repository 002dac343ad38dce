package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.cli.CliTest.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.model.ModelCard;

/** {@code economize}'s JSON contract, its card, and that the ledger runs on what it wrote. */
class EconomizeCommandTest {

    @Test
    void economizeWritesAModelItsCardAndTheKneesBeforeAndAfter(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("digits-economical.zip");
        CliTest.Run r = run("economize", "--model", "digits-mlp", "--method", "kwta:10%", "--epochs", "1", "--steps", "4",
                "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("kwta:0.1", j.get("method").getAsString());
        for (String key : new String[] {"accuracy_before", "accuracy_after", "seconds"}) {
            assertTrue(j.has(key), key);
        }
        JsonObject after = j.getAsJsonObject("knee_after");
        for (String key : new String[] {"setting", "mac_fraction", "energy_fraction", "agreement", "accuracy"}) {
            assertTrue(after.has(key), key);
        }
        assertTrue(after.get("agreement").getAsDouble() >= 0.99);
        assertTrue(after.get("mac_fraction").getAsDouble() < j.getAsJsonObject("knee_before").get("mac_fraction").getAsDouble(),
                "k-WTA makes the knee cheaper");
        ModelCard card = ModelCard.fromJson(Files.readString(dir.resolve("digits-economical.json")));
        assertEquals("kwta:0.1", card.economy().method());
        assertEquals(j.get("accuracy_after").getAsDouble(), card.testAccuracy(), 1e-6);

        CliTest.Run ledger = run("ledger", "--model", out.toString(), "--data", "digits", "--policy", "natural", "--json");
        assertEquals(0, ledger.status(), ledger.err());
        CliTest.Run bad = run("economize", "--model", "digits-mlp", "--method", "dropout:3", "--out", out.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("--method is kwta:F"), bad.err());
    }
}

package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.cli.CliTest.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The text model's commands and their JSON contracts: journey --text, ledger --text, decode. */
class TextCommandsTest {

    @Test
    void aSentenceTravelsThroughConceptsAndNamesItsRegionsByCategory() {
        CliTest.Run r = run("journey", "--model", "concepts", "--text", "why do leaves change colour in autumn", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject q = j.getAsJsonObject("query");
        assertEquals("why do leaves change colour in autumn", q.get("text").getAsString());
        assertTrue(q.getAsJsonArray("tokens").toString().contains("\"leaf\""), q.toString());
        String region = j.getAsJsonArray("layers").get(0).getAsJsonObject().get("region").getAsString();
        assertTrue(region.matches("(noun|verb|adj|adv)\\..*"), "a WordNet category: " + region);
    }

    @Test
    void decodeSaysInWordsWhatALayerMeansAndMovesAlongAPhraseAxis() {
        CliTest.Run r = run("decode", "--model", "concepts", "--text", "maple oak tree leaves forest", "--layer", "topics", "--top", "5",
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject d = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("topics", d.get("layer").getAsString());
        assertEquals("nearest-words", d.get("decoded_by").getAsString());
        JsonArray words = d.getAsJsonArray("words");
        assertEquals(5, words.size());
        assertTrue(words.get(0).getAsJsonObject().get("score").getAsDouble() >= words.get(4).getAsJsonObject().get("score").getAsDouble());
        assertEquals("noun.plant", d.getAsJsonArray("categories").get(0).getAsJsonObject().get("label").getAsString(),
                "trees and leaves are plants, by the model's own answer");
        assertEquals(5, d.getAsJsonArray("nearest").size());
        assertTrue(d.getAsJsonArray("nearest").get(0).getAsJsonObject().has("gloss"));

        CliTest.Run moved = run("decode", "--model", "concepts", "--text", "maple oak tree leaves forest", "--layer", "topics",
                "--axis", "dog cat horse -> car truck engine", "--alpha", "0", "--top", "5", "--json");
        assertEquals(words, JsonParser.parseString(moved.out()).getAsJsonObject().getAsJsonArray("words"), "alpha 0 decodes the query");
        CliTest.Run bad = run("decode", "--model", "concepts", "--text", "tree", "--axis", "no arrow here");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("--axis is \"PHRASE A -> PHRASE B\""), bad.err());
        CliTest.Run image = run("decode", "--model", "digits-mlp", "--text", "tree");
        assertEquals(1, image.status());
        assertTrue(image.err().contains("does not read text"), image.err());
    }

    @Test
    void theLedgerOfATextQueryCountsItsFewWords() {
        CliTest.Run r = run("ledger", "--model", "concepts", "--text", "autumn leaves", "--policy", "natural", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject l = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject first = l.getAsJsonArray("layers").get(0).getAsJsonObject();
        int tokens = l.getAsJsonObject("query").getAsJsonArray("tokens").size();
        assertEquals(tokens, first.get("active_in").getAsInt(), "one live input per known word");
        assertEquals((long) tokens * first.get("n_out").getAsLong(), first.get("effective_macs").getAsLong());
    }

    @Test
    void aFrontierOfOneSentenceSweepsThatSentenceAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("f.csv");
        CliTest.Run r = run("frontier", "--model", "concepts", "--text", "autumn leaves", "--policy", "topk", "--steps", "4",
                "--out", csv.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject f = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, f.get("points").getAsInt());
        assertTrue(f.getAsJsonObject("query").getAsJsonArray("tokens").toString().contains("\"leaf\""), f.toString());
        assertTrue(f.get("dense_accuracy").isJsonNull(), "a sentence has no label, so no accuracy");
        JsonObject knee = f.getAsJsonObject("knee");
        assertEquals(1.0, knee.get("agreement").getAsDouble(), "the knee keeps the sentence's answer");
        assertTrue(knee.get("accuracy").isJsonNull());
        java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertEquals(5, rows.size(), "a header and four settings");
        assertEquals("", rows.get(1).split(",", -1)[3], "the accuracy column is empty, not 0");
        CliTest.Run both = run("frontier", "--model", "concepts", "--text", "tree", "--query", "3", "--policy", "topk",
                "--out", csv.toString());
        assertEquals(1, both.status());
        assertTrue(both.err().contains("not both"), both.err());
    }
}

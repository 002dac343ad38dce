package org.latentledger.cli;

import org.latentledger.bench.ProjectionBench;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.Dataset;
import org.latentledger.data.ProjectorTsvReader;
import picocli.CommandLine;

/** The headless commands' contracts: JSON keys, exit statuses, messages, files written. */
public class CliTest {

    /**
     * @param out     what the command wrote to picocli's out
     * @param err     and to its err
     * @param console what it printed straight to System.out and System.err (progress lines, bench
     *                tables), kept here instead of in the build's log
     */
    public record Run(int status, String out, String err, String console) {
    }

    public static Run run(String... args) {
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        // Before the command line is made: picocli's default handler remembers System.out and System.err
        // when it is created and, if they differ at execute, sends the command's out and err there.
        System.setOut(capture);
        System.setErr(capture);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            CommandLine cli = LatentLedgerCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            status = cli.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(status, out.toString(), err.toString(), console.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void inspectJsonHasTheDocumentedKeys() {
        Run r = run("inspect", "--model", "sample-models/fashion-cnn.zip", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("sample-models/fashion-cnn.zip", j.get("model").getAsString());
        assertEquals("MultiLayerNetwork", j.get("kind").getAsString());
        JsonObject conv = j.getAsJsonArray("layers").get(0).getAsJsonObject();
        for (String key : List.of("name", "type", "input_shape", "output_shape", "params", "activation", "dense_macs")) {
            assertTrue(conv.has(key), key);
        }
        assertEquals("1x28x28", conv.get("input_shape").getAsString());
        assertEquals(24 * 24 * 16 * 25, conv.get("dense_macs").getAsLong());
        assertEquals(80202, j.get("total_params").getAsLong());
        assertEquals(1_116_416, j.get("total_dense_macs").getAsLong());
    }

    @Test
    void inspectKerasGraphAndData(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("six.csv"), "a,b,c,d,e,f,label\n1,2,3,4,5,6,x\n");
        Run r = run("inspect", "--model", "src/test/resources/keras/branches.h5", "--data", csv.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("Keras", j.get("kind").getAsString());
        assertTrue(j.getAsJsonObject("data").get("fits").getAsBoolean());
    }

    @Test
    void dataThatDoesNotFitFailsWithBothShapes() {
        Run r = run("inspect", "--model", "fashion-cnn", "--data", "digits");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("28x28x1 image (784 values") && r.err().contains("8x8 images, 64 values each"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void badModelExitsNonZeroNamingTheFileAndDebugAddsTheTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("model.zip"), "hello");
        Run r = run("inspect", "--model", bad.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: " + bad), r.err());
        assertFalse(r.err().contains("\tat "));
        Run debug = run("inspect", "--model", bad.toString(), "--debug");
        assertEquals(1, debug.status());
        assertTrue(debug.err().contains("\tat org.latentledger"), debug.err());
    }

    @Test
    void unknownLayerListsTheLayers(@TempDir Path dir) {
        Run r = run("activations", "--model", "digits-mlp", "--data", "digits", "--layer", "7", "--out", dir.resolve("v.tsv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no layer '7'") && r.err().contains("hidden1, hidden2, hidden3, output"), r.err());
    }

    @Test
    void activationsRoundTripThroughProjectorTsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hidden3.tsv");
        Run r = run("activations", "--model", "digits-mlp", "--data", "digits", "--layer", "2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        // The projector reader looks for vectors.tsv by that name; give it the file directly.
        Files.move(out, dir.resolve("vectors.tsv"));
        Dataset back = ProjectorTsvReader.read(dir.resolve("vectors.tsv"));
        assertEquals(1797, back.size());
        assertEquals(64, back.columns());
        assertEquals(10, back.classCount());
        Run byName = run("activations", "--model", "digits-mlp", "--data", "digits", "--layer", "hidden3", "--out",
                dir.resolve("again.tsv").toString());
        assertEquals(0, byName.status(), byName.err());
        assertArrayEquals(back.features()[5], ProjectorTsvReader.read(dir.resolve("vectors.tsv")).features()[5]);
        assertEquals(Files.readAllLines(dir.resolve("again.tsv")).get(5), Files.readAllLines(dir.resolve("vectors.tsv")).get(5));
    }

    @Test
    void projectWritesTheDocumentedCsvAndJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map.csv");
        Run r = run("project", "--model", "digits-mlp", "--data", "digits", "--layer", "hidden3", "--method", "umap", "--epochs", "50",
                "--seed", "7", "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        for (String key : List.of("points", "seconds", "method", "seed", "trustworthiness_k5")) {
            assertTrue(j.has(key), key);
        }
        assertEquals(1797, j.get("points").getAsInt());
        assertEquals("umap", j.get("method").getAsString());
        assertEquals(7, j.get("seed").getAsLong());
        assertTrue(j.get("trustworthiness_k5").getAsDouble() > 0.9);
        List<String> lines = Files.readAllLines(out);
        assertEquals("index,x,y,label", lines.getFirst());
        assertEquals(1798, lines.size());
        assertTrue(lines.get(1).startsWith("0,") && lines.get(1).endsWith(",0"), lines.get(1));
    }

    @Test
    void projectRawDataWithoutAModelOnAnyThreadCount(@TempDir Path dir) throws Exception {
        // The bundled set by name, then the same pixels as a CSV file and as an IDX pair: raw data, no model.
        Path one = dir.resolve("one.csv");
        Path timing = dir.resolve("timing.json");
        Run r = run("project", "--data", "digits", "--method", "tsne", "--iterations", "300", "--threads", "1", "--out", one.toString(),
                "--timing", timing.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        for (String key : List.of("points", "seconds", "method", "seed", "trustworthiness_k5", "knn_accuracy_k5", "cpu_seconds", "threads")) {
            assertTrue(j.has(key), key);
        }
        assertEquals(1797, j.get("points").getAsInt());
        assertEquals("input", j.get("layer").getAsString());
        assertEquals(64, j.get("input_dims").getAsInt());
        assertTrue(j.get("knn_accuracy_k5").getAsDouble() > 0.9, r.out());
        JsonObject t = JsonParser.parseString(Files.readString(timing)).getAsJsonObject();
        assertTrue(t.get("wall_seconds").getAsDouble() > 0 && t.get("cpu_seconds").getAsDouble() > 0, t.toString());
        Path two = dir.resolve("two.csv");
        assertEquals(0, run("project", "--data", "digits", "--method", "tsne", "--iterations", "300", "--threads", "2", "--out",
                two.toString()).status());
        assertEquals(Files.readAllLines(one), Files.readAllLines(two), "the same layout on 1 and 2 threads");

        org.latentledger.data.Dataset d = org.latentledger.data.BundledData.DIGITS.load(org.latentledger.data.ResourceRoot.directory(Path.of(".")));
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 64; c++) {
            csv.append("p").append(c).append(',');
        }
        csv.append("label\n");
        byte[] idx = new byte[16 + 300 * 64];
        idx[2] = 8;
        idx[3] = 3;
        java.nio.ByteBuffer.wrap(idx).putInt(4, 300).putInt(8, 8).putInt(12, 8);
        for (int i = 0; i < 300; i++) {
            for (int c = 0; c < 64; c++) {
                csv.append(d.features()[i][c]).append(',');
                idx[16 + i * 64 + c] = (byte) Math.round(d.features()[i][c] * 255);
            }
            csv.append(d.labels()[i]).append('\n');
        }
        Files.writeString(dir.resolve("digits.csv"), csv);
        Files.write(dir.resolve("d-images-idx3-ubyte"), idx);
        for (String file : List.of("digits.csv", "d-images-idx3-ubyte")) {
            Path out = dir.resolve(file + ".map.csv");
            Run u = run("project", "--data", dir.resolve(file).toString(), "--method", "umap", "--epochs", "50", "--threads", "1",
                    "--out", out.toString(), "--json");
            assertEquals(0, u.status(), file + ": " + u.err());
            JsonObject uj = JsonParser.parseString(u.out()).getAsJsonObject();
            assertEquals(300, uj.get("points").getAsInt(), file);
            assertEquals(64, uj.get("input_dims").getAsInt(), file);
            assertEquals(301, Files.readAllLines(out).size(), file);
        }
    }

    @Test
    void benchEvaluatesEveryLayoutWithTheSameCodeAndPrintsRatios(@TempDir Path dir) throws Exception {
        Run export = run("bench", "--export-inputs", dir.resolve("inputs").toString(), "--data", "small=digits");
        assertEquals(0, export.status(), export.err());
        assertEquals(1797L * 64 * 4, Files.size(dir.resolve("inputs/small.f32")));
        assertEquals(1797L * 4, Files.size(dir.resolve("inputs/small.labels.i32")));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        // Our layout from the CLI, and a "peer" whose layout is the first two pixels (a poor map) and twice our time.
        assertEquals(0, run("project", "--data", "digits", "--method", "pca", "--out", runs.resolve("small__latent-ledger__pca.csv").toString(),
                "--timing", runs.resolve("small__latent-ledger__pca.json").toString()).status());
        double ours = JsonParser.parseString(Files.readString(runs.resolve("small__latent-ledger__pca.json"))).getAsJsonObject()
                .get("wall_seconds").getAsDouble();
        float[][] x = ProjectionBench.readF32(dir.resolve("inputs/small.f32"), 1797, 64);
        StringBuilder peer = new StringBuilder("x,y\n");
        for (float[] row : x) {
            peer.append(row[20]).append(',').append(row[43]).append('\n');
        }
        Files.writeString(runs.resolve("small__peer__pca.csv"), peer);
        Files.writeString(runs.resolve("small__peer__pca.json"), "{\"wall_seconds\": " + ours * 2 + ", \"cpu_seconds\": 1}");
        Run r = run("bench", "--evaluate", dir.toString());
        assertEquals(0, r.status(), r.err());
        String table = r.console();
        String peerRow = table.lines().filter(l -> l.contains("| peer |")).findFirst().orElseThrow(() -> new AssertionError(table));
        String ourRow = table.lines().filter(l -> l.contains("| latent-ledger |")).findFirst().orElseThrow();
        assertTrue(peerRow.trim().endsWith("| 0.50 |"), peerRow);
        double ourTrust = Double.parseDouble(ourRow.split("\\|")[7].trim());
        double peerTrust = Double.parseDouble(peerRow.split("\\|")[7].trim());
        assertTrue(ourTrust > peerTrust, table);
    }

    @Test
    void projectVectorsWithoutAModelIn3D(@TempDir Path dir) throws Exception {
        StringBuilder v = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2);
        for (int i = 0; i < 60; i++) {
            v.append(rnd.nextGaussian()).append('\t').append(rnd.nextGaussian()).append('\t').append(rnd.nextGaussian())
                    .append('\t').append(rnd.nextGaussian()).append('\n');
        }
        Files.writeString(dir.resolve("vectors.tsv"), v);
        Path out = dir.resolve("v.csv");
        Run r = run("project", "--data", dir.resolve("vectors.tsv").toString(), "--method", "tsne", "--perplexity", "10",
                "--iterations", "300", "--dims", "3", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("index,x,y,z,label", Files.readAllLines(out).getFirst());
        assertEquals(61, Files.readAllLines(out).size());
    }

    @Test
    void journeyJsonHasTheDocumentedShape() {
        Run r = run("journey", "--model", "digits-mlp", "--data", "digits", "--query", "10", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        var layers = j.getAsJsonArray("layers");
        assertEquals(4, layers.size());
        JsonObject first = layers.get(0).getAsJsonObject();
        for (String key : List.of("layer", "x", "y", "region", "certainty", "axes")) {
            assertTrue(first.has(key), key);
        }
        assertTrue(first.getAsJsonObject("axes").has("PC1"));
        assertEquals("0", j.get("prediction").getAsString(), "point 10 is a 0");
        assertEquals(10, j.getAsJsonArray("probabilities").size());
        assertTrue(layers.get(2).getAsJsonObject().get("region").getAsString().startsWith("0"));
        Run bad = run("journey", "--model", "digits-mlp", "--data", "digits", "--query", "5000");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("0..1796"), bad.err());
    }

    @Test
    void ledgerJsonHasTheDocumentedKeysAndAddsUp() {
        Run r = run("ledger", "--model", "digits-mlp", "--data", "digits", "--query", "3", "--policy", "topk:10%", "--repeats", "3",
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("topk:10%", j.get("policy").getAsString());
        var layers = j.getAsJsonArray("layers");
        assertEquals(4, layers.size());
        long effective = 0;
        for (var e : layers) {
            JsonObject l = e.getAsJsonObject();
            for (String key : List.of("name", "n_in", "n_out", "active_in", "dense_macs", "effective_macs", "weights_read", "energy_pj")) {
                assertTrue(l.has(key), key);
            }
            assertEquals(l.get("active_in").getAsLong() * l.get("n_out").getAsLong(), l.get("effective_macs").getAsLong());
            effective += l.get("effective_macs").getAsLong();
        }
        JsonObject total = j.getAsJsonObject("total");
        assertEquals(57_984, total.get("dense_macs").getAsLong());
        assertEquals(effective, total.get("effective_macs").getAsLong());
        assertEquals(57_984 * (4.6 + 5), total.get("energy_pj_dense").getAsDouble(), 1e-6);
        for (String key : List.of("same_top1", "cosine", "kl")) {
            assertTrue(j.getAsJsonObject("fidelity").has(key), key);
        }
        assertTrue(j.getAsJsonObject("timing_us").get("dense").getAsDouble() > 0);
        com.google.gson.JsonObject timing = j.getAsJsonObject("timing_us");
        com.google.gson.JsonArray iqr = timing.getAsJsonArray("sparse_iqr");
        double sparse = timing.get("sparse").getAsDouble();
        assertTrue(iqr.get(0).getAsDouble() <= sparse && sparse <= iqr.get(1).getAsDouble(), "the median lies in its range: " + timing);
        assertTrue(timing.get("runs").getAsInt() >= 1 && timing.has("within_noise"), timing.toString());
        Run bad = run("ledger", "--model", "digits-mlp", "--data", "digits", "--query", "3", "--policy", "sparse");
        assertEquals(2, bad.status(), "an unknown policy is a usage error");
        assertTrue(bad.err().contains("topk:K"), bad.err());
    }

    @Test
    void frontierWritesTheSweepAndTheKnee(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("f.csv");
        Run r = run("frontier", "--model", "digits-mlp", "--data", "digits", "--policy", "topk", "--steps", "5", "--out", out.toString(),
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject knee = j.getAsJsonObject("knee");
        assertTrue(knee.get("agreement").getAsDouble() >= 0.99);
        List<String> lines = Files.readAllLines(out);
        assertEquals("policy,parameter,agreement,accuracy,mac_fraction,energy_fraction,knee", lines.getFirst());
        assertEquals(6, lines.size());
        assertTrue(lines.getLast().startsWith("topk:100%,1.0,1.000000"), "k = 100% agrees with dense everywhere: " + lines.getLast());
    }
}

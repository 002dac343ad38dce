package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.cli.CliTest.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentledger.data.BundledData;
import org.latentledger.economy.PolicyKind;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.ui.ShotRequest;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Sweep;
import org.latentledger.view.Theme;
import org.latentledger.work.Named;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import picocli.CommandLine;

/** The options' vocabulary and how --model, --data, --query and --layer are resolved, the same in every command. */
class CliOptionsTest {

    static Stream<Arguments> unknownWords() {
        return Stream.of(
                Arguments.of(List.of("project", "--method", "lda", "--out", "x.csv"), "--method", names(Method.class)),
                Arguments.of(List.of("journey", "--layer-maps", "lda"), "--layer-maps", names(Method.class)),
                Arguments.of(List.of("shot", "--method", "lda", "--out", "x.png"), "--method", names(Method.class)),
                Arguments.of(List.of("shot", "--theme", "sepia", "--out", "x.png"), "--theme", names(Theme.class)),
                Arguments.of(List.of("shot", "--page", "atlas", "--out", "x.png"), "--page", names(Page.class)),
                Arguments.of(List.of("shot", "--view", "atlas", "--out", "x.png"), "--view", names(ExportTarget.class)),
                Arguments.of(List.of("shot", "--engine", "sklearn", "--out", "x.png"), "--engine", names(Engine.class)),
                Arguments.of(List.of("export-gif", "--sweep", "alpha", "--out", "x.gif"), "--sweep", names(Sweep.class)),
                Arguments.of(List.of("export-gif", "--layer-maps", "lda", "--out", "x.gif"), "--layer-maps", names(Method.class)),
                Arguments.of(List.of("frontier", "--policy", "prune", "--out", "f.csv"), "--policy", sweepable()),
                Arguments.of(List.of("ledger", "--policy", "prune"), "--policy", List.of("dense", "natural", "topk:K", "threshold:T",
                        "routed:R:K")),
                Arguments.of(List.of("ledger", "--memory", "flash"), "--memory", List.of("sram", "dram")));
    }

    @ParameterizedTest
    @MethodSource("unknownWords")
    void anUnknownWordIsAUsageErrorListingTheValidOnes(List<String> args, String option, List<String> valid) {
        CliTest.Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("Invalid value for option '" + option + "'"), first);
        for (String name : valid) {
            assertTrue(first.contains(name), name + " in: " + first);
        }
    }

    @Test
    void frontierRefusesPoliciesWithNothingToSweep() {
        for (String kind : List.of("dense", "natural")) {
            CliTest.Run r = run("frontier", "--policy", kind, "--out", "f.csv");
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(kind + " has no parameter to sweep") && r.err().contains(String.join(", ", sweepable())), r.err());
        }
    }

    @Test
    void helpListsTheNamesOfTheVocabulary() {
        String shot = help("shot");
        for (String name : Stream.of(names(ExportTarget.class), names(Page.class), names(Theme.class), names(Method.class),
                names(Engine.class)).flatMap(List::stream).toList()) {
            assertTrue(shot.contains(name), name);
        }
        assertTrue(help("export-gif").contains(String.join(", ", names(Sweep.class))));
        assertTrue(help("frontier").contains(String.join(", ", sweepable()) + "."), help("frontier"));
        assertTrue(help("inspect").contains(SampleModel.names()) && help("inspect").contains(BundledData.names()));
    }

    @Test
    void bundledModelsBringTheirOwnData(@TempDir Path dir) throws Exception {
        CliTest.Run ledger = run("ledger", "--repeats", "1", "--json");
        assertEquals(0, ledger.status(), "digits-mlp and its digits by default: " + ledger.err());
        assertEquals("natural", JsonParser.parseString(ledger.out()).getAsJsonObject().get("policy").getAsString());

        CliTest.Run journey = run("journey", "--model", "digits-mlp", "--query", "10", "--json");
        assertEquals(0, journey.status(), journey.err());
        assertEquals("0", JsonParser.parseString(journey.out()).getAsJsonObject().get("prediction").getAsString(), "point 10 is a 0");

        CliTest.Run project = run("project", "--model", "digits-mlp", "--out", dir.resolve("p.csv").toString(), "--json");
        assertEquals(0, project.status(), project.err());
        JsonObject p = JsonParser.parseString(project.out()).getAsJsonObject();
        assertEquals(1797, p.get("points").getAsInt());
        assertEquals("hidden3", p.get("layer").getAsString());
    }

    @Test
    void aCopyOfABundledModelsFileIsThatModelAndOtherFilesNeedData(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(Path.of("sample-models/digits-mlp.zip"), dir.resolve("my-model.zip"));
        CliTest.Run r = run("ledger", "--model", copy.toString(), "--query", "3", "--repeats", "1", "--json");
        assertEquals(0, r.status(), "recognised by its SHA-256, so it has the digits: " + r.err());

        CliTest.Run keras = run("ledger", "--model", "src/test/resources/keras/mlp.h5");
        assertEquals(2, keras.status(), keras.err());
        assertTrue(keras.err().contains("--data is needed with src/test/resources/keras/mlp.h5"), keras.err());

        CliTest.Run raw = run("project", "--out", dir.resolve("p.csv").toString());
        assertEquals(2, raw.status(), "project maps --data without a model, so it needs one: " + raw.err());
        assertTrue(raw.err().contains("--data is needed without --model"), raw.err());
    }

    @Test
    void exportGifTakesAModelFileWithBundledData() {
        ShotRequest r = windowRequest("export-gif", "--model", "sample-models/digits-mlp.zip", "--data", "digits", "--out", "x.gif",
                "--layer-maps", "umap", "--engine", "smile", "--query", "5");
        assertEquals(Path.of("sample-models/digits-mlp.zip"), r.open().modelFile());
        assertEquals(BundledData.DIGITS, r.open().data());
        assertNull(r.open().dataFile());
        assertEquals(Method.UMAP, r.shown().layerMaps());
        assertEquals(Method.PCA, r.shown().method());
        assertEquals(Engine.SMILE, r.shown().engine());
        assertEquals(5, r.shown().query());
        assertEquals(ExportTarget.JOURNEY, r.shown().target());

        ShotRequest copy = windowRequest("shot", "--model", "sample-models/digits-mlp.zip", "--out", "x.png");
        assertEquals(BundledData.DIGITS, copy.open().data(), "a copy of a bundled model's file opens with its data");
        assertNull(copy.shown().layerMaps(), "the journey's maps follow the map's method unless asked");

        ShotRequest plain = windowRequest("shot", "--out", "x.png", "--view", "frontier", "--theme", "dark");
        assertEquals(SampleModel.DIGITS_MLP, plain.open().sample());
        assertNull(plain.open().modelFile());
        assertNull(plain.open().data(), "a bundled sample opens its own data");
        assertEquals(-1, plain.shown().query());
        assertEquals(Theme.DARK, plain.look().theme());

        ShotRequest file = windowRequest("shot", "--model", "digits-mlp", "--data", "src/test/resources", "--out", "x.png");
        assertEquals(Path.of("src/test/resources"), file.open().dataFile());
        assertNull(file.open().data());

        CommandLine.ParameterException misfit = assertThrows(CommandLine.ParameterException.class,
                () -> windowRequest("shot", "--model", "fashion-mlp", "--data", "digits", "--out", "x.png"));
        assertTrue(misfit.getMessage().contains("does not fit fashion-mlp"), misfit.getMessage());
    }

    @Test
    void layersByIndexOrNameThroughTheOneLookup(@TempDir Path dir) throws Exception {
        // DL4J names unnamed layers "layer0", "layer1"; the table shows those names, and the
        // "layer 1" earlier versions showed still finds the layer.
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(3).nOut(2).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        Path model = dir.resolve("unnamed.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
        Path csv = Files.writeString(dir.resolve("four.csv"), "a,b,c,d,label\n1,2,3,4,x\n0,1,0,1,y\n2,0,1,0,x\n");
        CliTest.Run inspect = run("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.status(), inspect.err());
        assertEquals(List.of("layer0", "layer1"), JsonParser.parseString(inspect.out()).getAsJsonObject().getAsJsonArray("layers")
                .asList().stream().map(l -> l.getAsJsonObject().get("name").getAsString()).toList());
        List<String> refs = List.of("1", "layer1", "layer 1");
        List<List<String>> written = new java.util.ArrayList<>();
        for (String ref : refs) {
            Path out = dir.resolve("v" + written.size() + ".tsv");
            CliTest.Run r = run("activations", "--model", model.toString(), "--data", csv.toString(), "--layer", ref, "--out", out.toString());
            assertEquals(0, r.status(), ref + ": " + r.err());
            assertTrue(r.out().contains("layer layer1)"), r.out());
            written.add(Files.readAllLines(out));
        }
        assertEquals(written.getFirst(), written.get(1));
        assertEquals(written.getFirst(), written.get(2));

        Path byIndex = dir.resolve("index.csv");
        Path byName = dir.resolve("name.csv");
        assertEquals(0, run("project", "--model", "digits-mlp", "--layer", "2", "--out", byIndex.toString()).status());
        assertEquals(0, run("project", "--model", "digits-mlp", "--layer", "hidden3", "--out", byName.toString()).status());
        assertEquals(Files.readAllLines(byIndex), Files.readAllLines(byName));

        CliTest.Run bad = run("project", "--model", "digits-mlp", "--layer", "99999999999", "--out", byName.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("no layer '99999999999'; its layers are 0..3"), bad.err());
    }

    private static ShotRequest windowRequest(String... args) {
        CommandLine cli = LatentLedgerCli.commandLine();
        cli.parseArgs(args);
        Object command = cli.getSubcommands().get(args[0]).getCommand();
        return switch (command) {
            case ShotCommand s -> s.window.request(s.view, s.page);
            case ExportGifCommand g -> g.window.request(ExportTarget.JOURNEY, null);
            default -> throw new AssertionError(args[0]);
        };
    }

    /** The command's help as one line (picocli wraps it at 80 columns). */
    private static String help(String command) {
        return run(command, "--help").out().replaceAll("\\s+", " ");
    }

    private static <E extends Enum<E> & Named> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::cliName).toList();
    }

    private static List<String> sweepable() {
        return Arrays.stream(PolicyKind.values()).filter(PolicyKind::sweepable).map(PolicyKind::cliName).toList();
    }
}

package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.await;
import static org.latentledger.ui.FxTesting.onFx;
import static org.latentledger.ui.FxTesting.runFx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.DataLoaderTest;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.FxTesting;
import org.latentledger.ui.plot.MapScene;
import org.nd4j.linalg.activations.Activation;

/**
 * Opening a user's own model and data, as a new user would: files the other tests never saw, a
 * DL4J ComputationGraph with two branches and a CSV of another shape, a Keras CNN with a folder
 * of images, data that does not fit, and data without a model.
 */
class OpenFilesTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    private static MainViewModel newVm() throws Exception {
        return onFx(() -> new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared()));
    }

    @Test
    void twoBranchGraphAndACsvOfAnotherShapeOpenAndMap(@TempDir Path dir) throws Exception {
        Path model = twoBranchGraph(dir.resolve("branches.zip"));
        Path csv = csv(dir.resolve("sensors.csv"), 300, 5);
        MainViewModel vm = newVm();
        runFx(() -> vm.openModel(model));
        await(vm::isSettled, 60);
        assertNull(vm.mapProperty().get(), "no data yet");
        assertTrue(vm.mapMessageProperty().get().startsWith("Open data"), vm.mapMessageProperty().get());
        assertEquals("ComputationGraph", vm.modelProperty().get().kind());
        List<String> layers = onFx(() -> vm.layers().stream().map(LayerInfo::name).toList());
        assertTrue(layers.containsAll(List.of("left", "right", "merge", "out")), layers.toString());

        runFx(() -> vm.openData(csv));
        await(() -> vm.isSettled() && vm.mapProperty().get() != null, 60);
        assertNull(vm.problemProperty().get());
        MapScene map = vm.mapProperty().get();
        assertEquals(300, map.size());
        assertEquals("merge", vm.selectedLayerProperty().get().name(), "the last hidden vertex");
        assertEquals(List.of("a", "b", "c"), map.categoryNames());
        assertEquals(2, vm.recentFiles().entries().size());
        assertTrue(vm.recentFiles().entries().getFirst().path().endsWith("sensors.csv"));
    }

    @Test
    void dataThatDoesNotFitIsRefusedAndEverythingStays(@TempDir Path dir) throws Exception {
        MainViewModel vm = newVm();
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(vm::isSettled, 120);
        LoadedModel model = vm.modelProperty().get();
        MapScene map = vm.mapProperty().get();
        Path csv = csv(dir.resolve("five.csv"), 20, 5);
        runFx(() -> vm.openData(csv));
        await(() -> vm.problemProperty().get() != null && !vm.busyProperty().get(), 60);
        Problem p = vm.problemProperty().get();
        assertEquals(csv.toString(), p.file());
        assertTrue(p.message().contains("64 values") && p.message().contains("5 columns"), p.message());
        assertSame(model, vm.modelProperty().get());
        assertSame(map, vm.mapProperty().get());
        assertEquals("digits", vm.datasetProperty().get().name());
    }

    @Test
    void kerasCnnWithAnImageFolder(@TempDir Path dir) throws Exception {
        for (String cls : List.of("dark", "light")) {
            Files.createDirectories(dir.resolve("images").resolve(cls));
            for (int i = 0; i < 6; i++) {
                DataLoaderTest.image(dir.resolve("images").resolve(cls).resolve(i + ".png"), cls.equals("dark") ? 0x101010 * i : 0xffffff - 0x101010 * i);
            }
        }
        MainViewModel vm = newVm();
        runFx(() -> vm.open(Path.of("src/test/resources/keras/cnn.h5"), dir.resolve("images")));
        await(vm::isSettled, 60);
        assertNull(vm.problemProperty().get());
        assertEquals(12, vm.mapProperty().get().size());
        assertEquals(64, vm.datasetProperty().get().columns(), "images resized to the model's 8x8x1 input");
        // The conv layer can be mapped from its channel means or its full maps.
        runFx(() -> vm.selectedLayerProperty().set(vm.layers().getFirst()));
        await(() -> vm.isSettled() && vm.mapProperty().get().title().contains("conv"), 60);
        assertTrue(vm.map().convolutionalProperty().get());
        assertTrue(vm.map().noteProperty().get().contains("per-channel mean"), vm.map().noteProperty().get());
        runFx(() -> vm.map().convViewProperty().set(org.latentledger.view.ConvView.FULL_MAPS));
        await(() -> vm.isSettled() && vm.map().noteProperty().get().contains("full"), 60);
        assertTrue(vm.map().noteProperty().get().contains("144 units"), vm.map().noteProperty().get());
    }

    @Test
    void vectorsWithoutAModelAreMappedAsTheyAre(@TempDir Path dir) throws Exception {
        StringBuilder v = new StringBuilder();
        StringBuilder m = new StringBuilder();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            v.append(r.nextGaussian()).append('\t').append(r.nextGaussian()).append('\t').append(i % 2 * 3 + r.nextGaussian()).append('\n');
            m.append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(dir.resolve("vectors.tsv"), v);
        Files.writeString(dir.resolve("metadata.tsv"), m);
        MainViewModel vm = newVm();
        runFx(() -> vm.openData(dir));
        await(vm::isSettled, 60);
        assertNull(vm.modelProperty().get());
        assertEquals("input", vm.selectedLayerProperty().get().name());
        assertEquals(50, vm.mapProperty().get().size());
        assertEquals(List.of("even", "odd"), vm.mapProperty().get().categoryNames());
    }

    @Test
    void aModelThatDoesNotFitTheOpenDataSaysSo() throws Exception {
        MainViewModel vm = newVm();
        runFx(() -> vm.openSample(SampleModel.DIGITS_MLP));
        await(vm::isSettled, 120);
        runFx(() -> vm.openModel(Path.of("src/test/resources/keras/mlp.h5")));
        await(() -> vm.isSettled() && vm.modelProperty().get() != null && vm.modelProperty().get().kind().equals("Keras"), 60);
        assertNotNull(vm.problemProperty().get());
        assertTrue(vm.problemProperty().get().message().contains("10 values"), vm.problemProperty().get().message());
        assertNull(vm.mapProperty().get());
        assertEquals("The open data does not fit this model", vm.mapMessageProperty().get());
        runFx(vm::closeModel);
        await(() -> vm.isSettled() && vm.mapProperty().get() != null, 60);
        assertEquals(1797, vm.mapProperty().get().size(), "the digits themselves, without a model");
    }

    @Test
    void droppedFilesAreSortedIntoModelAndData() {
        DroppedFiles f = DroppedFiles.of(List.of(Path.of("x.csv"), Path.of("m.h5"), Path.of("n.zip")));
        assertEquals(Path.of("m.h5"), f.model());
        assertEquals(Path.of("x.csv"), f.data());
        assertNull(DroppedFiles.of(List.of(new File("a.csv").toPath())).model());
    }

    static Path twoBranchGraph(Path file) throws Exception {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5).graphBuilder()
                .addInputs("in")
                .addLayer("left", new DenseLayer.Builder().nIn(5).nOut(6).activation(Activation.RELU).build(), "in")
                .addLayer("right", new DenseLayer.Builder().nIn(5).nOut(4).activation(Activation.TANH).build(), "in")
                .addVertex("merge", new MergeVertex(), "left", "right")
                .addLayer("out", new OutputLayer.Builder().nIn(10).nOut(3).activation(Activation.SOFTMAX).build(), "merge")
                .setOutputs("out")
                .build());
        g.init();
        ModelSerializer.writeModel(g, file.toFile(), false);
        return file;
    }

    static Path csv(Path file, int rows, int columns) throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            s.append("f").append(c).append(',');
        }
        s.append("label\n");
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < columns; c++) {
                s.append(r.nextDouble() + i % 3).append(',');
            }
            s.append("abc".charAt(i % 3)).append('\n');
        }
        return Files.writeString(file, s);
    }
}

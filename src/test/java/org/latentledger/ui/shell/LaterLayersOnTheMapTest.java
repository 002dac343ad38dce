package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.jobs.PumpedJobRunner;
import org.latentledger.view.ColourMode;

/**
 * A layer an opening left for later (decision 0025) is recorded by a job, never by the UI thread:
 * here the map of conv1 is found again from an earlier opening of the same model (no mapping job
 * runs), and the density colouring needs its values. The test's thread plays the UI thread; job
 * bodies run on a worker.
 */
class LaterLayersOnTheMapTest {

    @Test
    void aMapFoundAgainForALayerLeftForLaterRecordsItInAJobAndColoursItByDensity(@TempDir Path cache) throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            MainViewModel vm = new MainViewModel(ResourceRoot.directory(Path.of(".")), jobs, RecentFiles.inMemory(), new ProjectionCache(cache));
            // fashion-cnn over 1,000 of its test images: conv1's maps (37 MB) are still left for later, for a tenth of the passes.
            Path model = Path.of("sample-models", SampleModel.FASHION_CNN.fileName() + ".zip");
            Path images = firstImages(cache.resolve("data"), 1000);
            vm.open(model, images);
            jobs.pump(vm::isSettled);
            vm.selectLayer("conv1");
            jobs.pump(() -> vm.isSettled() && vm.map().atlasProperty().get() != null
                    && vm.map().atlasProperty().get().layer().name().equals("conv1"));

            vm.open(model, images); // the same files: conv1's map is found again, by the same hashes
            jobs.pump(() -> vm.isSettled() && vm.session().activations().size() == 6 && !vm.session().activations().getFirst().recorded());
            LayerActivations conv1 = vm.session().activations().getFirst();
            assertEquals("conv1", conv1.layer().name());
            vm.selectLayer("conv1");
            vm.map().colourProperty().set(ColourMode.DENSITY);
            assertFalse(conv1.recorded(), "the UI thread recorded conv1 (a forward pass) while showing its map");
            jobs.pump(() -> vm.isSettled() && vm.mapProperty().get() != null && vm.mapProperty().get().title().contains("conv1"));
            assertTrue(conv1.recorded(), "recorded by the job that shows the map found again");
            assertNotNull(vm.mapProperty().get().value(), "coloured by each point's share of active units");
        }
    }

    /** The first {@code n} images of the bundled Fashion-MNIST test set and their labels, as IDX files in {@code dir}. */
    private static Path firstImages(Path dir, int n) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        Path source = Path.of("assets", "data", "fashion-mnist");
        Path images = dir.resolve("fashion1k-images-idx3-ubyte");
        java.nio.file.Files.write(images, head(source.resolve("t10k-images-idx3-ubyte.gz"), 16, n, 28 * 28));
        java.nio.file.Files.write(dir.resolve("fashion1k-labels-idx1-ubyte"), head(source.resolve("t10k-labels-idx1-ubyte.gz"), 8, n, 1));
        return images;
    }

    /** An IDX file's header with its count set to {@code n}, and its first {@code n} records. */
    private static byte[] head(Path gz, int header, int n, int recordBytes) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz))) {
            byte[] out = in.readNBytes(header + n * recordBytes);
            java.nio.ByteBuffer.wrap(out).putInt(4, n);
            return out;
        }
    }
}

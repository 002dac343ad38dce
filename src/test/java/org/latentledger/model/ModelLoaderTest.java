package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.ResourceRoot;

class ModelLoaderTest {

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelLoader.load(ResourceRoot.directory(dir), "sample-models/none.zip"));
        assertEquals(dir.resolve("sample-models/none.zip").toString(), e.file());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void emptyAndForeignFilesAreDescribed() {
        assertTrue(assertThrows(ModelLoadException.class, () -> ModelLoader.load("m", "m.zip", new byte[0]))
                .getMessage().contains("an empty file"));
        assertTrue(assertThrows(ModelLoadException.class, () -> ModelLoader.load("m", "m.zip", "hello".getBytes()))
                .getMessage().contains("a text file starting with \"hello\""));
    }

    @Test
    void zipWithoutConfigurationIsDescribed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a model".getBytes());
            zip.closeEntry();
        }
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load("m", "odd.zip", bytes.toByteArray()));
        assertTrue(e.getMessage().startsWith("odd.zip: expected a Deeplearning4j model zip"), e.getMessage());
        assertTrue(e.getMessage().contains("without configuration.json"), e.getMessage());
    }

    @Test
    void truncatedZipIsReported() throws Exception {
        byte[] good = Files.readAllBytes(Path.of(SampleModel.DIGITS_MLP.zipPath()));
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load("m", "cut.zip", cut));
        assertTrue(e.getMessage().startsWith("cut.zip: expected"), e.getMessage());
    }

    @Test
    void loadsTheBundledModelWithItsHash() throws Exception {
        try (LoadedModel m = ModelLoader.load(ResourceRoot.directory(Path.of(".")), SampleModel.DIGITS_MLP.zipPath())) {
            assertEquals("digits-mlp", m.name());
            assertEquals(64, m.inputSize());
            assertEquals(64, m.hash().length());
            assertEquals(4, m.layers().size());
        }
    }
}

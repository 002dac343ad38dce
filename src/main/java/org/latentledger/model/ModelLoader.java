package org.latentledger.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Hashing;
import org.latentledger.data.ResourceRoot;

/** Opens Deeplearning4j model zips written by ModelSerializer. */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static LoadedModel load(ResourceRoot root, String relative) throws ModelLoadException {
        String source = root.describe(relative);
        byte[] bytes;
        try {
            bytes = root.read(relative);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(source, "a Deeplearning4j model zip", "no such file", e);
        } catch (IOException e) {
            throw new ModelLoadException(source, "a readable file", e.toString(), e);
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1).replaceFirst("\\.zip$", "");
        return load(name, source, bytes);
    }

    public static LoadedModel load(String name, String source, byte[] bytes) throws ModelLoadException {
        String missing = missingEntry(bytes);
        if (missing != null) {
            throw new ModelLoadException(source, "a Deeplearning4j model zip (configuration.json and coefficients.bin)", missing, null);
        }
        Nd4jRuntime.configure();
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
            return new LoadedModel(name, source, Hashing.sha256(bytes), net);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(source, "a MultiLayerNetwork saved by ModelSerializer",
                    "a file DL4J could not restore (" + e.getMessage() + ")", e);
        }
    }

    /** Checks the zip structure first, so a truncated or foreign file gets a precise message. */
    private static String missingEntry(byte[] bytes) {
        boolean config = false;
        boolean coefficients = false;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                config |= e.getName().equals("configuration.json");
                coefficients |= e.getName().equals("coefficients.bin");
            }
        } catch (IOException e) {
            return "a damaged zip (" + e.getMessage() + ")";
        }
        if (entries == 0) {
            return bytes.length == 0 ? "an empty file" : "a file that is not a zip archive";
        }
        if (!config) {
            return "a zip without configuration.json";
        }
        return coefficients ? null : "a zip without coefficients.bin";
    }
}

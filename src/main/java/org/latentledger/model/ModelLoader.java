package org.latentledger.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentledger.data.Hashing;
import org.latentledger.data.ResourceRoot;

/**
 * Opens models: Deeplearning4j zips written by ModelSerializer (MultiLayerNetwork or
 * ComputationGraph), Keras HDF5 files, Keras 3 {@code .keras} zips and ONNX models. The format is
 * recognised from the bytes, not the name.
 */
public final class ModelLoader {

    static final String EXPECTED = "a Deeplearning4j model zip, a Keras model (.h5 or Keras 3 .keras) or an ONNX model";

    private ModelLoader() {
    }

    /**
     * Opens {@code nameOrPath}: a model file when one exists at that path, else the bundled sample
     * of that name ("digits-mlp"), read from the class path.
     */
    public static LoadedModel load(String nameOrPath) throws ModelLoadException {
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            java.util.Optional<SampleModel> sample = SampleModel.find(nameOrPath);
            if (sample.isPresent()) {
                return load(ResourceRoot.classpath(), sample.get().zipPath());
            }
            throw new ModelLoadException(nameOrPath, EXPECTED + ", or a bundled model (" + SampleModel.names() + ")",
                    "no such file", null);
        }
        return load(path);
    }

    public static LoadedModel load(Path file) throws ModelLoadException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ModelLoadException(source, EXPECTED, "a directory, not a file", null);
        }
        if (!Files.exists(file)) {
            throw new ModelLoadException(source, EXPECTED, "no such file", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelLoadException(source, "a readable file", e.toString(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.(zip|h5|hdf5|keras|onnx)$", "");
        if (OnnxGraph.looksLikeOnnx(bytes)) {
            Path dir = file.toAbsolutePath().getParent(); // where external data (model.onnx.data) lies
            return onnx(name, source, bytes, dir);
        }
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // The name says what it should be: a file that is not what its name says is told so in those terms.
        if (lower.endsWith(".onnx") && bytes.length > 0 && !KerasImporter.isHdf5(bytes) && !isZip(bytes)) {
            throw new ModelLoadException(source, "an ONNX model (a serialized ModelProto with a graph)", bytes.length > 0
                    && FileSniffer.describe(bytes).startsWith("a text file") ? FileSniffer.describe(bytes)
                    : String.format(java.util.Locale.ROOT, "%,d bytes that do not parse as one: the file is damaged or truncated", bytes.length), null);
        }
        if (lower.endsWith(".keras") && isZip(bytes) && !Keras3Reader.looksLikeKeras3(bytes)) {
            return Keras3Reader.load(name, source, bytes);
        }
        return load(name, source, bytes);
    }

    private static LoadedModel onnx(String name, String source, byte[] bytes, Path dir) throws ModelLoadException {
        Nd4jRuntime.configure();
        OnnxGraph graph = OnnxGraph.parse(bytes, dir, source);
        return new LoadedModel(name, source, Hashing.sha256(bytes), "ONNX", OnnxNetwork.open(graph, source));
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
        Nd4jRuntime.configure();
        if (KerasImporter.isHdf5(bytes)) {
            return KerasImporter.load(name, source, bytes);
        }
        if (OnnxGraph.looksLikeOnnx(bytes)) {
            return onnx(name, source, bytes, null);
        }
        if (!isZip(bytes)) {
            throw new ModelLoadException(source, EXPECTED, FileSniffer.describe(bytes), null);
        }
        if (Keras3Reader.looksLikeKeras3(bytes)) {
            return Keras3Reader.load(name, source, bytes);
        }
        String config = dl4jConfiguration(source, bytes);
        boolean graph = config.contains("\"vertices\"");
        ComputationGraph g = null;
        MultiLayerNetwork net = null;
        try {
            if (graph) {
                g = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), false);
            } else {
                net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(source, "a " + (graph ? "ComputationGraph" : "MultiLayerNetwork") + " saved by ModelSerializer",
                    "a file DL4J could not restore (" + e.getMessage() + ")", e);
        }
        // DL4J restored it: what follows is our reading of it (its input shape, its table), and a failure says so.
        try {
            return graph ? new LoadedModel(name, source, Hashing.sha256(bytes), "ComputationGraph", new GraphNetwork(g))
                    : new LoadedModel(name, source, Hashing.sha256(bytes), "MultiLayerNetwork", new SequentialNetwork(net));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new ModelLoadException(source, "a network the app can lay out", "a " + (graph ? "ComputationGraph" : "MultiLayerNetwork")
                    + " it cannot: " + e.getMessage(), e);
        }
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** Reads configuration.json, checking the zip's structure first so a foreign zip gets a precise message. */
    private static String dl4jConfiguration(String source, byte[] bytes) throws ModelLoadException {
        String config = null;
        boolean coefficients = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("configuration.json")) {
                    config = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
                coefficients |= e.getName().equals("coefficients.bin");
            }
        } catch (IOException e) {
            throw new ModelLoadException(source, EXPECTED, "a damaged or truncated zip (" + e.getMessage() + ")", e);
        }
        if (config == null) {
            throw new ModelLoadException(source, "a Deeplearning4j model zip (configuration.json and coefficients.bin)",
                    "a zip without configuration.json: not a DL4J model", null);
        }
        if (!coefficients) {
            throw new ModelLoadException(source, "a Deeplearning4j model zip (configuration.json and coefficients.bin)",
                    "a zip without coefficients.bin (truncated, or a configuration only)", null);
        }
        return config;
    }
}

package org.latentledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentledger.data.DataLoader;
import org.latentledger.data.Dataset;
import org.latentledger.model.DataCheck;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;

/**
 * Every kind of bad input the app can be given, with the message it must produce: the message
 * names the file and says what was expected and what was found. Nothing may crash or hang.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    /** Builds the bad file in {@code dir} and returns its path. */
    @FunctionalInterface
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    record Case(String what, boolean model, Maker maker, List<String> mustSay) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                model("truncated zip", d -> write(d, "cut.zip", Arrays.copyOf(sampleZip(), sampleZip().length / 3)),
                        "expected a Deeplearning4j model zip", "truncated"),
                model("zip that is not a DL4J model", d -> write(d, "photos.zip", zip("readme.txt", "holiday")),
                        "zip without configuration.json: not a DL4J model"),
                model("renamed text file", d -> write(d, "notes.zip", "dear diary".getBytes()),
                        "a text file starting with \"dear diary\""),
                model("0-byte file", d -> write(d, "empty.zip", new byte[0]), "an empty file (0 bytes)"),
                model("h5 that is not a Keras model", d -> copy(d, "keras/weights-only.h5"),
                        "an HDF5 file without model_config"),
                model("Keras layer type not supported", d -> copy(d, "keras/unsupported-lstm.h5"),
                        "layer 'memory' of type LSTM, which is not supported"),
                model("model path that does not exist", d -> d.resolve("nowhere/model.zip"), "no such file"),
                model("directory given as a model file", d -> Files.createDirectories(d.resolve("a-folder.zip")),
                        "a directory, not a file"),
                model("binary file that is neither zip nor HDF5", d -> write(d, "m.bin", new byte[] {0, 1, 2, (byte) 0xff, 9}),
                        "neither a zip nor HDF5"),
                data("CSV with ragged rows", d -> text(d, "ragged.csv", "a,b,c\n1,2,3\n4,5\n"),
                        "3 fields per row, as in the header", "2 fields on line 3"),
                data("non-numeric cell", d -> text(d, "words.csv", "a,b\n1,2\n3,abc\n"), "'abc' on line 3, column 'b'"),
                data("NaN value", d -> text(d, "nan.csv", "a,b\nNaN,2\n"), "finite numbers", "NaN on line 2, column 'a'"),
                data("infinite value", d -> text(d, "inf.csv", "a,b\n1,-Infinity\n"), "-Infinity on line 2, column 'b'"),
                data("empty cell", d -> text(d, "hole.csv", "a,b\n1,\n"), "an empty cell on line 2, column 'b'"),
                data("empty CSV", d -> text(d, "empty.csv", ""), "an empty file"),
                data("CSV with a header only", d -> text(d, "header.csv", "a,b,label\n"), "a header but no data rows"),
                data("CSV with no feature column", d -> text(d, "labels.csv", "label,name\nx,y\n"), "no feature columns"),
                data("image folder with no images", d -> Files.createDirectories(d.resolve("no-images/cats")).getParent(),
                        "no PNG or JPEG images (checked 1 sub-folder)"),
                data("unreadable image", d -> {
                    Path folder = Files.createDirectories(d.resolve("broken-images/cats"));
                    Files.writeString(folder.resolve("tom.png"), "not really a png");
                    return folder.getParent();
                }, "tom.png", "a file no image decoder recognises"),
                data("IDX with a wrong magic number", d -> write(d, "x-images-idx3-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 0}),
                        "an IDX images file (magic number 2051)", "magic number 2049"),
                data("TSV vectors of different lengths", d -> {
                    Path folder = Files.createDirectories(d.resolve("uneven"));
                    Files.writeString(folder.resolve("vectors.tsv"), "1\t2\t3\n4\t5\n");
                    return folder;
                }, "vectors of one length (3 values, as on line 1)", "2 values on line 2"),
                data("metadata with a different row count", d -> {
                    Path folder = Files.createDirectories(d.resolve("meta"));
                    Files.writeString(folder.resolve("vectors.tsv"), "1\t2\n3\t4\n5\t6\n");
                    Files.writeString(folder.resolve("metadata.tsv"), "a\nb\n");
                    return folder;
                }, "metadata.tsv", "one row per vector (3 rows)", "2 rows"),
                data("data path that does not exist", d -> d.resolve("missing.csv"), "no such file or folder"),
                data("file of an unknown kind", d -> write(d, "table.xlsx", new byte[] {1, 2, 3}), "of none of these kinds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAMessageNamingTheFile(Case c) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Path file = c.maker().make(dir);
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
                if (c.model()) {
                    ModelLoader.load(file).close();
                } else {
                    DataLoader.open(file, null, false);
                }
            });
            String message = e.getMessage();
            assertTrue(message.contains(file.getFileName().toString()), "names the file: " + message);
            for (String fragment : c.mustSay()) {
                assertTrue(message.contains(fragment), "says '" + fragment + "': " + message);
            }
        });
    }

    @org.junit.jupiter.api.Test
    void dataOfTheWrongWidthGivesBothNumbers() throws Exception {
        Path csv = text(dir, "three.csv", "a,b,c\n1,2,3\n");
        Dataset data = DataLoader.open(csv, null, false);
        try (LoadedModel model = ModelLoader.load(Path.of("sample-models/digits-mlp.zip"))) {
            assertEquals("the model takes 64 values per point; the data three has 3 columns",
                    DataCheck.mismatch(model.input(), data));
        }
    }

    private static Arguments model(String what, Maker maker, String... mustSay) {
        return Arguments.of(new Case(what, true, maker, List.of(mustSay)));
    }

    private static Arguments data(String what, Maker maker, String... mustSay) {
        return Arguments.of(new Case(what, false, maker, List.of(mustSay)));
    }

    private static Path write(Path d, String name, byte[] bytes) throws IOException {
        return Files.write(d.resolve(name), bytes);
    }

    private static Path text(Path d, String name, String text) throws IOException {
        return Files.writeString(d.resolve(name), text);
    }

    private static Path copy(Path d, String resource) throws IOException {
        Path target = d.resolve(Path.of(resource).getFileName());
        Files.copy(Path.of("src/test/resources").resolve(resource), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static byte[] sampleZip() throws IOException {
        return Files.readAllBytes(Path.of("sample-models/digits-mlp.zip"));
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes());
            z.closeEntry();
        }
        return bytes.toByteArray();
    }
}

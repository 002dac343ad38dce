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
public class BadInputTest {

    @TempDir
    static Path dir;

    /** Builds the bad file in {@code dir} and returns its path. */
    @FunctionalInterface
    public interface Maker {
        Path make(Path dir) throws Exception;
    }

    public record Case(String what, boolean model, Maker maker, List<String> mustSay) {
        @Override
        public String toString() {
            return what;
        }
    }

    public static Stream<Arguments> cases() {
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
                        "an IDX images file (magic number 00 00 08 03)", "magic number 00 00 08 01"),
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
                data("file of an unknown kind", d -> write(d, "table.xlsx", new byte[] {1, 2, 3}), "of none of these kinds",
                        "not a text file"),

                // HDF5 and zips cut or damaged: said in words, before the native library prints its own diagnostics.
                model("Keras h5 cut in half", d -> write(d, "half.h5", cut(res("keras/mlp.h5"), 0.5)), "the file is truncated", "missing"),
                model("Keras h5 cut inside its superblock", d -> write(d, "forty.h5", Arrays.copyOf(res("keras/mlp.h5"), 40)),
                        "ends inside its HDF5 superblock"),
                model("Keras h5 missing its last bytes", d -> write(d, "almost.h5", cut(res("keras/mlp.h5"), 0.97)),
                        "the file is truncated"),
                model("HDF5 signature and nothing else", d -> write(d, "sig.h5", Arrays.copyOf(res("keras/mlp.h5"), 8)), "truncated"),
                model("DL4J zip cut to its first 100 bytes", d -> write(d, "hundred.zip", Arrays.copyOf(sampleZip(), 100)), "truncated"),
                model("DL4J zip with its middle overwritten", d -> write(d, "scrambled.zip", scrambled(sampleZip())),
                        "expected a Deeplearning4j model zip"),
                model("DL4J zip whose configuration is not JSON", d -> write(d, "badconf.zip",
                        zip("configuration.json", "{\"layers\": [oops")), "configuration.json"),
                model("DL4J zip with a configuration and no weights", d -> write(d, "noweights.zip", zipOf(sampleZip(), "configuration.json")),
                        "coefficients.bin"),
                model("Keras 3 .keras cut in half", d -> write(d, "half.keras", cut(res("keras3/mlp.keras"), 0.5)), "truncated"),
                model("Keras 3 .keras without config.json", d -> write(d, "noconfig.keras", zip("metadata.json", "{}")),
                        "a zip without config.json"),
                model("ONNX cut in half", d -> write(d, "half.onnx", cut(res("onnx/mlp.onnx"), 0.5)), "expected an ONNX model",
                        "damaged or truncated"),
                model("random bytes named .onnx", d -> write(d, "noise.onnx", noise(4096)), "expected an ONNX model", "4,096 bytes"),
                model("text named .onnx", d -> write(d, "notes.onnx", "a model, I promise".getBytes()), "a text file"),
                model("Keras weights that do not fit the configuration", d -> copy(d, "keras/mismatched-weights.h5"),
                        "layer 'squash' takes W 16x8, b 8", "kernel:0 16x5"),
                model("0-byte .h5", d -> write(d, "empty.h5", new byte[0]), "an empty file (0 bytes)"),
                model("0-byte .onnx", d -> write(d, "empty.onnx", new byte[0]), "an empty file (0 bytes)"),

                // IDX: sizes checked against the file before anything is allocated; the magic number as the file has it.
                data("IDX announcing more images than it holds", d -> write(d, "big-images-idx3-ubyte", idx(2051, 60_000, 28, 28, 5)),
                        "60,000 images of 28x28", "5 whole images", "truncated, or its header is wrong"),
                data("IDX announcing a billion images", d -> write(d, "huge-images-idx3-ubyte", idx(2051, 1_000_000_000, 28, 28, 1)),
                        "1,000,000,000 images", "truncated"),
                data("IDX gzip stream cut short", d -> write(d, "cut-images-idx3-ubyte.gz", cut(gzip(idx(2051, 50, 28, 28, 50)), 0.5)),
                        "a whole gzip stream", "cut short"),
                data("IDX with a labels file's magic", d -> write(d, "swap-images-idx3-ubyte", idx(2049, 1, 2, 2, 1)),
                        "magic number 00 00 08 03", "magic number 00 00 08 01"),
                data("text named as IDX", d -> text(d, "words-images-idx3-ubyte", "hello world, not pixels"), "looks like text"),
                data("IDX of three bytes", d -> write(d, "tiny-images-idx3-ubyte", new byte[] {0, 0, 8}), "a file of 3 bytes"),
                data("IDX with zero-width images", d -> write(d, "flat-images-idx3-ubyte", idx(2051, 3, 28, 0, 0)),
                        "positive image count and size"),
                data("IDX labels fewer than images", d -> {
                    write(d, "few-labels-idx1-ubyte", labels(2));
                    return write(d, "few-images-idx3-ubyte", idx(2051, 3, 2, 2, 3));
                }, "3 labels (one per image)", "2 labels in its header"),
                data("IDX labels file cut short", d -> {
                    write(d, "short-labels-idx1-ubyte", Arrays.copyOf(labels(3), 10));
                    return write(d, "short-images-idx3-ubyte", idx(2051, 3, 2, 2, 3));
                }, "short-labels-idx1-ubyte", "3 labels after the header", "truncated"),

                // Delimited text.
                data("semicolons with decimal commas", d -> text(d, "euro.csv", "a;b;label\n1,5;2;x\n"),
                        "separated by semicolons", "a decimal comma: write 1.5"),
                data("semicolons with a ragged row", d -> text(d, "semi.csv", "a;b;c\n1;2;3\n4;5\n"),
                        "separated by semicolons", "2 fields on line 3"),
                data("unclosed quote", d -> text(d, "quote.csv", "a,b\n1,2\n\"3,4\n5,6\n"), "a quote that opens on line 3, field 1"),
                data("unclosed quote in a later field", d -> text(d, "quote2.csv", "a,b,name\n1,2,\"Smith\n3,4,x\n"),
                        "opens on line 2, field 3"),
                data("binary data named .csv", d -> write(d, "photo.csv", pngBytes()), "not a text file"),
                data("zeros named .txt", d -> write(d, "zeros.txt", new byte[64]), "a zero byte at offset 0", "not a text file"),
                data("binary of no known kind", d -> write(d, "blob.dat", noise(512)), "not a text file"),
                data("gzip CSV cut short", d -> write(d, "cut.csv.gz", cut(gzip("a,b\n1,2\n3,4\n".repeat(200).getBytes()), 0.5)),
                        "a whole gzip stream", "truncated"),
                data("a number too large for a float", d -> text(d, "big.csv", "a,b\n1e999,2\n"), "finite numbers", "1e999 on line 2"),
                data("tab header over comma rows", d -> text(d, "mixed.csv", "a\tb\tc\n1,2,3\n"), "3 fields per row",
                        "separated by tabs", "1 fields on line 2"),

                // Embedding-Projector files.
                data("comma-separated vectors.tsv", d -> {
                    Path folder = Files.createDirectories(d.resolve("commas"));
                    return Files.writeString(folder.resolve("vectors.tsv"), "1,2,3\n4,5,6\n");
                }, "one tab-separated vector per line, no header", "values separated by commas on line 1"),
                data("comma-separated vectors.tsv in its folder", d -> {
                    Path folder = Files.createDirectories(d.resolve("commas-folder"));
                    Files.writeString(folder.resolve("vectors.tsv"), "0.1,0.2\n0.3,0.4\n");
                    return folder;
                }, "vectors.tsv", "values separated by commas"),
                data("semicolon-separated vectors.tsv", d -> {
                    Path folder = Files.createDirectories(d.resolve("semis"));
                    return Files.writeString(folder.resolve("vectors.tsv"), "1;2\n3;4\n");
                }, "values separated by semicolons"),
                data("Projector folder without vectors.tsv", d -> {
                    Path folder = Files.createDirectories(d.resolve("projector"));
                    Files.writeString(folder.resolve("metadata.tsv"), "a\nb\n");
                    return folder;
                }, "vectors.tsv (the vectors) beside metadata.tsv", "metadata.tsv and no vectors.tsv"),
                data("binary vectors.tsv", d -> {
                    Path folder = Files.createDirectories(d.resolve("binvec"));
                    Files.write(folder.resolve("vectors.tsv"), noise(300));
                    return folder;
                }, "not a text file"),
                data("vectors.tsv in Latin-1", d -> {
                    Path folder = Files.createDirectories(d.resolve("latin"));
                    Files.writeString(folder.resolve("vectors.tsv"), "1\t2\n3\t4\n");
                    Files.write(folder.resolve("metadata.tsv"), "caf\u00e9\nna\u00efve\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    return folder;
                }, "metadata.tsv", "not UTF-8"),
                data("vectors.tsv with NaN", d -> {
                    Path folder = Files.createDirectories(d.resolve("nanvec"));
                    Files.writeString(folder.resolve("vectors.tsv"), "1\t2\nNaN\t4\n");
                    return folder;
                }, "finite numbers", "NaN on line 2"),
                data("metadata.tsv with an unclosed quote", d -> {
                    Path folder = Files.createDirectories(d.resolve("quotemeta"));
                    Files.writeString(folder.resolve("vectors.tsv"), "1\t2\n3\t4\n");
                    Files.writeString(folder.resolve("metadata.tsv"), "\"a\nb\n");
                    return folder;
                }, "metadata.tsv", "a quote that opens on line 1"),

                // Image folders.
                data("images with no class sub-folders", d -> {
                    Path folder = Files.createDirectories(d.resolve("photos"));
                    Files.write(folder.resolve("a.png"), pngBytes());
                    Files.write(folder.resolve("b.png"), pngBytes());
                    return folder;
                }, "the classes are the sub-folders' names", "2 images and no class sub-folders", "as unlabelled"),
                data("a 0-byte PNG", d -> {
                    Path folder = Files.createDirectories(d.resolve("empty-png/cats"));
                    Files.write(folder.resolve("tom.png"), new byte[0]);
                    return folder.getParent();
                }, "tom.png", "a file no image decoder recognises"));
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
            // The file at fault: the one given, or the labels file read beside an IDX images file.
            String named = c.what().startsWith("IDX labels") ? file.getFileName().toString().replace("images-idx3", "labels-idx1")
                    : file.getFileName().toString();
            assertTrue(message.contains(named), "names the file: " + message);
            for (String trace : List.of("Exception", "HDF5-DIAG", "at org.", "at java.", "Please file an issue")) {
                assertTrue(!message.contains(trace), "no exception names or native diagnostics ('" + trace + "'): " + message);
            }
            for (String fragment : c.mustSay()) {
                assertTrue(message.contains(fragment), "says '" + fragment + "': " + message);
            }
        });
    }

    /** The same files through the command line: status 1, the message on stderr naming the file, no stack trace. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCommandLineSaysTheSameWithoutATrace(Case c) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Path file = c.maker().make(Files.createDirectories(dir.resolve("cli")));
            org.latentledger.cli.CliTest.Run r = c.model()
                    ? org.latentledger.cli.CliTest.run("inspect", "--model", file.toString())
                    : org.latentledger.cli.CliTest.run("project", "--data", file.toString(), "--method", "pca", "--out",
                            dir.resolve("cli-out.csv").toString());
            assertEquals(1, r.status(), c.what() + ": " + r.err() + r.out());
            String named = c.what().startsWith("IDX labels") ? file.getFileName().toString().replace("images-idx3", "labels-idx1")
                    : file.getFileName().toString();
            assertTrue(r.err().contains(named), "names the file: " + r.err());
            for (String trace : List.of("Exception", "HDF5-DIAG", "\tat ", "Please file an issue")) {
                assertTrue(!r.err().contains(trace) && !r.console().contains(trace), "no trace or diagnostics ('" + trace + "'): "
                        + r.err() + r.console());
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

    private static byte[] res(String resource) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources").resolve(resource));
    }

    private static byte[] cut(byte[] bytes, double share) {
        return Arrays.copyOf(bytes, (int) (bytes.length * share));
    }

    /** The bytes with a tenth of them, from the middle on, overwritten by a seeded noise. */
    private static byte[] scrambled(byte[] bytes) {
        byte[] out = bytes.clone();
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int i = out.length / 2; i < out.length / 2 + out.length / 10; i++) {
            out[i] = (byte) r.nextInt(256);
        }
        return out;
    }

    private static byte[] noise(int n) {
        byte[] out = new byte[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            out[i] = (byte) r.nextInt(256);
        }
        out[0] = 1; // not a gzip, zip or HDF5 signature
        return out;
    }

    /** An IDX file: magic, count, rows, columns, then {@code images} images of zero pixels. */
    private static byte[] idx(int magic, int count, int rows, int cols, int images) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + images * rows * cols);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        return b.array();
    }

    private static byte[] labels(int count) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + count);
        b.putInt(2049).putInt(count);
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] pngBytes() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The given zip with only the named entries kept. */
    private static byte[] zipOf(byte[] zip, String... keep) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (List.of(keep).contains(e.getName())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
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

package org.latentledger.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a data set from a path, recognising its format: a folder of class sub-folders of images,
 * a folder or file of Embedding-Projector TSV, an IDX images file (labels found beside it), or a
 * CSV/TSV with a header.
 */
public final class DataLoader {

    static final String EXPECTED = "a CSV/TSV file with a header, an IDX file, an Embedding-Projector vectors.tsv, "
            + "or a folder of images in class sub-folders";

    private DataLoader() {
    }

    /**
     * Opens {@code nameOrPath}: a file or folder when one exists at that path, else the bundled
     * data set of that name ("digits", "fashion-mnist"), read from the class path as it is.
     *
     * @param imageShape   shape images in a file or folder are converted to (the model's input), or null to keep their size
     * @param channelsLast whether the model takes images flattened channels last
     */
    public static Dataset open(String nameOrPath, ImageShape imageShape, boolean channelsLast) throws DataFormatException {
        return open(nameOrPath, imageShape, channelsLast, false);
    }

    /** @param unlabelledImages read a folder of images with no class sub-folders as unlabelled */
    public static Dataset open(String nameOrPath, ImageShape imageShape, boolean channelsLast, boolean unlabelledImages)
            throws DataFormatException {
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            Optional<BundledData> bundled = BundledData.find(nameOrPath);
            if (bundled.isPresent()) {
                return bundled.get().load(ResourceRoot.classpath());
            }
            throw new DataFormatException(nameOrPath, EXPECTED + ", or a bundled data set (" + BundledData.names() + ")",
                    "no such file or folder");
        }
        return open(path, imageShape, channelsLast, unlabelledImages);
    }

    /**
     * @param imageShape   shape images are converted to (the model's input), or null to keep their size
     * @param channelsLast whether the model takes images flattened channels last
     */
    public static Dataset open(Path path, ImageShape imageShape, boolean channelsLast) throws DataFormatException {
        return open(path, imageShape, channelsLast, false);
    }

    /**
     * @param unlabelledImages read a folder of images with no class sub-folders as unlabelled
     *                         images (else it is refused: classes come from sub-folders)
     */
    public static Dataset open(Path path, ImageShape imageShape, boolean channelsLast, boolean unlabelledImages) throws DataFormatException {
        if (!Files.exists(path)) {
            throw new DataFormatException(path.toString(), EXPECTED, "no such file or folder");
        }
        if (Files.isDirectory(path)) {
            Path vectors = path.resolve(ProjectorTsvReader.VECTORS);
            if (Files.isRegularFile(vectors)) {
                return ProjectorTsvReader.read(vectors);
            }
            if (Files.isRegularFile(path.resolve(ProjectorTsvReader.METADATA))) {
                throw new DataFormatException(path.toString(), "an Embedding-Projector folder: " + ProjectorTsvReader.VECTORS
                        + " (the vectors) beside " + ProjectorTsvReader.METADATA, ProjectorTsvReader.METADATA + " and no "
                        + ProjectorTsvReader.VECTORS);
            }
            return ImageFolderReader.read(path, imageShape, channelsLast, unlabelledImages);
        }
        byte[] bytes = read(path);
        String fileName = path.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        String name = fileName.replaceFirst("(?i)\\.(csv|tsv|txt)(\\.gz)?$", "");
        if (bytes.length == 0) {
            throw new DataFormatException(path.toString(), EXPECTED, "an empty file (0 bytes)");
        }
        if (isIdxImages(bytes) || lower.contains("idx") || lower.contains("ubyte")) {
            return idx(path, bytes);
        }
        // A file named vectors.tsv is the Projector's, header or not: a CSV reading would take its first vector for a header.
        if (lower.equals(ProjectorTsvReader.VECTORS) || lower.endsWith(".tsv") && ProjectorTsvReader.looksLikeVectors(bytes)) {
            return ProjectorTsvReader.read(path);
        }
        if (lower.matches(".*\\.(csv|tsv|txt)(\\.gz)?$")) {
            return CsvReader.read(name, path.toString(), bytes);
        }
        try {
            DelimitedText.requireText(path.toString(), EXPECTED, bytes);
        } catch (DataFormatException binary) {
            throw new DataFormatException(path.toString(), EXPECTED, "a file named '" + fileName + "' of none of these kinds, holding "
                    + binary.found(), binary);
        }
        throw new DataFormatException(path.toString(), EXPECTED, "a file named '" + fileName + "' of none of these kinds");
    }

    private static byte[] read(Path path) throws DataFormatException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataFormatException(path.toString(), "a readable file", e.toString(), e);
        }
    }

    /** IDX images, gzip or plain: magic 0x00000803 (unsigned bytes, three dimensions). */
    private static boolean isIdxImages(byte[] bytes) {
        try (var in = new java.io.DataInputStream(DigitsCsvReader.maybeGunzip(bytes))) {
            return in.readInt() == IdxReader.IMAGES_MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    private static Dataset idx(Path images, byte[] bytes) throws DataFormatException {
        String fileName = images.getFileName().toString();
        Path labelsPath = images.resolveSibling(fileName.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1"));
        byte[] labels = !labelsPath.equals(images) && Files.isRegularFile(labelsPath) ? read(labelsPath) : null;
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            classes.add(Integer.toString(i));
        }
        Dataset d = IdxReader.read(fileName.replaceFirst("(?i)(\\.gz)$", ""), images.toString(), bytes,
                labels == null ? null : labelsPath.toString(), labels, classes);
        int max = -1;
        for (int l : d.labels()) {
            max = Math.max(max, l);
        }
        return new Dataset(d.name(), d.source(), d.features(), d.labels(), classes.subList(0, max + 1), d.image(), d.scaling(),
                d.hash(), d.names());
    }
}

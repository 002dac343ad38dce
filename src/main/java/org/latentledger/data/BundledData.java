package org.latentledger.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The data sets that ship with the app, read from a {@link ResourceRoot}. */
public enum BundledData {

    /** UCI optical digits, 1797 x 8x8 (Alpaydin and Kaynak 1998), as shipped by scikit-learn. */
    DIGITS("digits", "assets/data/digits/digits.csv.gz"),
    /** Fashion-MNIST test set, 10000 x 28x28 (Xiao, Rasul and Vollgraf 2017). */
    FASHION("fashion-mnist", "assets/data/fashion-mnist/t10k-images-idx3-ubyte.gz"),
    /**
     * WordNet 3.1's synsets (Princeton; read from the extjwnl data jar), a seeded sample of them
     * as rows over the concepts model's vocabulary, which is the file named here.
     */
    WORDNET("wordnet", "sample-models/concepts.vocab.tsv"),
    /** Every one of WordNet 3.1's 117,791 synsets over the same vocabulary (3.8 GB of rows: on request). */
    WORDNET_ALL("wordnet-all", "sample-models/concepts.vocab.tsv");

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final String FASHION_LABELS = "assets/data/fashion-mnist/t10k-labels-idx1-ubyte.gz";

    private final String displayName;
    private final String path;

    BundledData(String displayName, String path) {
        this.displayName = displayName;
        this.path = path;
    }

    /** Whether this set's rows are columns for the same models as {@code other}'s (every synset and the sample are). */
    public boolean fitsLike(BundledData other) {
        return family() == other.family();
    }

    private BundledData family() {
        return this == WORDNET_ALL ? WORDNET : this;
    }

    /** What the set is, in a few words, for menus. */
    public String summary() {
        return switch (this) {
            case DIGITS -> "1,797 handwritten digits, 8x8";
            case FASHION -> "10,000 clothes, 28x28";
            case WORDNET -> String.format(java.util.Locale.ROOT, "%,d WordNet synsets, for concepts",
                    org.latentledger.text.WordNetData.SAMPLE);
            case WORDNET_ALL -> String.format(java.util.Locale.ROOT, "all %,d WordNet synsets, for concepts: %.1f GB",
                    org.latentledger.text.WordNetData.SYNSETS, org.latentledger.text.WordNetData.SYNSETS
                            * (double) org.latentledger.text.ConceptsModel.VOCABULARY * Float.BYTES / 1e9);
        };
    }

    public String displayName() {
        return displayName;
    }

    /** The bundled set called {@code name} ("digits", "fashion-mnist"), if there is one. */
    public static Optional<BundledData> find(String name) {
        return Arrays.stream(values()).filter(b -> b.displayName.equals(name)).findFirst();
    }

    /** The sets' names, comma-separated, for messages and help texts. */
    public static String names() {
        return Arrays.stream(values()).map(BundledData::displayName).collect(Collectors.joining(", "));
    }

    /** The main file, relative to the resource root. */
    public String path() {
        return path;
    }

    /**
     * Reads the data set.
     *
     * @throws DataFormatException naming the file when it is missing or malformed
     */
    public Dataset load(ResourceRoot root) throws DataFormatException {
        return switch (this) {
            case DIGITS -> DigitsCsvReader.read(displayName, root.describe(path), bytes(root, path));
            case FASHION -> IdxReader.read(displayName, root.describe(path), bytes(root, path),
                    root.describe(FASHION_LABELS), bytes(root, FASHION_LABELS), FASHION_CLASSES);
            case WORDNET, WORDNET_ALL -> {
                try {
                    byte[] vocabulary = bytes(root, path);
                    yield this == WORDNET ? org.latentledger.text.WordNetData.load(vocabulary, root.describe(path))
                            : org.latentledger.text.WordNetData.loadAll(vocabulary, root.describe(path));
                } catch (IOException e) {
                    throw new DataFormatException(root.describe(path), "the concepts model's vocabulary", e.getMessage(), e);
                }
            }
        };
    }

    private static byte[] bytes(ResourceRoot root, String relative) throws DataFormatException {
        try {
            return root.read(relative);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(root.describe(relative), "a bundled data file", "no such file", e);
        } catch (IOException e) {
            throw new DataFormatException(root.describe(relative), "a readable file", e.toString(), e);
        }
    }
}

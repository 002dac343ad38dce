package org.latentledger.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LoadedModel;

/**
 * A model that reads text: the network and the bag of words its inputs are, found from the
 * vocabulary file beside the model ({@code NAME.vocab.tsv} beside {@code NAME.zip}; the bundled
 * {@code concepts} has its own in {@code sample-models/}).
 */
public record TextModel(LoadedModel model, BagOfWords words) {

    /**
     * The text model a loaded model is, if a vocabulary of its input width lies beside it.
     *
     * @param root where bundled files are read from
     */
    public static Optional<TextModel> of(LoadedModel model, ResourceRoot root) throws IOException {
        String source = model.source();
        String zip = source.startsWith("bundled ") ? source.substring("bundled ".length()) : source;
        if (!zip.endsWith(".zip")) {
            return Optional.empty();
        }
        String vocabPath = zip.substring(0, zip.length() - ".zip".length()) + ".vocab.tsv";
        Vocabulary v;
        if (source.startsWith("bundled ")) {
            byte[] bytes;
            try {
                bytes = root.read(vocabPath);
            } catch (java.nio.file.NoSuchFileException none) {
                return Optional.empty();
            }
            v = Vocabulary.read(new java.io.ByteArrayInputStream(bytes), root.describe(vocabPath));
        } else {
            Path file = Path.of(vocabPath);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            v = Vocabulary.read(Files.newInputStream(file), file.toString());
        }
        if (v.size() != model.inputSize()) {
            throw new IOException(vocabPath + ": a vocabulary of " + model.inputSize() + " words for " + model.name() + ", found "
                    + v.size() + " words");
        }
        return Optional.of(new TextModel(model, new BagOfWords(v, WordNet.bundled())));
    }
}

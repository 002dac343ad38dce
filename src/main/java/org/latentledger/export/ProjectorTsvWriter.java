package org.latentledger.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.latentledger.data.Dataset;

/**
 * Writes vectors in the TensorFlow Embedding Projector's TSV format: the vectors file (one row of
 * tab-separated numbers per point) and {@code metadata.tsv} beside it with a header and the
 * columns index, label, name.
 */
public final class ProjectorTsvWriter {

    private ProjectorTsvWriter() {
    }

    /** @return the metadata file written */
    public static Path write(Path vectors, float[][] rows, Dataset data) throws IOException {
        if (rows.length != data.size()) {
            throw new IllegalArgumentException(rows.length + " vectors for " + data.size() + " points");
        }
        Path dir = vectors.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        atomically(vectors, w -> {
            StringBuilder line = new StringBuilder();
            for (float[] row : rows) {
                line.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) {
                        line.append('\t');
                    }
                    line.append(row[j]);
                }
                w.write(line.append('\n').toString());
            }
        });
        Path metadata = dir.resolve("metadata.tsv");
        atomically(metadata, w -> {
            w.write("index\tlabel\tname\n");
            for (int i = 0; i < rows.length; i++) {
                w.write(i + "\t" + clean(data.labelName(i)) + "\t" + clean(data.rowName(i)) + "\n");
            }
        });
        return metadata;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }

    @FunctionalInterface
    private interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private static void atomically(Path file, Body body) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

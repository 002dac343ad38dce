package org.latentledger.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the TensorFlow Embedding Projector's format: {@code vectors.tsv} (one vector per line,
 * tab-separated numbers, no header) and an optional {@code metadata.tsv} beside it (one value per
 * line; with more than one column, a header row, and the label taken from a column named
 * "label", else the first). Such data has no model: its vectors are the map's input directly.
 */
public final class ProjectorTsvReader {

    public static final String VECTORS = "vectors.tsv";
    public static final String METADATA = "metadata.tsv";

    private ProjectorTsvReader() {
    }

    public static Dataset read(Path vectors) throws DataFormatException {
        String source = vectors.toString();
        String expected = "one tab-separated vector per line, no header";
        String all = text(vectors);
        if (all.isBlank()) {
            throw new DataFormatException(source, expected, "an empty file");
        }
        String first = all.lines().findFirst().orElse("");
        char separator = DelimitedText.guessDelimiter(first);
        boolean otherSeparator = first.indexOf(',') >= 0 || first.indexOf(';') >= 0 || first.indexOf('|') >= 0;
        if (first.indexOf('\t') < 0 && otherSeparator) {
            throw new DataFormatException(source, expected, "values separated by " + DelimitedText.name(separator)
                    + " on line 1 (save it with tabs, or name it .csv with a header row)");
        }
        List<DelimitedText.Row> rows = DelimitedText.parse(source, all, '\t');
        if (rows.isEmpty()) {
            throw new DataFormatException(source, expected, "an empty file");
        }
        int width = rows.getFirst().fields().size();
        float[][] x = new float[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            DelimitedText.Row row = rows.get(r);
            if (row.fields().size() != width) {
                throw new DataFormatException(source, "vectors of one length (" + width + " values, as on line 1)",
                        row.fields().size() + " values on line " + row.line());
            }
            for (int c = 0; c < width; c++) {
                x[r][c] = CsvReader.number(source, row.fields().get(c), row.line(), Integer.toString(c + 1));
            }
        }
        Path metaPath = vectors.resolveSibling(METADATA);
        Labels labels = Labels.none(x.length);
        List<String> names = List.of();
        if (Files.isRegularFile(metaPath)) {
            List<DelimitedText.Row> meta = DelimitedText.parse(metaPath.toString(), text(metaPath), '\t');
            boolean header = !meta.isEmpty() && meta.getFirst().fields().size() > 1;
            List<DelimitedText.Row> body = header ? meta.subList(1, meta.size()) : meta;
            if (body.size() != x.length) {
                throw new DataFormatException(metaPath.toString(), "one row per vector (" + x.length + " rows"
                        + (header ? " after the header" : "") + ")", body.size() + " rows");
            }
            int labelColumn = 0;
            int nameColumn = -1;
            if (header) {
                List<String> h = meta.getFirst().fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
                labelColumn = Math.max(0, h.indexOf("label"));
                nameColumn = h.indexOf("name");
            }
            List<String> cells = new ArrayList<>();
            List<String> n = new ArrayList<>();
            for (DelimitedText.Row r : body) {
                cells.add(labelColumn < r.fields().size() ? r.fields().get(labelColumn) : "");
                if (nameColumn >= 0) {
                    n.add(nameColumn < r.fields().size() ? r.fields().get(nameColumn).strip() : "");
                }
            }
            labels = Labels.of(cells);
            names = n;
        }
        String name = vectors.getParent() == null ? "vectors" : vectors.getParent().getFileName().toString();
        return new Dataset(name, source, x, labels.indices(), labels.classNames(), null, "vectors as in the file",
                Hashing.sha256(text(vectors).getBytes(StandardCharsets.UTF_8)), names);
    }

    private static String text(Path file) throws DataFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "a readable file", "one that cannot be read (" + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + ")", e);
        }
        DelimitedText.requireText(file.toString(), "a UTF-8 text file", bytes);
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try {
            return utf8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(file.toString(), "a UTF-8 text file", "bytes that are not UTF-8 (another encoding: save it as UTF-8)", e);
        }
    }

    /** True when the first line of a .tsv holds only numbers, as vectors.tsv does (a CSV has a header). */
    static boolean looksLikeVectors(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 65536), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        if (first.isEmpty()) {
            return false;
        }
        for (String cell : first.split("\t")) {
            try {
                Float.parseFloat(cell.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}

package org.latentledger.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV (comma or tab separated, optionally gzip-compressed) with a header row: every
 * column is a numeric feature except the optional {@code label} (a class name or number) and
 * {@code name} columns. Values are used as they are (no scaling).
 */
public final class CsvReader {

    private static final String EXPECTED = "a CSV file with a header row, numeric feature columns and optional 'label' and 'name' columns";

    private CsvReader() {
    }

    public static Dataset read(String name, String source, byte[] bytes) throws DataFormatException {
        String text;
        byte[] plain;
        try {
            plain = DigitsCsvReader.maybeGunzip(bytes).readAllBytes();
        } catch (java.io.EOFException e) {
            throw new DataFormatException(source, "a whole gzip stream", "one cut short: the file is truncated", e);
        } catch (IOException e) {
            throw new DataFormatException(source, "a readable (or gzip) CSV file", "damaged compressed data", e);
        }
        DelimitedText.requireText(source, EXPECTED, plain);
        text = new String(plain, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DataFormatException(source, EXPECTED, "an empty file");
        }
        char delimiter = DelimitedText.guessDelimiter(text);
        List<DelimitedText.Row> rows = DelimitedText.parse(source, text, delimiter);
        List<String> header = rows.getFirst().fields().stream().map(String::strip).toList();
        String separated = " (fields separated by " + DelimitedText.name(delimiter) + ")";
        if (rows.size() == 1) {
            throw new DataFormatException(source, EXPECTED, "a header but no data rows");
        }
        int labelColumn = indexOf(header, "label");
        int nameColumn = indexOf(header, "name");
        List<Integer> features = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != labelColumn && c != nameColumn) {
                features.add(c);
            }
        }
        if (features.isEmpty()) {
            throw new DataFormatException(source, EXPECTED, "no feature columns (only " + String.join(", ", header) + ")");
        }
        float[][] x = new float[rows.size() - 1][features.size()];
        List<String> labelCells = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            DelimitedText.Row row = rows.get(r);
            if (row.fields().size() != header.size()) {
                throw new DataFormatException(source, header.size() + " fields per row, as in the header" + separated,
                        row.fields().size() + " fields on line " + row.line());
            }
            for (int f = 0; f < features.size(); f++) {
                int c = features.get(f);
                String cell = row.fields().get(c);
                if (delimiter != ',' && cell.matches("\\s*-?\\d+,\\d+\\s*")) {
                    throw new DataFormatException(source, "numbers with a decimal point" + separated,
                            "'" + cell.strip() + "' on line " + row.line() + ", column '" + header.get(c) + "' (a decimal comma: write "
                                    + cell.strip().replace(',', '.') + ")");
                }
                x[r - 1][f] = number(source, cell, row.line(), header.get(c));
            }
            labelCells.add(labelColumn < 0 ? "" : row.fields().get(labelColumn));
            names.add(nameColumn < 0 ? "" : row.fields().get(nameColumn).strip());
        }
        Labels labels = labelColumn < 0 ? Labels.none(x.length) : Labels.of(labelCells);
        return new Dataset(name, source, x, labels.indices(), labels.classNames(), null, "values as in the file",
                Hashing.sha256(bytes), nameColumn < 0 ? List.of() : names);
    }

    static float number(String source, String cell, int line, String column) throws DataFormatException {
        String s = cell.strip();
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, "a number in every feature column",
                    (s.isEmpty() ? "an empty cell" : "'" + s + "'") + " on line " + line + ", column '" + column + "'");
        }
        if (!Float.isFinite(v)) {
            throw new DataFormatException(source, "finite numbers", s + " on line " + line + ", column '" + column + "'");
        }
        return v;
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        return -1;
    }
}

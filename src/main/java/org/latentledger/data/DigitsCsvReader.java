package org.latentledger.data;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the UCI optical digits as scikit-learn ships them: no header, 64 integer pixels in
 * 0..16 (an 8x8 image, row by row), then the digit. Pixels are scaled by 1/16 into [0, 1].
 */
public final class DigitsCsvReader {

    public static final int PIXELS = 64;
    public static final int MAX_PIXEL = 16;
    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private DigitsCsvReader() {
    }

    public static Dataset read(String name, String source, byte[] bytes) throws DataFormatException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(maybeGunzip(bytes), StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != PIXELS + 1) {
                    throw new DataFormatException(source, (PIXELS + 1) + " comma-separated integers per line (64 pixels and the digit)",
                            cells.length + " fields on line " + lineNo);
                }
                float[] row = new float[PIXELS];
                for (int c = 0; c < PIXELS; c++) {
                    int v = parse(source, cells[c], lineNo, c);
                    if (v < 0 || v > MAX_PIXEL) {
                        throw new DataFormatException(source, "pixels in 0..16", v + " at line " + lineNo + ", column " + (c + 1));
                    }
                    row[c] = v / (float) MAX_PIXEL;
                }
                int digit = parse(source, cells[PIXELS], lineNo, PIXELS);
                if (digit < 0 || digit > 9) {
                    throw new DataFormatException(source, "a digit 0..9 in the last column", digit + " at line " + lineNo);
                }
                rows.add(row);
                labels.add(digit);
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFormatException(source, "a gzip or plain CSV file", "unreadable bytes (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(source, "at least one row of 65 integers", "no rows");
        }
        return new Dataset(name, source, rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                CLASSES, new ImageShape(8, 8, 1), "pixel / 16", Hashing.sha256(bytes));
    }

    private static int parse(String source, String cell, int line, int column) throws DataFormatException {
        try {
            return Integer.parseInt(cell.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, "an integer", "'" + cell + "' at line " + line + ", column " + (column + 1));
        }
    }

    static InputStream maybeGunzip(byte[] bytes) throws IOException {
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        InputStream raw = new ByteArrayInputStream(bytes);
        return gzip ? new GZIPInputStream(raw) : raw;
    }
}

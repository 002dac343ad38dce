package org.latentledger.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records, RFC 4180 style: fields may be quoted, a quote inside a
 * quoted field is doubled, and quoted fields may hold the delimiter or line breaks.
 */
final class DelimitedText {

    /** One record and the line of the file it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    private DelimitedText() {
    }

    /** The separators a header is checked for, most likely first. */
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    /** Whichever of comma, tab, semicolon or bar the header holds most of (comma when it holds none). */
    static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char d : DELIMITERS) {
            long n = header.chars().filter(c -> c == d).count();
            if (n > most) {
                most = n;
                best = d;
            }
        }
        return best;
    }

    /** A separator as a person names it. */
    static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "commas";
            case '\t' -> "tabs";
            case ';' -> "semicolons";
            case '|' -> "bars (|)";
            default -> "'" + delimiter + "'";
        };
    }

    /**
     * Refuses bytes that are not text before they are read as text: NUL bytes, or more than a
     * tenth of control characters in the first 4 KB (a spreadsheet, an image, a model renamed).
     */
    static void requireText(String source, String expected, byte[] bytes) throws DataFormatException {
        int n = Math.min(bytes.length, 4096);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new DataFormatException(source, expected, "binary data (a zero byte at offset " + i + "): not a text file");
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                bad++;
            }
        }
        if (n > 0 && bad * 10 > n) {
            throw new DataFormatException(source, expected, String.format(java.util.Locale.ROOT,
                    "binary data (%d of the first %,d bytes are control characters): not a text file", bad, n));
        }
    }

    /** Like {@link #parse(String, char)}, refusing a quote that never closes (it would swallow the rest of the file). */
    static List<Row> parse(String source, String text, char delimiter) throws DataFormatException {
        int[] open = new int[2];
        List<Row> rows = parse(text, delimiter, open);
        if (open[0] > 0) {
            throw new DataFormatException(source, "every quoted field closed by a quote",
                    "a quote that opens on line " + open[0] + ", field " + open[1] + ", and is never closed");
        }
        return rows;
    }

    static List<Row> parse(String text, char delimiter) {
        return parse(text, delimiter, new int[2]);
    }

    /** @param unclosed set to {line, field} (1-based) of a quote still open at the end, else left {0, 0} */
    private static List<Row> parse(String text, char delimiter, int[] unclosed) {
        int quoteLine = 0;
        int quoteField = 0;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
                quoteLine = line;
                quoteField = fields.size() + 1;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                rowStart = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        if (quoted) {
            unclosed[0] = quoteLine;
            unclosed[1] = quoteField;
        }
        return rows;
    }
}

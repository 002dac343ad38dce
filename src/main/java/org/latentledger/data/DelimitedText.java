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

    /** Tab when the header has more tabs than commas, else comma. */
    static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long tabs = header.chars().filter(c -> c == '\t').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
    }

    static List<Row> parse(String text, char delimiter) {
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
        return rows;
    }
}

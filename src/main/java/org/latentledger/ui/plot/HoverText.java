package org.latentledger.ui.plot;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The text of a hover box: a long note wrapped at word boundaries, and widths measured in the font drawn. */
public final class HoverText {

    private HoverText() {
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken between words; at most
     * {@code maxLines}, the last ending in "…" when the text goes on. Empty text gives no lines.
     */
    public static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                if (lines.size() == maxLines - 1) {
                    lines.add(ellipsis(line.toString(), width));
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word.length() > width ? word.substring(0, width - 1) + "…" : word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String ellipsis(String line, int width) {
        return (line.length() + 1 > width ? line.substring(0, width - 1) : line) + "…";
    }

    /** The width of {@code s} drawn in {@code font}, in pixels. */
    public static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}

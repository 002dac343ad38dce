package org.latentledger.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes frames as numbered PNGs ({@code prefix-000.png}, ...) into a folder, for video and slide tools. */
public final class FrameSequence {

    private FrameSequence() {
    }

    /** @return the files written, in order */
    public static List<Path> write(List<BufferedImage> frames, Path folder, String prefix) throws IOException {
        Files.createDirectories(folder);
        int digits = Math.max(3, Integer.toString(frames.size() - 1).length());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Path f = folder.resolve(String.format(Locale.ROOT, "%s-%0" + digits + "d.png", prefix, i));
            PngWriter.write(frames.get(i), f);
            files.add(f);
        }
        return files;
    }
}

package org.latentledger.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as one looping animated GIF with the JDK's GIF writer (which reduces each frame
 * to its own 256-colour palette). Every frame keeps its delay; the loop is the NETSCAPE2.0
 * application extension browsers and slide tools understand.
 */
public final class AnimatedGif {

    private AnimatedGif() {
    }

    /**
     * @param delaysMs each frame's display time in milliseconds (GIF keeps hundredths of a second)
     */
    public static void write(List<BufferedImage> frames, List<Integer> delaysMs, Path file) throws IOException {
        write(frames, delaysMs, file, org.latentledger.work.Progress.NONE);
    }

    /** The same, reporting each frame encoded and stopping (leaving no file) when cancelled. */
    public static void write(List<BufferedImage> frames, List<Integer> delaysMs, Path file, org.latentledger.work.Progress progress)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a GIF needs at least one frame");
        }
        if (delaysMs.size() != frames.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + delaysMs.size() + " delays");
        }
        AtomicFiles.write(file, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
            if (!writers.hasNext()) {
                throw new IOException("no GIF writer available");
            }
            ImageWriter writer = writers.next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    progress.checkCancelled();
                    progress.update((double) i / frames.size(), "Encoding frame " + (i + 1) + " of " + frames.size());
                    BufferedImage rgb = opaque(frames.get(i));
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
                    configure(meta, delaysMs.get(i), i == 0);
                    writer.writeToSequence(new IIOImage(rgb, null, meta), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** All frames with the same delay. */
    public static void write(List<BufferedImage> frames, int delayMs, Path file) throws IOException {
        write(frames, java.util.Collections.nCopies(frames.size(), delayMs), file);
    }

    private static BufferedImage opaque(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static void configure(IIOMetadata meta, int delayMs, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMs / 10f))));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The number of frames in a GIF file (for checks). */
    public static int frameCount(Path file) throws IOException {
        ImageReaderHolder h = new ImageReaderHolder(file);
        try (h) {
            return h.reader.getNumImages(true);
        }
    }

    private static final class ImageReaderHolder implements AutoCloseable {
        final javax.imageio.ImageReader reader;
        final javax.imageio.stream.ImageInputStream in;

        ImageReaderHolder(Path file) throws IOException {
            in = ImageIO.createImageInputStream(file.toFile());
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                in.close();
                throw new IOException(file + ": not an image ImageIO can read");
            }
            reader = readers.next();
            reader.setInput(in);
        }

        @Override
        public void close() throws IOException {
            reader.dispose();
            in.close();
        }
    }
}

package org.latentledger.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images with one sub-folder per class (PNG or JPEG), converted to a target
 * shape: resized with bilinear interpolation, grey (luminance) for one channel, pixels / 255,
 * flattened channels first or last as the model takes them. Without a target, each image keeps
 * the first image's size in grey.
 */
public final class ImageFolderReader {

    private static final String EXPECTED = "a folder with one sub-folder per class holding PNG or JPEG images";

    private ImageFolderReader() {
    }

    /**
     * @param target       shape to convert to, or null to use the first image's size in grey
     * @param channelsLast flatten as (row, column, channel) instead of (channel, row, column)
     */
    public static Dataset read(Path folder, ImageShape target, boolean channelsLast) throws DataFormatException {
        return read(folder, target, channelsLast, false);
    }

    /**
     * @param unlabelled read images with no class sub-folders as unlabelled (else they are refused:
     *                   a folder of photos opened by mistake would be mapped with no classes, silently)
     */
    public static Dataset read(Path folder, ImageShape target, boolean channelsLast, boolean unlabelled) throws DataFormatException {
        List<Path> files = new ArrayList<>();
        List<String> classOfFile = new ArrayList<>();
        List<Path> classes = list(folder).stream().filter(Files::isDirectory).sorted().toList();
        for (Path c : classes) {
            for (Path f : list(c).stream().filter(ImageFolderReader::isImage).sorted().toList()) {
                files.add(f);
                classOfFile.add(c.getFileName().toString());
            }
        }
        for (Path f : list(folder).stream().filter(ImageFolderReader::isImage).sorted().toList()) {
            files.add(f); // images at the top level are unlabelled
            classOfFile.add("");
        }
        if (files.isEmpty()) {
            throw new DataFormatException(folder.toString(), EXPECTED, "no PNG or JPEG images (checked " + classes.size()
                    + (classes.size() == 1 ? " sub-folder)" : " sub-folders)"));
        }
        if (!unlabelled && classOfFile.stream().allMatch(String::isEmpty)) {
            throw new UnlabelledImagesException(folder.toString(), EXPECTED + " (the classes are the sub-folders' names)", String.format(
                    Locale.ROOT, "%,d images and no class sub-folders: put each class's images in a sub-folder named after it, or open "
                            + "the folder as unlabelled images (File > Open image folder as unlabelled, or --unlabelled-images)", files.size()));
        }
        ImageShape shape = target;
        float[][] x = new float[files.size()][];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            BufferedImage img = decode(files.get(i));
            if (shape == null) {
                shape = new ImageShape(img.getHeight(), img.getWidth(), 1);
            }
            x[i] = pixels(img, shape, channelsLast);
            names.add(folder.relativize(files.get(i)).toString());
        }
        Labels labels = Labels.of(classOfFile);
        String scaling = String.format(Locale.ROOT, "images resized to %s, %s, pixel / 255", shape,
                shape.channels() == 1 ? "grey (luminance)" : "RGB");
        String hash = Hashing.sha256(String.join("\n", names).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Dataset(folder.getFileName().toString(), folder.toString(), x, labels.indices(), labels.classNames(), shape,
                scaling, hash, names);
    }

    private static BufferedImage decode(Path file) throws DataFormatException {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new DataFormatException(file.toString(), "a PNG or JPEG image", "a file no image decoder recognises");
            }
            return img;
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "a PNG or JPEG image", "an unreadable image (" + e.getMessage() + ")", e);
        }
    }

    static float[] pixels(BufferedImage img, ImageShape shape, boolean channelsLast) {
        BufferedImage scaled = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, shape.width(), shape.height(), null);
        g.dispose();
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        float[] out = new float[h * w * c];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int rgb = scaled.getRGB(xx, y);
                float[] v = {(rgb >> 16 & 0xff) / 255f, (rgb >> 8 & 0xff) / 255f, (rgb & 0xff) / 255f};
                for (int ch = 0; ch < c; ch++) {
                    float value = c == 1 ? 0.299f * v[0] + 0.587f * v[1] + 0.114f * v[2] : v[Math.min(ch, 2)];
                    int at = channelsLast ? (y * w + xx) * c + ch : ch * h * w + y * w + xx;
                    out[at] = value;
                }
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    private static List<Path> list(Path dir) throws DataFormatException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new DataFormatException(dir.toString(), "a readable folder", e.toString(), e);
        }
    }
}

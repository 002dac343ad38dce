package org.latentledger.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export writers on their own: GIF frames and delays, numbered frames, the sidecar's fields. */
class ExportFilesTest {

    @TempDir
    Path dir;

    private static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFF000000 | rgb);
            }
        }
        return img;
    }

    @Test
    void anAnimatedGifHasEveryFrameItsDelayAndLoops() throws Exception {
        List<BufferedImage> frames = List.of(solid(40, 30, 0xFF0000), solid(40, 30, 0x00FF00), solid(40, 30, 0x0000FF));
        Path gif = dir.resolve("a.gif");
        AnimatedGif.write(frames, List.of(500, 250, 1000), gif);
        assertEquals(3, AnimatedGif.frameCount(gif));
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            int[] delays = new int[3];
            for (int i = 0; i < 3; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays[i] = Integer.parseInt(gce.getAttribute("delayTime"));
            }
            assertEquals(List.of(50, 25, 100), List.of(delays[0], delays[1], delays[2]), "hundredths of a second");
            BufferedImage second = reader.read(1);
            assertEquals(0x00FF00, second.getRGB(20, 15) & 0xFFFFFF, "the frame's own colour");
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals(1, first.getElementsByTagName("ApplicationExtension").getLength(), "the NETSCAPE2.0 loop");
            reader.dispose();
        }
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(), 100, dir.resolve("none.gif")));
        assertTrue(Files.notExists(dir.resolve("none.gif")));
    }

    @Test
    void framesAreNumberedInOrder() throws Exception {
        List<Path> files = FrameSequence.write(List.of(solid(4, 4, 1), solid(4, 4, 2)), dir.resolve("f"), "journey-layers");
        assertEquals(List.of("journey-layers-000.png", "journey-layers-001.png"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(2, ImageIO.read(files.get(1).toFile()).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void theSidecarSaysWhereThePictureCameFrom() throws Exception {
        Provenance p = new Provenance("window", "m.zip", "abc", "d.csv", "def", "hidden2", "umap", Map.of("neighbours", 15), 7,
                "topk:10%", "point 3", "dark", 1, 0, 0, "1.2.3", "2026-11-28T10:00:00Z").withImage("map", 2, 800, 600);
        Path png = dir.resolve("map.png");
        Path sidecar = p.writeBeside(png);
        assertEquals(dir.resolve("map.png.json"), sidecar);
        JsonObject j = JsonParser.parseString(Files.readString(sidecar)).getAsJsonObject();
        assertEquals("map", j.get("view").getAsString());
        assertEquals("abc", j.get("model_sha256").getAsString());
        assertEquals("def", j.get("data_sha256").getAsString());
        assertEquals(7, j.get("seed").getAsLong());
        assertEquals(15, j.getAsJsonObject("parameters").get("neighbours").getAsInt());
        assertEquals(800, j.get("width").getAsInt());
        assertEquals(2.0, j.get("scale").getAsDouble());
        assertEquals("1.2.3", j.get("app_version").getAsString());
    }
}

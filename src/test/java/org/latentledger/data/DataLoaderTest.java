package org.latentledger.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format, read back with values, labels and names recounted by hand. */
public class DataLoaderTest {

    @Test
    void csvWithQuotesLabelsAndNames(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("plants.csv");
        Files.writeString(csv, """
                name,height,"leaf, width",label
                "Oak, old",12.5,3,tree
                Fern,0.4,"1.5",fern
                Pine,20,0.1,tree
                """);
        Dataset d = DataLoader.open(csv, null, false);
        assertEquals(3, d.size());
        assertEquals(2, d.columns());
        assertArrayEquals(new float[] {12.5f, 3f}, d.features()[0]);
        assertEquals(List.of("fern", "tree"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        assertEquals("Oak, old", d.rowName(0));
    }

    @Test
    void tabSeparatedWithNumericLabelsSortedAsNumbers(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("t.tsv");
        Files.writeString(tsv, "a\tb\tlabel\n1\t2\t10\n3\t4\t2\n5\t6\t\n");
        Dataset d = DataLoader.open(tsv, null, false);
        assertEquals(List.of("2", "10"), d.classNames());
        assertArrayEquals(new int[] {1, 0, -1}, d.labels());
        assertEquals("#2", d.rowName(2));
    }

    @Test
    void projectorTsvWithMetadata(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vectors.tsv"), "0.5\t1\t-2\n3\t4\t5\n");
        Files.writeString(dir.resolve("metadata.tsv"), "word\tlabel\ncat\tanimal\noak\tplant\n");
        Dataset d = DataLoader.open(dir, null, false);
        assertEquals(2, d.size());
        assertArrayEquals(new float[] {0.5f, 1f, -2f}, d.features()[0]);
        assertEquals(List.of("animal", "plant"), d.classNames());
        // A vectors file given directly is recognised too; single-column metadata has no header.
        Files.writeString(dir.resolve("metadata.tsv"), "x\ny\n");
        Dataset e = DataLoader.open(dir.resolve("vectors.tsv"), null, false);
        assertEquals(List.of("x", "y"), e.classNames());
    }

    @Test
    void imageFolderConvertedToTheTargetShape(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("dark"));
        Files.createDirectories(dir.resolve("light"));
        image(dir.resolve("dark/a.png"), 0x000000);
        image(dir.resolve("light/b.png"), 0xffffff);
        image(dir.resolve("light/c.png"), 0xff0000);
        Dataset d = DataLoader.open(dir, new ImageShape(4, 4, 1), false);
        assertEquals(3, d.size());
        assertEquals(16, d.columns());
        assertEquals(List.of("dark", "light"), d.classNames());
        assertEquals(0f, d.features()[0][5]);
        assertEquals(1f, d.features()[1][5], 1e-6);
        assertEquals(0.299f, d.features()[2][5], 0.01f);
        assertTrue(d.scaling().contains("4x4"), d.scaling());
        Dataset rgbLast = DataLoader.open(dir, new ImageShape(2, 2, 3), true);
        assertArrayEquals(new float[] {1, 0, 0}, java.util.Arrays.copyOf(rgbLast.features()[2], 3));
    }

    @Test
    void idxFindsItsLabelsBeside(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("assets/data/fashion-mnist/t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-images-idx3-ubyte.gz"));
        Dataset unlabelled = DataLoader.open(dir.resolve("t10k-images-idx3-ubyte.gz"), null, false);
        assertEquals(-1, unlabelled.labels()[0]);
        Files.copy(Path.of("assets/data/fashion-mnist/t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        Dataset d = DataLoader.open(dir.resolve("t10k-images-idx3-ubyte.gz"), null, false);
        assertEquals(10000, d.size());
        assertEquals(10, d.classCount());
        assertEquals(9, d.labels()[0]);
    }

    public static void image(Path file, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }
}

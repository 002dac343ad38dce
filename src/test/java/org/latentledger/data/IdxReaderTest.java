package org.latentledger.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdxReaderTest {

    @Test
    void readsTheBundledFashionTestSet() throws Exception {
        Dataset d = BundledData.FASHION.load(ResourceRoot.directory(Path.of(".")));
        assertEquals(10000, d.size());
        assertEquals(784, d.columns());
        assertEquals(new ImageShape(28, 28, 1), d.image());
        int[] perClass = new int[10];
        for (int label : d.labels()) {
            perClass[label]++;
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
        assertEquals("Ankle boot", d.labelName(0));
    }

    @Test
    void roundTripOfASmallHandMadeFile() throws Exception {
        byte[] images = idx(2051, new int[] {2, 2, 2}, new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4});
        byte[] labels = idx(2049, new int[] {2}, new byte[] {1, 0});
        Dataset d = IdxReader.read("t", "img", images, "lab", labels, List.of("a", "b"));
        assertEquals(2, d.size());
        assertEquals(1f, d.features()[0][1]);
        assertEquals(0.2f, d.features()[0][2], 1e-6);
        assertEquals("b", d.labelName(0));
    }

    @Test
    void wrongMagicNamesTheFile() {
        byte[] images = idx(2049, new int[] {1}, new byte[] {0});
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", "labels-given-as-images.idx", images, "lab", images, List.of("a")));
        assertTrue(e.getMessage().contains("labels-given-as-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 00 00 08 03") && e.getMessage().contains("magic number 00 00 08 01"), e.getMessage());
    }

    @Test
    void truncatedFileIsReported() {
        byte[] images = idx(2051, new int[] {3, 2, 2}, new byte[] {1, 2, 3});
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", "short.idx", images, "lab", new byte[0], List.of("a")));
        assertTrue(e.getMessage().contains("3 images of 2x2") && e.getMessage().contains("0 whole images")
                && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void labelCountMustMatch() {
        byte[] images = idx(2051, new int[] {1, 1, 1}, new byte[] {9});
        byte[] labels = idx(2049, new int[] {2}, new byte[] {0, 0});
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", "img", images, "labels.idx", labels, List.of("a")));
        assertTrue(e.getMessage().contains("1 labels (one per image)"), e.getMessage());
    }

    private static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }
}

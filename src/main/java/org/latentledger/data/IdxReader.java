package org.latentledger.data;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * Reads the IDX format of the MNIST family (LeCun et al.), gzip-compressed or plain: an images
 * file (magic 2051: count, rows, columns, then unsigned bytes) and a labels file (magic 2049).
 * Pixels are scaled by 1/255 into [0, 1].
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;

    private IdxReader() {
    }

    /**
     * @param labels     the labels file's bytes, or null when there is none (unlabelled)
     * @param classNames names of the label values 0..n-1
     */
    public static Dataset read(String name, String imagesSource, byte[] images, String labelsSource, byte[] labels,
                               List<String> classNames) throws DataFormatException {
        java.nio.ByteBuffer in = unpacked(imagesSource, images);
        expectMagic(imagesSource, in, IMAGES_MAGIC, "an IDX images file");
        if (in.remaining() < 12) {
            throw new DataFormatException(imagesSource, "a 16-byte IDX images header (magic, count, rows, columns)",
                    "a file of " + in.limit() + " bytes");
        }
        int count = in.getInt();
        int height = in.getInt();
        int width = in.getInt();
        if (count < 0 || height <= 0 || width <= 0 || (long) height * width > 1 << 24) {
            throw new DataFormatException(imagesSource, "positive image count and size", count + " images of " + height + "x" + width);
        }
        // The header's sizes against what the file holds, before anything the size of the header's claim is made.
        long announced = (long) count * height * width;
        if (announced > in.remaining()) {
            throw new DataFormatException(imagesSource, String.format(java.util.Locale.ROOT,
                    "%,d images of %dx%d after the header, as it announces (%,d bytes of pixels)", count, height, width, announced),
                    String.format(java.util.Locale.ROOT, "%,d bytes of pixels (%,d whole images): the file is truncated, or its header is wrong",
                            in.remaining(), in.remaining() / ((long) height * width)));
        }
        float[][] rows = new float[count][height * width];
        for (int i = 0; i < count; i++) {
            float[] row = rows[i];
            for (int p = 0; p < row.length; p++) {
                row[p] = (in.get() & 0xff) / 255f;
            }
        }
        int[] labelValues = labels == null ? Labels.none(rows.length).indices()
                : readLabels(labelsSource, labels, rows.length, classNames.size());
        String hash = Hashing.sha256((Hashing.sha256(images) + (labels == null ? "" : Hashing.sha256(labels)))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new Dataset(name, imagesSource, rows, labelValues, classNames, new ImageShape(height, width, 1), "pixel / 255", hash);
    }

    private static int[] readLabels(String source, byte[] bytes, int expectedCount, int classCount) throws DataFormatException {
        java.nio.ByteBuffer in = unpacked(source, bytes);
        expectMagic(source, in, LABELS_MAGIC, "an IDX labels file");
        if (in.remaining() < 4) {
            throw new DataFormatException(source, "an 8-byte IDX labels header (magic, count)", "a file of " + in.limit() + " bytes");
        }
        int count = in.getInt();
        if (count != expectedCount) {
            throw new DataFormatException(source, expectedCount + " labels (one per image)", count + " labels in its header");
        }
        if (count > in.remaining()) {
            throw new DataFormatException(source, String.format(java.util.Locale.ROOT, "%,d labels after the header, as it announces", count),
                    String.format(java.util.Locale.ROOT, "%,d: the file is truncated", in.remaining()));
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = in.get() & 0xff;
            if (labels[i] >= classCount) {
                throw new DataFormatException(source, "labels below " + classCount, labels[i] + " at position " + i);
            }
        }
        return labels;
    }

    /** The magic number, said as the file has it (four bytes in hex) when it is not the one expected. */
    private static void expectMagic(String source, java.nio.ByteBuffer in, int magic, String what) throws DataFormatException {
        if (in.remaining() < 4) {
            throw new DataFormatException(source, what + " (magic number " + hex(magic) + ")", "a file of " + in.remaining() + " bytes");
        }
        int found = in.getInt();
        if (found != magic) {
            throw new DataFormatException(source, what + " (magic number " + hex(magic) + ")", "magic number " + hex(found)
                    + (isText(in, found) ? " (the file looks like text, not IDX)" : ""));
        }
    }

    static String hex(int v) {
        return String.format(java.util.Locale.ROOT, "%02x %02x %02x %02x", v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    }

    private static boolean isText(java.nio.ByteBuffer in, int first) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (first >>> shift) & 0xff;
            if (b < 0x09 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's bytes, un-gzipped when they are gzip. A gzip stream that stops before its end
     * is said to be cut (how much of it was read), which is not the same fault as an IDX file whose
     * header announces more than it holds.
     */
    static java.nio.ByteBuffer unpacked(String source, byte[] bytes) throws DataFormatException {
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzip) {
            return java.nio.ByteBuffer.wrap(bytes);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(1024, bytes.length * 4));
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            z.transferTo(out);
        } catch (EOFException e) {
            throw new DataFormatException(source, "a whole gzip stream", String.format(java.util.Locale.ROOT,
                    "one cut short after %,d bytes of it (%,d bytes unpacked): the download or copy is incomplete", bytes.length, out.size()), e);
        } catch (IOException e) {
            throw new DataFormatException(source, "a gzip stream", String.format(java.util.Locale.ROOT,
                    "damaged compressed data after %,d bytes unpacked", out.size()), e);
        }
        return java.nio.ByteBuffer.wrap(out.toByteArray());
    }
}

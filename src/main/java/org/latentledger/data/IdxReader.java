package org.latentledger.data;

import java.io.DataInputStream;
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
        float[][] rows;
        int height;
        int width;
        try (DataInputStream in = new DataInputStream(DigitsCsvReader.maybeGunzip(images))) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DataFormatException(imagesSource, "an IDX images file (magic number 2051)", "magic number " + magic);
            }
            int count = in.readInt();
            height = in.readInt();
            width = in.readInt();
            if (count < 0 || height <= 0 || width <= 0 || (long) height * width > 1 << 24) {
                throw new DataFormatException(imagesSource, "positive image count and size", count + " images of " + height + "x" + width);
            }
            rows = new float[count][height * width];
            byte[] buffer = new byte[height * width];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < buffer.length; p++) {
                    rows[i][p] = (buffer[p] & 0xff) / 255f;
                }
            }
        } catch (EOFException e) {
            throw new DataFormatException(imagesSource, "as many pixels as the header announces", "a file that ends early", e);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFormatException(imagesSource, "a gzip or plain IDX file", "unreadable bytes (" + e.getMessage() + ")", e);
        }
        int[] labelValues = labels == null ? Labels.none(rows.length).indices()
                : readLabels(labelsSource, labels, rows.length, classNames.size());
        String hash = Hashing.sha256((Hashing.sha256(images) + (labels == null ? "" : Hashing.sha256(labels)))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new Dataset(name, imagesSource, rows, labelValues, classNames, new ImageShape(height, width, 1), "pixel / 255", hash);
    }

    private static int[] readLabels(String source, byte[] bytes, int expectedCount, int classCount) throws DataFormatException {
        try (DataInputStream in = new DataInputStream(DigitsCsvReader.maybeGunzip(bytes))) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DataFormatException(source, "an IDX labels file (magic number 2049)", "magic number " + magic);
            }
            int count = in.readInt();
            if (count != expectedCount) {
                throw new DataFormatException(source, expectedCount + " labels (one per image)", count + " labels");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
                if (labels[i] >= classCount) {
                    throw new DataFormatException(source, "labels below " + classCount, labels[i] + " at position " + i);
                }
            }
            return labels;
        } catch (EOFException e) {
            throw new DataFormatException(source, "as many labels as the header announces", "a file that ends early", e);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFormatException(source, "a gzip or plain IDX file", "unreadable bytes (" + e.getMessage() + ")", e);
        }
    }
}

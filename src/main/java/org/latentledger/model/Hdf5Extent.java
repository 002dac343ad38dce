package org.latentledger.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * What an HDF5 file's superblock says its size is, read in Java before the native library sees
 * the file: a copy cut short is then named as truncated, with how much is missing, instead of the
 * library's own diagnostics ("HDF5-DIAG ...") on the console and an exception name in the message.
 * The superblock (HDF5 File Format Specification, section II.A) starts at offset 0 or at a user
 * block's end (512, 1024, 2048, ... bytes) and records the end-of-file address, relative to the
 * base address where it starts.
 */
final class Hdf5Extent {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Extent() {
    }

    /** Refuses a file shorter than its superblock says, or one with no superblock after its signature. */
    static void requireWhole(String source, byte[] bytes, String expected) throws ModelLoadException {
        long at = signatureAt(bytes);
        if (at < 0) {
            throw new ModelLoadException(source, expected, "no HDF5 signature at the start of the file, or after a user block", null);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int base = (int) at;
        if (bytes.length < base + 16) {
            throw truncated(source, expected, bytes.length, -1);
        }
        int version = bytes[base + 8] & 0xff;
        int offsets;
        int eofField;
        switch (version) {
            case 0, 1 -> {
                offsets = bytes[base + 13] & 0xff;
                eofField = base + (version == 0 ? 24 : 28) + 2 * offsets;
            }
            case 2, 3 -> {
                offsets = bytes[base + 9] & 0xff;
                eofField = base + 12 + 2 * offsets;
            }
            default -> {
                throw new ModelLoadException(source, expected, "an HDF5 superblock of version " + version
                        + ", which this reader does not know (0 to 3 are)", null);
            }
        }
        if (offsets != 2 && offsets != 4 && offsets != 8) {
            throw new ModelLoadException(source, expected, "a damaged HDF5 superblock (offsets of " + offsets + " bytes)", null);
        }
        if (bytes.length < eofField + offsets) {
            throw truncated(source, expected, bytes.length, -1);
        }
        long eof = offsets == 8 ? b.getLong(eofField) : offsets == 4 ? Integer.toUnsignedLong(b.getInt(eofField)) : b.getShort(eofField) & 0xffff;
        // An address of all ones is "undefined": nothing to check it against.
        if (eof != -1L && base + eof > bytes.length) {
            throw truncated(source, expected, bytes.length, base + eof);
        }
    }

    private static ModelLoadException truncated(String source, String expected, long have, long whole) {
        String found = whole < 0
                ? String.format(Locale.ROOT, "a file of %,d bytes that ends inside its HDF5 superblock: it is truncated", have)
                : String.format(Locale.ROOT, "%,d of the %,d bytes its HDF5 superblock records: the file is truncated (the last %,d bytes, "
                        + "%.0f%%, are missing)", have, whole, whole - have, 100.0 * (whole - have) / whole);
        return new ModelLoadException(source, expected, found, null);
    }

    private static long signatureAt(byte[] bytes) {
        for (long at = 0; at + SIGNATURE.length <= bytes.length; at = at == 0 ? 512 : at * 2) {
            boolean match = true;
            for (int i = 0; i < SIGNATURE.length && match; i++) {
                match = bytes[(int) at + i] == SIGNATURE[i];
            }
            if (match) {
                return at;
            }
            if (at > 1 << 24) {
                break;
            }
        }
        return -1;
    }
}

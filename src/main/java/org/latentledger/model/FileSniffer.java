package org.latentledger.model;

import java.nio.charset.StandardCharsets;

/** Says in a few words what a file looks like, for messages about files of the wrong kind. */
final class FileSniffer {

    private FileSniffer() {
    }

    static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file (0 bytes)";
        }
        int n = Math.min(bytes.length, 512);
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c < 127) || c >= 0xc0) {
                printable++;
            }
        }
        if (printable > 0.95 * n) {
            String start = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return "a text file starting with \"" + start + "\"";
        }
        return "a binary file of " + bytes.length + " bytes that is neither a zip nor HDF5";
    }
}

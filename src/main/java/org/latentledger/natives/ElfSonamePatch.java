package org.latentledger.natives;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites library names in the dynamic section of a 64-bit little-endian ELF shared object.
 *
 * <p>Only {@code DT_SONAME} and {@code DT_NEEDED} entries whose string equals {@code from} are
 * changed, and only to a name no longer than the old one: the new name is written over the old
 * string in {@code .dynstr} and padded with NULs, so no offset in the file moves.
 */
final class ElfSonamePatch {

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_SONAME = 14;

    private ElfSonamePatch() {
    }

    /** Returns how many entries were renamed (0 if none matched). */
    static int rename(byte[] elf, String from, String to) {
        if (to.length() > from.length()) {
            throw new IllegalArgumentException("new name must not be longer than the old one");
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || b.getInt(0) != 0x464c457f || elf[4] != 2 || elf[5] != 1) {
            throw new IllegalArgumentException("not a 64-bit little-endian ELF file");
        }
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        long dynOffset = -1;
        long dynSize = 0;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (b.getInt(ph) == PT_DYNAMIC) {
                dynOffset = b.getLong(ph + 0x08);
                dynSize = b.getLong(ph + 0x20);
            }
        }
        if (dynOffset < 0) {
            throw new IllegalArgumentException("no dynamic section");
        }
        long strtabAddr = -1;
        for (long p = dynOffset; p < dynOffset + dynSize; p += 16) {
            if (b.getLong((int) p) == DT_STRTAB) {
                strtabAddr = b.getLong((int) p + 8);
            }
        }
        int strtab = (int) fileOffset(b, phoff, phentsize, phnum, strtabAddr);
        byte[] fromBytes = (from + '\0').getBytes(StandardCharsets.US_ASCII);
        byte[] toBytes = to.getBytes(StandardCharsets.US_ASCII);
        int renamed = 0;
        for (long p = dynOffset; p < dynOffset + dynSize; p += 16) {
            long tag = b.getLong((int) p);
            if (tag == DT_NULL) {
                break;
            }
            if (tag != DT_NEEDED && tag != DT_SONAME) {
                continue;
            }
            int s = strtab + (int) b.getLong((int) p + 8);
            if (matches(elf, s, fromBytes)) {
                System.arraycopy(toBytes, 0, elf, s, toBytes.length);
                for (int k = toBytes.length; k < fromBytes.length; k++) {
                    elf[s + k] = 0;
                }
                renamed++;
            }
        }
        return renamed;
    }

    private static boolean matches(byte[] elf, int at, byte[] expected) {
        if (at < 0 || at + expected.length > elf.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (elf[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static long fileOffset(ByteBuffer b, long phoff, int phentsize, int phnum, long vaddr) {
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (b.getInt(ph) != PT_LOAD) {
                continue;
            }
            long off = b.getLong(ph + 0x08);
            long va = b.getLong(ph + 0x10);
            long filesz = b.getLong(ph + 0x20);
            if (vaddr >= va && vaddr < va + filesz) {
                return vaddr - va + off;
            }
        }
        throw new IllegalArgumentException("address 0x" + Long.toHexString(vaddr) + " is in no loadable segment");
    }
}

package org.latentledger.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ElfSonamePatchTest {

    @Test
    void renamesSonameAndNeededInPlace() throws Exception {
        byte[] arpack;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/bytedeco/arpackng/linux-x86_64/libarpack.so.2")) {
            arpack = in.readAllBytes();
        }
        int length = arpack.length;
        assertEquals(1, ElfSonamePatch.rename(arpack, "libarpack.so.2", "libarpack.so"));
        assertEquals(1, ElfSonamePatch.rename(arpack, "libopenblas.so.0", "libopenblas.so"));
        assertEquals(0, ElfSonamePatch.rename(arpack, "libarpack.so.2", "libarpack.so"), "already renamed");
        assertEquals(length, arpack.length);
        String text = new String(arpack, StandardCharsets.ISO_8859_1);
        assertEquals(-1, text.indexOf("libarpack.so.2\0"));
        assertEquals(true, text.contains("libarpack.so\0\0"));
    }

    @Test
    void refusesLongerNamesAndNonElfInput() {
        assertThrows(IllegalArgumentException.class, () -> ElfSonamePatch.rename(new byte[64], "a", "ab"));
        assertThrows(IllegalArgumentException.class, () -> ElfSonamePatch.rename(new byte[64], "libx.so.1", "libx.so"));
    }
}

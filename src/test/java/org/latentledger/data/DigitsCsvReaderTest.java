package org.latentledger.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DigitsCsvReaderTest {

    @Test
    void readsTheBundledDigits() throws Exception {
        Dataset d = BundledData.DIGITS.load(ResourceRoot.directory(Path.of(".")));
        assertEquals(1797, d.size());
        assertEquals(64, d.columns());
        assertEquals(new ImageShape(8, 8, 1), d.image());
        int[] perClass = new int[10];
        for (int i = 0; i < d.size(); i++) {
            perClass[d.labels()[i]]++;
            for (float v : d.features()[i]) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
        for (int c : perClass) {
            assertTrue(c >= 170 && c <= 190, "about 180 of each digit, got " + c);
        }
        // First row of the file: 0,0,5,13,9,1,0,0,... digit 0.
        assertEquals(5 / 16f, d.features()[0][2]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void wrongFieldCountNamesFileLineAndCounts() {
        byte[] bad = "1,2,3\n".getBytes(StandardCharsets.US_ASCII);
        DataFormatException e = assertThrows(DataFormatException.class, () -> DigitsCsvReader.read("x", "/data/bad.csv", bad));
        assertTrue(e.getMessage().contains("/data/bad.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("65"), e.getMessage());
        assertTrue(e.getMessage().contains("3 fields on line 1"), e.getMessage());
    }

    @Test
    void outOfRangePixelIsReportedWithItsPosition() {
        String row = "17" + ",0".repeat(63) + ",3\n";
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DigitsCsvReader.read("x", "f.csv", row.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("0..16") && e.getMessage().contains("column 1"), e.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        assertThrows(DataFormatException.class, () -> DigitsCsvReader.read("x", "empty.csv", new byte[0]));
    }
}

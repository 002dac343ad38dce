package org.latentledger.data;

import java.io.IOException;

/**
 * A data file that could not be read, with what was expected and what was found, so that the
 * message alone lets a person fix the file.
 */
public class DataFormatException extends IOException {

    private final String file;
    private final String expected;
    private final String found;

    public DataFormatException(String file, String expected, String found) {
        this(file, expected, found, null);
    }

    public DataFormatException(String file, String expected, String found, Throwable cause) {
        super(file + ": expected " + expected + ", found " + found, cause);
        this.file = file;
        this.expected = expected;
        this.found = found;
    }

    public String file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}

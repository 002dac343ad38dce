package org.latentledger.model;

import java.io.IOException;

/** A model file that could not be opened, with what was expected and what was found. */
public class ModelLoadException extends IOException {

    private final String file;

    public ModelLoadException(String file, String expected, String found, Throwable cause) {
        super(file + ": expected " + expected + ", found " + found, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}

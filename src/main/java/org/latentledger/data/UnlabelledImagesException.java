package org.latentledger.data;

/**
 * A folder of images with no class sub-folders: refused by default (the classes are the
 * sub-folders' names), and readable as unlabelled images when the user asks for that.
 */
public final class UnlabelledImagesException extends DataFormatException {

    public UnlabelledImagesException(String file, String expected, String found) {
        super(file, expected, found);
    }
}

package org.latentledger.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where bundled files (assets/, sample-models/) are read from: the application's class path
 * (inside the jar, or target/classes when run from Maven) or a directory on disk (the source
 * tree, for train-samples and tests).
 */
public sealed interface ResourceRoot {

    /** The bytes of the file at {@code relative} (a '/'-separated path such as "sample-models/x.zip"). */
    byte[] read(String relative) throws IOException;

    /** A human-readable location of {@code relative}, used in messages. */
    String describe(String relative);

    static ResourceRoot classpath() {
        return new Classpath();
    }

    static ResourceRoot directory(Path root) {
        return new Directory(root);
    }

    record Classpath() implements ResourceRoot {
        @Override
        public byte[] read(String relative) throws IOException {
            try (InputStream in = ResourceRoot.class.getClassLoader().getResourceAsStream(relative)) {
                if (in == null) {
                    throw new NoSuchFileException(describe(relative), null, "bundled file is missing");
                }
                return in.readAllBytes();
            }
        }

        @Override
        public String describe(String relative) {
            return "bundled " + relative;
        }
    }

    record Directory(Path root) implements ResourceRoot {
        @Override
        public byte[] read(String relative) throws IOException {
            Path file = root.resolve(relative);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "file is missing");
            }
            return Files.readAllBytes(file);
        }

        @Override
        public String describe(String relative) {
            return root.resolve(relative).toString();
        }
    }
}

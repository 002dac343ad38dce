package org.latentledger.work;

import java.nio.file.Path;

/**
 * Where the app keeps what it can make again but would rather not wait for (layouts, WordNet's
 * lemmas): {@code ~/.cache/latent-ledger}, or the folder the system property {@code ll.cache.dir}
 * names (tests and the benchmark's first launches start from an empty one).
 */
public final class CacheFolder {

    private CacheFolder() {
    }

    /** The folder for one kind of cached thing ("projections", "lemmas"). */
    public static Path of(String kind) {
        String own = System.getProperty("ll.cache.dir");
        Path root = own != null && !own.isBlank() ? Path.of(own)
                : Path.of(System.getProperty("user.home", System.getProperty("java.io.tmpdir"))).resolve(".cache").resolve("latent-ledger");
        return root.resolve(kind);
    }
}

package org.latentledger.projection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Layouts on disk, keyed by everything that determines them: model hash, data hash, layer, the
 * view of the layer (conv means or full maps), and the projection spec (method, parameters,
 * dimensions, seed). A damaged entry is ignored and recomputed, never trusted.
 */
public final class ProjectionCache {

    private static final int FORMAT = 1;
    /**
     * Which algorithms made the layouts: part of the key, so a layout from an older t-SNE/UMAP
     * (2: issue 8's quadtree rule, NN-descent, PCA by covariance; 3: issue 18's FFT t-SNE from
     * 40,000 points, UMAP's spectral start and re-ranked neighbours; 4: UMAP's negative samples pushing from one
     * position, its coefficients from tables, single-precision positions; PCA's covariance in single precision; 5: the covariance decomposed as symmetric; 6: UMAP's neighbours of a reduced input refined in the input's space, its edges in row-major order) is recomputed, not served as if this version had made it.
     */
    static final int ALGORITHMS = 6;

    private final Path dir;

    public ProjectionCache(Path dir) {
        this.dir = dir;
    }

    /** The per-user cache folder (~/.cache/latent-ledger/projections, or under {@code ll.cache.dir}: see {@link org.latentledger.work.CacheFolder}). */
    public static ProjectionCache user() {
        return new ProjectionCache(org.latentledger.work.CacheFolder.of("projections"));
    }

    /**
     * The key of the layout a layer was last mapped to with a whole map spec (method, parameters,
     * seed and conv view, as {@code mapSpec} spells them): what an opening can draw before its
     * forward pass, since this key, unlike {@link #key}, does not need the recorded activations to
     * say whether a conv layer was shown by its channel means.
     */
    public static String mapKey(String modelHash, String dataHash, String layer, String mapSpec) {
        return digest(List.of("algorithms " + ALGORITHMS, "as mapped", String.valueOf(modelHash), String.valueOf(dataHash), layer, mapSpec));
    }

    /** The key of a layout by our engine (the key every cache entry had before engines were a choice). */
    public static String key(String modelHash, String dataHash, String layer, String view, ProjectionSpec spec) {
        return digest(List.of("algorithms " + ALGORITHMS, String.valueOf(modelHash), String.valueOf(dataHash), layer, view,
                spec.toString()));
    }

    /**
     * The key of a layout by {@code engine}. Ours (and PCA, which is ours for both engines) keeps
     * the key above, so existing caches stay valid; Smile's adds the engine and Smile's version,
     * so an upgrade of Smile recomputes its layouts.
     */
    public static String key(String modelHash, String dataHash, String layer, String view, ProjectionSpec spec, Engine engine) {
        if (engine == Engine.OURS || spec instanceof ProjectionSpec.Pca) {
            return key(modelHash, dataHash, layer, view, spec);
        }
        return digest(List.of("algorithms " + ALGORITHMS, String.valueOf(modelHash), String.valueOf(dataHash), layer, view,
                spec.toString(), "engine " + engine.cliName() + " " + SmileEngine.version()));
    }

    private static String digest(List<String> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Projection get(String key) {
        Path file = dir.resolve(key + ".layout");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            String method = in.readUTF();
            int dims = in.readInt();
            int n = in.readInt();
            List<String> names = new ArrayList<>();
            double[] explained = new double[dims];
            float[][] coords = new float[dims][n];
            for (int d = 0; d < dims; d++) {
                names.add(in.readUTF());
                explained[d] = in.readDouble();
                for (int i = 0; i < n; i++) {
                    coords[d][i] = in.readFloat();
                }
            }
            return new Projection(coords, names, explained, method);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores the layout; a failure to write only costs a recomputation later, so it is not an error. */
    public void put(String key, Projection p) {
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(FORMAT);
                out.writeUTF(p.method());
                out.writeInt(p.dimensions());
                out.writeInt(p.size());
                for (int d = 0; d < p.dimensions(); d++) {
                    out.writeUTF(p.axisNames().get(d));
                    out.writeDouble(p.explained()[d]);
                    for (float v : p.axis(d)) {
                        out.writeFloat(v);
                    }
                }
            }
            Path tmp = Files.createTempFile(dir, key, ".part");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, dir.resolve(key + ".layout"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Best effort: the cache is an optimisation.
        }
    }
}

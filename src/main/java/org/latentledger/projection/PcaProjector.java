package org.latentledger.projection;

import org.latentledger.natives.SmileNatives;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;

/**
 * Principal component analysis through Smile (covariance eigen-decomposition by LAPACK).
 *
 * <p>Deterministic: each component's sign is fixed so that its largest-magnitude loading is
 * positive, so the same data always gives the same picture, not a mirror image of it. Wider than
 * {@link #WIDE} dimensions (full conv feature maps), a seeded randomized SVD finds the top
 * components in O(n d k) instead.
 */
public final class PcaProjector implements Projector {

    /** Above this many dimensions, the top components come from a randomized SVD (see {@link RandomizedPca}). */
    static final int WIDE = 1024;

    @Override
    public Projection project(float[][] points, int dimensions, Progress progress) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        int n = points.length;
        List<String> names = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            names.add("PC" + (d + 1));
        }
        String method = "PCA " + dimensions + "D";
        float[][] coords = new float[dimensions][n];
        double[] explained = new double[dimensions];
        PcaModel model = fit(points, dimensions, progress);
        int count = model.count();
        double[] shift = new double[count]; // (row - mean).u = row.u - mean.u
        for (int d = 0; d < count; d++) {
            double[] u = model.components()[d];
            for (int j = 0; j < u.length; j++) {
                shift[d] += model.mean()[j] * u[j];
            }
            explained[d] = model.explained()[d];
        }
        // Row by row, each row against every component while it is in cache: component by
        // component would read the whole input once per component (50 times 220 MB at 70,000 x 784).
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int d = 0; d < count; d++) {
                coords[d][i] = (float) (dot(points[i], model.components()[d]) - shift[d]);
            }
        });
        progress.update(1, "PCA done");
        return new Projection(coords, names, explained, method);
    }

    /**
     * Fits up to {@code count} principal components. Fewer come back when the data has fewer
     * dimensions, and none when every point is the same (there is no direction to speak of).
     */
    public static PcaModel fit(float[][] points, int count, Progress progress) {
        int n = points.length;
        int width = n == 0 ? 0 : points[0].length;
        double[] mean = mean(points, width);
        if (n < 2 || totalVariance(points, mean) == 0) {
            return new PcaModel(mean, new double[0][], new double[0]);
        }
        if (width > WIDE && count + RandomizedPca.OVERSAMPLE < Math.min(n, width)) {
            // A full covariance eigen-decomposition is O(n d^2 + d^3): minutes at d = 9,216.
            return RandomizedPca.fit(points, count, 42, progress);
        }
        Object key = PcaMemo.keyOf(points);
        PcaModel kept = PcaMemo.find(key, count);
        if (kept != null) {
            return kept;
        }
        PcaModel fitted = exact(points, mean, Math.max(count, PcaMemo.KEPT), progress);
        PcaMemo.keep(key, fitted);
        return PcaMemo.prefix(fitted, count); // not found again: another thread's fits may have pushed it out already
    }

    /** The first {@code count} components (fewer if the data has fewer) by the covariance's eigen-decomposition. */
    private static PcaModel exact(float[][] points, double[] mean, int count, Progress progress) {
        int n = points.length;
        int width = mean.length;
        SmileNatives.ensureLoaded();
        progress.update(-1, "PCA of " + n + " x " + width);
        // Covariance by BLAS (X'X of the centred data) and its symmetric eigen-decomposition:
        // O(n d^2) in one matrix product plus O(d^3) on a d x d matrix. Smile's PCA.fit takes the
        // SVD of the whole n x d matrix instead, 3-4x slower here (2.6 s at 10,000 x 784). The
        // product is taken in single precision, as the input is (about twice as fast as double's:
        // 43 GFLOP at 70,000 x 784), and the small d x d matrix is decomposed in double.
        float[][] x = new float[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                x[i][j] = (float) (points[i][j] - mean[j]);
            }
        }
        progress.checkCancelled();
        DenseMatrix product = DenseMatrix.of(x).ata();
        double[][] covariance = new double[width][width];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                covariance[i][j] = product.get(i, j);
            }
        }
        // Marked symmetric, so LAPACK's dsyevd decomposes it: the general dgeev took about 3x longer at
        // d = 784 (0.23 s against 0.08 s) for the same eigenvalues to 1e-14.
        smile.tensor.EVD evd = DenseMatrix.of(covariance).withUplo(UPLO.LOWER).eigen(false, true).sort();
        DenseMatrix loadings = evd.Vr();
        Vector eigen = evd.wr();
        double trace = 0;
        for (int d = 0; d < eigen.size(); d++) {
            trace += Math.max(0, eigen.get(d));
        }
        int available = Math.min(count, Math.min(width, loadings.ncol()));
        double[][] components = new double[available][width];
        double[] explained = new double[available];
        for (int d = 0; d < available; d++) {
            int argmax = 0;
            for (int j = 0; j < width; j++) {
                components[d][j] = loadings.get(j, d);
                if (Math.abs(components[d][j]) > Math.abs(components[d][argmax])) {
                    argmax = j;
                }
            }
            if (components[d][argmax] < 0) {
                for (int j = 0; j < width; j++) {
                    components[d][j] = -components[d][j];
                }
            }
            explained[d] = Math.max(0, eigen.get(d)) / trace;
        }
        return new PcaModel(mean, components, explained);
    }

    /**
     * Forgets the kept decompositions ({@link PcaMemo}), so that the next fit is computed: what a
     * benchmark that times PCA again on the same data must call before each run.
     */
    public static void forgetKept() {
        PcaMemo.clear();
    }

    /** Four running sums: independent chains of additions run about three times faster than one. */
    static double dot(float[] row, double[] u) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= u.length; j += 4) {
            s0 += row[j] * u[j];
            s1 += row[j + 1] * u[j + 1];
            s2 += row[j + 2] * u[j + 2];
            s3 += row[j + 3] * u[j + 3];
        }
        for (; j < u.length; j++) {
            s0 += row[j] * u[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double[] mean(float[][] points, int width) {
        double[] mean = new double[width];
        for (float[] row : points) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= Math.max(1, points.length);
        }
        return mean;
    }

    private static double totalVariance(float[][] points, double[] mean) {
        double sum = 0;
        for (float[] row : points) {
            for (int j = 0; j < mean.length; j++) {
                double d = row[j] - mean[j];
                sum += d * d;
            }
        }
        return sum;
    }
}

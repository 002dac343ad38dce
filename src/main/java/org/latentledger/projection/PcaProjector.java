package org.latentledger.projection;

import java.util.ArrayList;
import java.util.List;
import org.latentledger.work.Progress;
import smile.feature.extraction.PCA;
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
        for (int d = 0; d < model.count(); d++) {
            double[] u = model.components()[d];
            double[] mean = model.mean();
            for (int i = 0; i < n; i++) {
                double s = 0;
                float[] row = points[i];
                for (int j = 0; j < u.length; j++) {
                    s += (row[j] - mean[j]) * u[j];
                }
                coords[d][i] = (float) s;
            }
            explained[d] = model.explained()[d];
        }
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
        SmileNatives.ensureLoaded();
        progress.update(-1, "PCA of " + n + " x " + width);
        double[][] x = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                x[i][j] = points[i][j];
            }
        }
        progress.checkCancelled();
        PCA pca = PCA.fit(x);
        DenseMatrix loadings = pca.loadings();
        Vector proportion = pca.varianceProportion();
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
            explained[d] = proportion.get(d);
        }
        return new PcaModel(mean, components, explained);
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

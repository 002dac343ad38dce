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
 * positive, so the same data always gives the same picture, not a mirror image of it.
 */
public final class PcaProjector implements Projector {

    @Override
    public Projection project(float[][] points, int dimensions, Progress progress) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        int n = points.length;
        int width = n == 0 ? 0 : points[0].length;
        List<String> names = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            names.add("PC" + (d + 1));
        }
        String method = "PCA " + dimensions + "D";
        float[][] coords = new float[dimensions][n];
        double[] explained = new double[dimensions];
        double[] mean = mean(points, width);
        double totalVariance = totalVariance(points, mean);
        if (n < 2 || totalVariance == 0) {
            // Every point is the same: the honest layout is all points at the origin.
            return new Projection(coords, names, explained, method);
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
        int available = Math.min(dimensions, Math.min(width, loadings.ncol()));
        for (int d = 0; d < available; d++) {
            double[] u = new double[width];
            int argmax = 0;
            for (int j = 0; j < width; j++) {
                u[j] = loadings.get(j, d);
                if (Math.abs(u[j]) > Math.abs(u[argmax])) {
                    argmax = j;
                }
            }
            double sign = u[argmax] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                float[] row = points[i];
                for (int j = 0; j < width; j++) {
                    s += (row[j] - mean[j]) * u[j];
                }
                coords[d][i] = (float) (sign * s);
            }
            explained[d] = proportion.get(d);
        }
        progress.update(1, "PCA done");
        return new Projection(coords, names, explained, method);
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

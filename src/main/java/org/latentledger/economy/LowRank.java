package org.latentledger.economy;

import org.latentledger.natives.SmileNatives;
import smile.tensor.DenseMatrix;
import smile.tensor.SVD;

/** The rank-r truncated SVD of a layer's W = U S V^T, as the two factors (U S) and V^T (LAPACK via Smile). */
final class LowRank {

    private LowRank() {
    }

    /** @return {left (n_in x r) = U_r S_r, right (r x n_out) = V_r^T} */
    static float[][][] of(float[][] w, int rank) {
        SmileNatives.ensureLoaded();
        int nIn = w.length;
        int nOut = w[0].length;
        double[][] d = new double[nIn][nOut];
        for (int i = 0; i < nIn; i++) {
            for (int j = 0; j < nOut; j++) {
                d[i][j] = w[i][j];
            }
        }
        SVD svd = DenseMatrix.of(d).svd();
        int r = Math.min(rank, svd.s().size());
        float[][] left = new float[nIn][r];
        float[][] right = new float[r][nOut];
        for (int q = 0; q < r; q++) {
            double s = svd.s().get(q);
            for (int i = 0; i < nIn; i++) {
                left[i][q] = (float) (svd.U().get(i, q) * s);
            }
            for (int j = 0; j < nOut; j++) {
                right[q][j] = (float) svd.Vt().get(q, j);
            }
        }
        return new float[][][] {left, right};
    }
}

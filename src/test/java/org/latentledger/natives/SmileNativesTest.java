package org.latentledger.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.feature.extraction.PCA;
import smile.tensor.ARPACK;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/** Smile's LAPACK (PCA) and ARPACK (UMAP's spectral init) must work with no system package. */
class SmileNativesTest {

    @Test
    void pcaRunsOnBundledOpenBlas() {
        SmileNatives.ensureLoaded();
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] x = new double[200][3];
        for (double[] row : x) {
            double t = rnd.nextGaussian();
            row[0] = 3 * t;
            row[1] = 3 * t + 0.01 * rnd.nextGaussian();
            row[2] = 0.1 * rnd.nextGaussian();
        }
        PCA pca = PCA.fit(x);
        // Almost all variance lies along (1, 1, 0) / sqrt(2).
        assertEquals(1.0, pca.varianceProportion().get(0), 0.01);
        assertEquals(Math.sqrt(0.5), Math.abs(pca.loadings().get(0, 0)), 0.01);
    }

    @Test
    void arpackRunsOnBundledLibrary() {
        SmileNatives.ensureLoaded();
        double[][] a = new double[30][30];
        for (int i = 0; i < 30; i++) {
            a[i][i] = i + 1;
        }
        EVD evd = ARPACK.syev(DenseMatrix.of(a), ARPACK.SymmOption.LA, 2);
        assertEquals(30.0, evd.wr().get(0), 1e-8);
        assertEquals(29.0, evd.wr().get(1), 1e-8);
    }
}

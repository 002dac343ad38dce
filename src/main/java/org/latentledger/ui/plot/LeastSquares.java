package org.latentledger.ui.plot;

/** Ordinary least squares of a value on a plane: c ~ gx * x + gy * y + c0. */
final class LeastSquares {

    private LeastSquares() {
    }

    /** @return {gx, gy, R^2} */
    static double[] plane(float[] x, float[] y, float[] c) {
        int n = x.length;
        double mx = 0, my = 0, mc = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
            mc += c[i];
        }
        mx /= n;
        my /= n;
        mc /= n;
        double sxx = 0, sxy = 0, syy = 0, sxc = 0, syc = 0, scc = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my, dc = c[i] - mc;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            sxc += dx * dc;
            syc += dy * dc;
            scc += dc * dc;
        }
        double det = sxx * syy - sxy * sxy;
        if (det == 0 || scc == 0) {
            return new double[] {0, 0, 0};
        }
        double gx = (syy * sxc - sxy * syc) / det;
        double gy = (sxx * syc - sxy * sxc) / det;
        double explained = (gx * sxc + gy * syc) / scc;
        return new double[] {gx, gy, explained};
    }
}

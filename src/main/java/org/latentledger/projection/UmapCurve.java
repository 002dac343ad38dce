package org.latentledger.projection;

/**
 * The a, b of UMAP's low-dimensional similarity 1 / (1 + a d^(2b)), fitted by least squares
 * (Levenberg-Marquardt) to the target curve: 1 below min-dist, exp(-(d - min-dist) / spread)
 * above, on 300 points of [0, 3 spread], as umap-learn's find_ab_params does.
 */
record UmapCurve(double a, double b) {

    static UmapCurve fit(double minDist, double spread) {
        int m = 300;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = 3 * spread * i / (m - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(xs, ys, a, b);
        for (int iter = 0; iter < 500; iter++) {
            // Normal equations J^T J + lambda diag, J from the analytic derivatives.
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 1; i < m; i++) {
                double x = xs[i];
                double x2b = Math.pow(x, 2 * b);
                double f = 1 / (1 + a * x2b);
                double r = f - ys[i];
                double dfa = -x2b * f * f;
                double dfb = -a * x2b * 2 * Math.log(x) * f * f;
                jaa += dfa * dfa;
                jab += dfa * dfb;
                jbb += dfb * dfb;
                ga += dfa * r;
                gb += dfb * r;
            }
            double maa = jaa * (1 + lambda);
            double mbb = jbb * (1 + lambda);
            double det = maa * mbb - jab * jab;
            if (det == 0) {
                break;
            }
            double da = -(mbb * ga - jab * gb) / det;
            double db = -(maa * gb - jab * ga) / det;
            double next = cost(xs, ys, a + da, b + db);
            if (next < cost && a + da > 0 && b + db > 0) {
                a += da;
                b += db;
                boolean converged = cost - next < 1e-14;
                cost = next;
                lambda /= 10;
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        return new UmapCurve(a, b);
    }

    private static double cost(double[] xs, double[] ys, double a, double b) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = 1 / (1 + a * Math.pow(xs[i], 2 * b)) - ys[i];
            s += r * r;
        }
        return s;
    }
}

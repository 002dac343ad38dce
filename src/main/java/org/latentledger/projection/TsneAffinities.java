package org.latentledger.projection;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * The input similarities of t-SNE, sparse: Gaussian conditional probabilities over each point's
 * 3 x perplexity nearest neighbours, each bandwidth found by bisection so the distribution's
 * perplexity is the requested one, then symmetrised P = (P_j|i + P_i|j) / 2n (van der Maaten 2014).
 *
 * @param rowStart CSR row offsets (n + 1)
 * @param columns  CSR column of each entry
 * @param values   p_ij of each entry; they sum to 1 over the whole matrix
 */
record TsneAffinities(int[] rowStart, int[] columns, double[] values) {

    static TsneAffinities of(float[][] x, double perplexity, Progress progress) {
        return of(x, perplexity, 42, progress);
    }

    /** @param seed of the approximate neighbour search above {@link NnDescent#EXACT_UP_TO} points */
    static TsneAffinities of(float[][] x, double perplexity, long seed, Progress progress) {
        int n = x.length;
        int k = Math.min(n - 1, (int) Math.floor(3 * perplexity));
        if (perplexity > (n - 1) / 3.0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "perplexity %s is too large for %d points (at most %d)", perplexity, n, (n - 1) / 3));
        }
        Knn knn = Knn.search(x, k, seed, progress);
        progress.update(-1, "t-SNE: bandwidths for perplexity " + perplexity);
        double[][] cond = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> cond[i] = conditional(knn.distances()[i], perplexity));
        // Symmetrise: entries (i, j) and (j, i) each get p_j|i; duplicates are merged per row.
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i] += k;
            for (int j : knn.indices()[i]) {
                degree[j]++;
            }
        }
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = new int[degree[i]];
            vals[i] = new double[degree[i]];
        }
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = knn.indices()[i][m];
                double p = cond[i][m];
                cols[i][fill[i]] = j;
                vals[i][fill[i]++] = p;
                cols[j][fill[j]] = i;
                vals[j][fill[j]++] = p;
            }
        }
        int[] rowStart = new int[n + 1];
        int[][] mergedCols = new int[n][];
        double[][] mergedVals = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> { // rows are independent
            // Sort the row's entries by column (a primitive sort of column << 32 | position), merging duplicates.
            int[] c = cols[i];
            long[] order = new long[c.length];
            for (int m = 0; m < order.length; m++) {
                order[m] = ((long) c[m] << 32) | m;
            }
            Arrays.sort(order);
            int[] mc = new int[order.length];
            double[] mv = new double[order.length];
            int len = 0;
            for (long key : order) {
                int o = (int) key;
                if (len > 0 && mc[len - 1] == c[o]) {
                    mv[len - 1] += vals[i][o];
                } else {
                    mc[len] = c[o];
                    mv[len++] = vals[i][o];
                }
            }
            mergedCols[i] = Arrays.copyOf(mc, len);
            mergedVals[i] = Arrays.copyOf(mv, len);
        });
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = rowStart[i] + mergedCols[i].length;
        }
        int[] columns = new int[rowStart[n]];
        double[] values = new double[rowStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mergedCols[i], 0, columns, rowStart[i], mergedCols[i].length);
            for (int m = 0; m < mergedVals[i].length; m++) {
                values[rowStart[i] + m] = mergedVals[i][m] / (2.0 * n);
            }
        }
        return new TsneAffinities(rowStart, columns, values);
    }

    /** p_j|i over the neighbours at these distances, with the bandwidth that gives the perplexity. */
    static double[] conditional(float[] distances, double perplexity) {
        int k = distances.length;
        double[] d2 = new double[k];
        for (int m = 0; m < k; m++) {
            d2[m] = (double) distances[m] * distances[m];
        }
        double shift = d2[0];
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[k];
        for (int iter = 0; iter < 200; iter++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < k; m++) {
                p[m] = Math.exp(-beta * (d2[m] - shift));
                sum += p[m];
                weighted += (d2[m] - shift) * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            if (Math.abs(entropy - target) < 1e-5) {
                break;
            }
            if (entropy > target) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int m = 0; m < k; m++) {
            p[m] = Math.exp(-beta * (d2[m] - shift));
            sum += p[m];
        }
        for (int m = 0; m < k; m++) {
            p[m] /= sum;
        }
        return p;
    }
}

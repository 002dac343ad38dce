package org.latentledger.bench;

import org.latentledger.economy.DenseKernel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One dense layer, dense vs sparse, single thread: z = x W for an n x n W (row i = the weights
 * leaving input i), with a share of the inputs zero. W is kept out of cache by rotating through
 * copies that together exceed the last-level cache. Kernels:
 * <ul>
 * <li>dense Java: {@link DenseKernel#all} (row axpy over every row; at batch 32 each row is read once
 *     and applied to all 32 samples);</li>
 * <li>ND4J mmul (OpenBLAS sgemm/gemv, one thread): what DL4J's dense layer runs;</li>
 * <li>sparse: only live rows ({@link DenseKernel#live}); at batch 32, each row is read once and
 *     applied only to the samples whose input is live there ("row-shared scatter").</li>
 * </ul>
 */
public final class KernelBenchmark {

    /** One measured configuration; times in milliseconds (medians). */
    public record Row(int n, int batch, double inactive, double denseJava, double nd4j, double sparse, double ideal) {

        public double best() {
            return Math.min(denseJava, nd4j);
        }

        public double speedup() {
            return best() / sparse;
        }
    }

    static final int MASKS = 64;

    private KernelBenchmark() {
    }

    /**
     * The table of docs/benchmarks.md: 1024 and 4096 wide, batch 1 and 32, 50/90/99% of the inputs
     * inactive, W rotated through 64 MB of copies so it comes from memory, medians of {@code repeats}.
     */
    public static void printTable(int repeats, PrintStream out) {
        out.println("| n | batch | inactive | dense Java (ms) | ND4J mmul (ms) | sparse (ms) | speedup vs best dense | ideal "
                + "| share of ideal |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row r : run(new int[] {1024, 4096}, new int[] {1, 32}, new double[] {0.5, 0.9, 0.99}, repeats, 64L << 20)) {
            out.printf(Locale.ROOT, "| %d | %d | %.0f%% | %.3f | %.3f | %.3f | %.1fx | %.1fx | %.0f%% |%n", r.n(), r.batch(),
                    100 * r.inactive(), r.denseJava(), r.nd4j(), r.sparse(), r.speedup(), r.ideal(), 100 * r.speedup() / r.ideal());
        }
    }

    public static List<Row> run(int[] sizes, int[] batches, double[] inactive, int repeats, long cacheBytes) {
        org.latentledger.model.Nd4jRuntime.configure();
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            long bytes = 4L * n * n;
            int copies = (int) Math.max(2, Math.ceil(2.0 * cacheBytes / bytes));
            SplittableRandom r = new SplittableRandom(7);
            float[][][] w = new float[copies][n][n];
            INDArray[] wNd = new INDArray[Math.min(copies, 4)];
            for (int c = 0; c < copies; c++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        w[c][i][j] = (float) (r.nextGaussian() * 0.01);
                    }
                }
            }
            for (int c = 0; c < wNd.length; c++) {
                wNd[c] = Nd4j.create(w[c]);
            }
            float[] bias = new float[n];
            for (int batch : batches) {
                for (double off : inactive) {
                    // Many inputs with different live rows, rotated, so the sparse kernel's rows are not
                    // still in cache from the previous call (the realistic case: another query).
                    float[][][] xs = new float[MASKS][][];
                    long nnz = 0;
                    for (int m = 0; m < MASKS; m++) {
                        xs[m] = inputs(batch, n, off, r);
                        for (float[] row : xs[m]) {
                            for (float v : row) {
                                nnz += v != 0 ? 1 : 0;
                            }
                        }
                    }
                    double ideal = (double) MASKS * batch * n / Math.max(1, nnz);
                    float[][] z = new float[batch][n];
                    int[] turn = {0};
                    double dense = time(repeats, () -> {
                        int t = turn[0]++;
                        denseBatch(w[t % copies], bias, xs[t % MASKS], z);
                    });
                    INDArray[] xNd = new INDArray[MASKS];
                    for (int m = 0; m < MASKS; m++) {
                        xNd[m] = Nd4j.create(xs[m]);
                    }
                    double nd = time(repeats, () -> {
                        int t = turn[0]++;
                        xNd[t % MASKS].mmul(wNd[t % wNd.length]);
                    });
                    double sparse = time(repeats, () -> {
                        int t = turn[0]++;
                        sparseBatch(w[t % copies], bias, xs[t % MASKS], z);
                    });
                    rows.add(new Row(n, batch, off, dense, nd, sparse, ideal));
                }
            }
        }
        return rows;
    }

    static float[][] inputs(int batch, int n, double inactive, SplittableRandom r) {
        float[][] x = new float[batch][n];
        for (float[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = r.nextDouble() < inactive ? 0f : (float) r.nextDouble();
            }
        }
        return x;
    }

    /** Dense: each row of W read once and applied to every sample. */
    static void denseBatch(float[][] w, float[] bias, float[][] x, float[][] z) {
        if (x.length == 1) {
            DenseKernel.all(w, bias, x[0], z[0]);
            return;
        }
        for (float[] zs : z) {
            System.arraycopy(bias, 0, zs, 0, bias.length);
        }
        for (int i = 0; i < w.length; i++) {
            float[] row = w[i];
            for (int s = 0; s < x.length; s++) {
                DenseKernel.axpy(x[s][i], row, z[s]);
            }
        }
    }

    /** Sparse: each row read once if any sample's input is live there, applied only to those samples. */
    static void sparseBatch(float[][] w, float[] bias, float[][] x, float[][] z) {
        if (x.length == 1) {
            DenseKernel.live(w, bias, x[0], z[0]);
            return;
        }
        for (float[] zs : z) {
            System.arraycopy(bias, 0, zs, 0, bias.length);
        }
        for (int i = 0; i < w.length; i++) {
            float[] row = null;
            for (int s = 0; s < x.length; s++) {
                float v = x[s][i];
                if (v != 0f) {
                    if (row == null) {
                        row = w[i];
                    }
                    DenseKernel.axpy(v, row, z[s]);
                }
            }
        }
    }

    private static double time(int repeats, Runnable r) {
        for (int i = 0; i < Math.max(10, repeats); i++) {
            r.run();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }
}

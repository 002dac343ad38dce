package org.latentledger.projection;

import java.util.stream.IntStream;

/**
 * The repulsive forces of 2D t-SNE by FFT-accelerated interpolation: G. C. Linderman, M. Rachh,
 * J. G. Hoskins, S. Steinerberger and Y. Kluger, "Fast interpolation-based t-SNE for improved
 * visualization of single-cell RNA-seq data", Nature Methods 16 (2019) ("FIt-SNE").
 *
 * <p>The layout's square bounding box is cut into B x B boxes with {@link #NODES_PER_BOX} x
 * {@link #NODES_PER_BOX} equispaced nodes in each. Each point spreads three charges (1, x, y)
 * onto the nodes of its box with Lagrange weights; the squared Cauchy kernel 1 / (1 + r^2)^2
 * between all pairs of nodes is applied by FFT ({@link GridConvolution}); each point reads the
 * three potentials back with the same weights, and for w_ij = 1 / (1 + r_ij^2)
 * {@code sum_j w_ij^2 (y_i - y_j) = y_i phi_1 - (phi_x, phi_y)}. Z is the energy of the ones
 * grid under the Cauchy kernel itself, read off its spectrum (no transform back), less n.
 * O(n + L^2 log L) per evaluation instead of Barnes-Hut's O(n log n) tree walk.
 *
 * <p>Deterministic on any thread count: points are spread in index order within each row of
 * boxes, rows of boxes write disjoint rows of nodes, and everything else is per point or per
 * grid line.
 */
final class FftRepulsion {

    /** Interpolation nodes per box side (FIt-SNE's default; the error falls fast with it, the cost grows as its square). */
    static final int NODES_PER_BOX = 3;
    /** Fewest boxes per side (FIt-SNE's minimum), so a small early layout is still finely resolved. */
    static final int MIN_BOXES = 50;
    /** Box widths are powers of 2^(1 / WIDTH_STEPS). */
    static final int WIDTH_STEPS = 16;
    static final double DEFAULT_BOX_WIDTH = 1.25;

    /**
     * Widest box, in layout units, before more boxes are needed. FIt-SNE takes one unit (about 1%
     * error in the forces); 1.25 units give Barnes-Hut's error at theta 0.5 (about 4%, measured in
     * FftRepulsionTest) and keep a 70,000-point layout (span about 200) on a 1024 grid instead of 2048.
     */
    private final double maxBoxWidth;
    private GridConvolution grid;
    private int[] order = new int[0];
    /** The grid and width step the kernel's spectrum was last computed for. */
    private GridConvolution kernelGrid;
    private int kernelStep;
    /** How often the kernel's spectra were computed (for tracing). */
    int kernelChanges;
    /** The three charge grids (1, x, y), kept between calls. */
    private double[] gridOnes;
    private double[] gridXs;
    private double[] gridYs;

    FftRepulsion(double maxBoxWidth) {
        this.maxBoxWidth = maxBoxWidth;
    }

    FftRepulsion() {
        this(DEFAULT_BOX_WIDTH);
    }

    /**
     * @param y   layout, x and y interleaved
     * @param rep receives {@code sum_j w_ij^2 (y_i - y_j)} per point, interleaved (2n)
     * @return Z, the sum of w_ij over all ordered pairs i != j
     */
    double repulsion(double[] y, int n, double[] rep) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < 2 * n; e++) {
            lo = Math.min(lo, y[e]);
            hi = Math.max(hi, y[e]);
        }
        double low = lo;
        double span = Math.max(hi - lo, 1e-12);
        GridConvolution g = gridFor(span);
        int boxes = g.nodes() / NODES_PER_BOX;
        // The box width on a ladder of steps of 2^(1/16) (4.4%): the boxes may reach a little beyond
        // the layout, and the kernel's spectrum is recomputed only when the width changes step, which
        // a settling layout does rarely, instead of every iteration.
        int step = (int) Math.ceil(WIDTH_STEPS * Math.log(span / boxes) / Math.log(2));
        double boxWidth = Math.pow(2, (double) step / WIDTH_STEPS);
        if (g != kernelGrid || step != kernelStep) {
            g.setKernel(boxWidth / NODES_PER_BOX);
            kernelChanges++;
            kernelGrid = g;
            kernelStep = step;
        }

        int[] boxX = new int[n];
        int[] boxY = new int[n];
        double[] weightX = new double[n * NODES_PER_BOX];
        double[] weightY = new double[n * NODES_PER_BOX];
        IntStream.range(0, n).parallel().forEach(i -> {
            boxX[i] = locate(y[2 * i], low, boxWidth, boxes, weightX, i);
            boxY[i] = locate(y[2 * i + 1], low, boxWidth, boxes, weightY, i);
        });
        // Points by box, row by row (a stable counting sort): spreading and reading back then sweep
        // the grids in order instead of jumping about them, and each row of boxes is one task.
        int[] cellStart = new int[boxes * boxes + 1];
        for (int i = 0; i < n; i++) {
            cellStart[boxY[i] * boxes + boxX[i] + 1]++;
        }
        for (int c = 0; c < boxes * boxes; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        if (order.length != n) {
            order = new int[n];
        }
        int[] fill = java.util.Arrays.copyOf(cellStart, boxes * boxes);
        for (int i = 0; i < n; i++) {
            order[fill[boxY[i] * boxes + boxX[i]]++] = i;
        }
        int[] rowStart = new int[boxes + 1];
        for (int r = 0; r <= boxes; r++) {
            rowStart[r] = cellStart[r * boxes];
        }
        int[] sorted = order;

        int l = g.size();
        if (gridOnes == null || gridOnes.length != g.nodes() * l) {
            gridOnes = g.newGrid();
            gridXs = g.newGrid();
            gridYs = g.newGrid();
        } else {
            java.util.Arrays.fill(gridOnes, 0);
            java.util.Arrays.fill(gridXs, 0);
            java.util.Arrays.fill(gridYs, 0);
        }
        double[] ones = gridOnes;
        double[] xs = gridXs;
        double[] ys = gridYs;
        IntStream.range(0, boxes).parallel().forEach(r -> {
            for (int o = rowStart[r]; o < rowStart[r + 1]; o++) {
                int i = sorted[o];
                double px = y[2 * i];
                double py = y[2 * i + 1];
                int base = boxY[i] * NODES_PER_BOX * l + boxX[i] * NODES_PER_BOX;
                for (int a = 0; a < NODES_PER_BOX; a++) {
                    double wy = weightY[i * NODES_PER_BOX + a];
                    for (int b = 0; b < NODES_PER_BOX; b++) {
                        double w = wy * weightX[i * NODES_PER_BOX + b];
                        int node = base + a * l + b;
                        ones[node] += w;
                        xs[node] += w * px;
                        ys[node] += w * py;
                    }
                }
            }
        });
        // Z: the interpolated sum of w over all ordered pairs, less the self-pairs (w = 1 each).
        double z = g.convolve(ones, xs, ys) - n;
        IntStream.range(0, boxes).parallel().forEach(r -> {
            for (int o = rowStart[r]; o < rowStart[r + 1]; o++) {
                int i = sorted[o];
                double phi = 0;
                double phiX = 0;
                double phiY = 0;
                int base = boxY[i] * NODES_PER_BOX * l + boxX[i] * NODES_PER_BOX;
                for (int a = 0; a < NODES_PER_BOX; a++) {
                    double wy = weightY[i * NODES_PER_BOX + a];
                    for (int b = 0; b < NODES_PER_BOX; b++) {
                        double w = wy * weightX[i * NODES_PER_BOX + b];
                        int node = base + a * l + b;
                        phi += w * ones[node];
                        phiX += w * xs[node];
                        phiY += w * ys[node];
                    }
                }
                rep[2 * i] = y[2 * i] * phi - phiX;
                rep[2 * i + 1] = y[2 * i + 1] * phi - phiY;
            }
        });
        return z;
    }

    /** The grid for a layout this wide: enough boxes of at most {@link #maxBoxWidth}, and as many more as the FFT's padding allows. */
    GridConvolution gridFor(double span) {
        int needed = Math.max(MIN_BOXES, (int) Math.ceil(span / maxBoxWidth));
        int size = Integer.highestOneBit(2 * NODES_PER_BOX * needed - 2) << 1;
        int boxes = (size + 1) / (2 * NODES_PER_BOX);
        int nodes = boxes * NODES_PER_BOX;
        if (grid == null || grid.size() != size || grid.nodes() != nodes) {
            grid = new GridConvolution(nodes, size);
            if (Boolean.getBoolean("latentledger.tsne.trace")) {
                System.err.printf(java.util.Locale.ROOT, "  FFT grid: span %.1f, %d boxes, FFT %d%n", span, boxes, size);
            }
        }
        return grid;
    }

    /** The box of coordinate {@code v} along one axis, and its Lagrange weights at the box's nodes into {@code weights[i * p ..]}. */
    private static int locate(double v, double lo, double boxWidth, int boxes, double[] weights, int i) {
        double t = (v - lo) / boxWidth;
        int box = Math.min(boxes - 1, (int) t);
        double u = t - box; // in [0, 1]; nodes at (k + 1/2) / p
        lagrange(u, weights, i * NODES_PER_BOX);
        return box;
    }

    /** Weights of the Lagrange polynomials through the nodes (k + 1/2) / p, k < p, at u. */
    static void lagrange(double u, double[] out, int off) {
        int p = NODES_PER_BOX;
        for (int k = 0; k < p; k++) {
            double tk = (k + 0.5) / p;
            double w = 1;
            for (int j = 0; j < p; j++) {
                if (j != k) {
                    double tj = (j + 0.5) / p;
                    w *= (u - tj) / (tk - tj);
                }
            }
            out[off + k] = w;
        }
    }
}

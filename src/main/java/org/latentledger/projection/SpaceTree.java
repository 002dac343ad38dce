package org.latentledger.projection;

import java.util.Arrays;

/**
 * A quadtree (2D) or octree (3D) over layout points, in flat arrays, for Barnes-Hut sums: each
 * cell knows its centre of mass and point count, so far cells stand in for all their points.
 */
final class SpaceTree {

    private static final int MAX_DEPTH = 48;

    private final int dims;
    private final int fanout;
    private double[] centre;
    private double[] half;
    private double[] com;
    private int[] count;
    private int[] firstChild;
    private int[] point;
    private int nodes;

    SpaceTree(double[] y, int dims, int n) {
        this.dims = dims;
        this.fanout = 1 << dims;
        int capacity = Math.max(16, 4 * n);
        centre = new double[capacity * dims];
        half = new double[capacity];
        com = new double[capacity * dims];
        count = new int[capacity];
        firstChild = new int[capacity];
        point = new int[capacity];
        double[] lo = new double[dims];
        double[] hi = new double[dims];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                lo[d] = Math.min(lo[d], y[i * dims + d]);
                hi[d] = Math.max(hi[d], y[i * dims + d]);
            }
        }
        double width = 0;
        for (int d = 0; d < dims; d++) {
            width = Math.max(width, hi[d] - lo[d]);
        }
        int root = newNode();
        for (int d = 0; d < dims; d++) {
            centre[root * dims + d] = (lo[d] + hi[d]) / 2;
        }
        half[root] = width / 2 * (1 + 1e-9) + 1e-12;
        for (int i = 0; i < n; i++) {
            insert(root, i, y, 0);
        }
    }

    private int newNode() {
        if (nodes == count.length) {
            int cap = nodes * 2;
            centre = Arrays.copyOf(centre, cap * dims);
            half = Arrays.copyOf(half, cap);
            com = Arrays.copyOf(com, cap * dims);
            count = Arrays.copyOf(count, cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            point = Arrays.copyOf(point, cap);
        }
        int id = nodes++;
        firstChild[id] = -1;
        point[id] = -1;
        count[id] = 0;
        for (int d = 0; d < dims; d++) {
            com[id * dims + d] = 0;
        }
        return id;
    }

    private void insert(int node, int i, double[] y, int depth) {
        while (true) {
            // Running centre of mass and count.
            int c = count[node];
            for (int d = 0; d < dims; d++) {
                com[node * dims + d] = (com[node * dims + d] * c + y[i * dims + d]) / (c + 1);
            }
            count[node] = c + 1;
            if (firstChild[node] < 0) {
                if (c == 0) {
                    point[node] = i;
                    return;
                }
                if (depth >= MAX_DEPTH) {
                    return; // duplicates: the leaf just counts them
                }
                subdivide(node);
                int old = point[node];
                point[node] = -1;
                pushDown(node, old, y, depth);
            }
            node = childFor(node, i, y);
            depth++;
        }
    }

    /** Re-inserts the leaf's former point into its new child (the node's own sums already count it). */
    private void pushDown(int node, int old, double[] y, int depth) {
        int child = childFor(node, old, y);
        insert(child, old, y, depth + 1);
    }

    private void subdivide(int node) {
        int first = -1;
        for (int q = 0; q < fanout; q++) {
            int child = newNode();
            if (q == 0) {
                first = child;
            }
            half[child] = half[node] / 2;
            for (int d = 0; d < dims; d++) {
                double offset = ((q >> d) & 1) == 1 ? half[child] : -half[child];
                centre[child * dims + d] = centre[node * dims + d] + offset;
            }
        }
        firstChild[node] = first;
    }

    private int childFor(int node, int i, double[] y) {
        int q = 0;
        for (int d = 0; d < dims; d++) {
            if (y[i * dims + d] > centre[node * dims + d]) {
                q |= 1 << d;
            }
        }
        return firstChild[node] + q;
    }

    /**
     * Adds point i's repulsive force sum_j w_ij^2 (y_i - y_j) into {@code force} and returns
     * sum_j w_ij, with w = 1 / (1 + |y_i - y_j|^2), far cells approximated (theta rule).
     */
    double repulsion(int i, double[] y, double theta, double[] force, int[] stack) {
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        double theta2 = theta * theta;
        while (top > 0) {
            int node = stack[--top];
            int c = count[node];
            if (c == 0) {
                continue;
            }
            double dist2 = 0;
            for (int d = 0; d < dims; d++) {
                double t = y[i * dims + d] - com[node * dims + d];
                dist2 += t * t;
            }
            boolean leaf = firstChild[node] < 0;
            // The reference code's rule (bhtsne, Rtsne): half-width below theta times distance.
            if (leaf || half[node] * half[node] < theta2 * dist2) {
                if (leaf && dist2 < 1e-24) {
                    continue; // the point itself (or exact duplicates of it)
                }
                double w = 1 / (1 + dist2);
                z += c * w;
                double m = c * w * w;
                for (int d = 0; d < dims; d++) {
                    force[d] += m * (y[i * dims + d] - com[node * dims + d]);
                }
            } else {
                int first = firstChild[node];
                for (int q = 0; q < fanout; q++) {
                    stack[top++] = first + q;
                }
            }
        }
        return z;
    }

    int stackSize() {
        return MAX_DEPTH * fanout + 8;
    }
}

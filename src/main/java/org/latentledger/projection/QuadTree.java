package org.latentledger.projection;

import java.util.Arrays;

/**
 * The 2D Barnes-Hut tree of t-SNE, specialised: structure of arrays (centre of mass x and y,
 * count, four child slots, created only when a point lands there), so the per-point walk touches
 * a few cache lines per cell and pushes only non-empty children. {@link SpaceTree} is the general
 * 2D/3D version; both give the same sums for the same theta.
 *
 * <p>The far-field rule is that of the reference code (bhtsne, Rtsne): a cell stands in for its
 * points when its half-width is below theta times its distance (decision 0010).
 */
final class QuadTree {

    private static final int MAX_DEPTH = 48;

    private double[] comX;
    private double[] comY;
    private double[] centreX;
    private double[] centreY;
    private double[] half;
    private int[] count;
    private int[] child; // 4 per node, -1 when empty
    private int[] point; // the one point of a leaf, -1 when subdivided
    private int nodes;
    private double[] ys;

    QuadTree(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int cap) {
        comX = new double[cap];
        comY = new double[cap];
        centreX = new double[cap];
        centreY = new double[cap];
        half = new double[cap];
        count = new int[cap];
        child = new int[cap * 4];
        point = new int[cap];
    }

    /** The bounding box {loX, loY, hiX, hiY} of n 2D points (x0, y0, x1, y1, ...). */
    static double[] bounds(double[] y, int n) {
        double loX = Double.POSITIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            loX = Math.min(loX, y[2 * i]);
            hiX = Math.max(hiX, y[2 * i]);
            loY = Math.min(loY, y[2 * i + 1]);
            hiY = Math.max(hiY, y[2 * i + 1]);
        }
        return new double[] {loX, loY, hiX, hiY};
    }

    /** Rebuilds the tree over {@code y} (x0, y0, x1, y1, ...), reusing its arrays. */
    void build(double[] y, int n) {
        double[] box = bounds(y, n);
        double loX = box[0];
        double loY = box[1];
        double hiX = box[2];
        double hiY = box[3];
        ys = y;
        nodes = 0;
        int root = newNode((loX + hiX) / 2, (loY + hiY) / 2, Math.max(hiX - loX, hiY - loY) / 2 * (1 + 1e-9) + 1e-12);
        for (int i = 0; i < n; i++) {
            insert(root, i, y[2 * i], y[2 * i + 1]);
        }
    }

    private int newNode(double cx, double cy, double h) {
        if (nodes == count.length) {
            int cap = nodes * 2;
            comX = Arrays.copyOf(comX, cap);
            comY = Arrays.copyOf(comY, cap);
            centreX = Arrays.copyOf(centreX, cap);
            centreY = Arrays.copyOf(centreY, cap);
            half = Arrays.copyOf(half, cap);
            count = Arrays.copyOf(count, cap);
            child = Arrays.copyOf(child, cap * 4);
            point = Arrays.copyOf(point, cap);
        }
        int id = nodes++;
        centreX[id] = cx;
        centreY[id] = cy;
        half[id] = h;
        comX[id] = 0;
        comY[id] = 0;
        count[id] = 0;
        point[id] = -1;
        child[4 * id] = -1;
        child[4 * id + 1] = -1;
        child[4 * id + 2] = -1;
        child[4 * id + 3] = -1;
        return id;
    }

    private void insert(int node, int i, double px, double py) {
        for (int depth = 0; ; depth++) {
            int c = count[node];
            comX[node] = (comX[node] * c + px) / (c + 1);
            comY[node] = (comY[node] * c + py) / (c + 1);
            count[node] = c + 1;
            if (c == 0) {
                point[node] = i;
                return;
            }
            if (point[node] >= 0) { // a leaf: push its point one level down (its sums already count it)
                if (depth >= MAX_DEPTH) {
                    return; // duplicates at the depth limit: the leaf just counts them
                }
                int old = point[node];
                point[node] = -1;
                double ox = ys[2 * old];
                double oy = ys[2 * old + 1];
                int oc = childAt(node, quadrant(node, ox, oy));
                comX[oc] = ox;
                comY[oc] = oy;
                count[oc] = 1;
                point[oc] = old;
            }
            node = childAt(node, quadrant(node, px, py));
        }
    }

    private int quadrant(int node, double px, double py) {
        return (px > centreX[node] ? 1 : 0) | (py > centreY[node] ? 2 : 0);
    }

    private int childAt(int node, int q) {
        int c = child[4 * node + q];
        if (c < 0) {
            double h = half[node] / 2;
            c = newNode(centreX[node] + ((q & 1) == 1 ? h : -h), centreY[node] + ((q & 2) == 2 ? h : -h), h);
            child[4 * node + q] = c;
        }
        return c;
    }

    /**
     * Point i's repulsion: adds sum_j w_ij^2 (y_i - y_j) to {@code force[0..1]} and returns
     * sum_j w_ij, w = 1 / (1 + |y_i - y_j|^2), far cells standing in for their points.
     */
    double repulsion(double px, double py, double theta, double[] force, int[] stack) {
        double theta2 = theta * theta;
        double z = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            double dx = px - comX[node];
            double dy = py - comY[node];
            double d2 = dx * dx + dy * dy;
            int base = 4 * node;
            double h = half[node];
            boolean leaf = point[node] >= 0;
            if (leaf || h * h < theta2 * d2) {
                if (leaf && d2 < 1e-24) {
                    continue; // the point itself (or exact duplicates of it)
                }
                double w = 1 / (1 + d2);
                int c = count[node];
                z += c * w;
                double m = c * w * w;
                fx += m * dx;
                fy += m * dy;
            } else {
                for (int q = 0; q < 4; q++) {
                    int ch = child[base + q];
                    if (ch >= 0) {
                        stack[top++] = ch;
                    }
                }
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }

    static int stackSize() {
        return MAX_DEPTH * 4 + 8;
    }
}

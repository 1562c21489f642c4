package org.visualsearch.core.projection;

/**
 * A quadtree over the map points, rebuilt every step, in flat arrays (no objects per node).
 * A node's centre of mass, squared width and count sit side by side in one array, so a
 * traversal reads one cache line per node; its four children are consecutive. Points at one
 * spot beyond the maximum depth share a leaf.
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;
    private static final int STRIDE = 4; // centre of mass x, y; squared width; count
    private double[] cell;
    private double[] centreX;
    private double[] centreY;
    private double[] half;
    private int[] firstChild;
    private int[] point;
    private int[] depth;
    private int size;
    private double[] coords;

    QuadTree(int n) {
        allocate(Math.max(16, 4 * n));
    }

    private void allocate(int capacity) {
        cell = cell == null ? new double[STRIDE * capacity] : java.util.Arrays.copyOf(cell, STRIDE * capacity);
        centreX = grow(centreX, capacity);
        centreY = grow(centreY, capacity);
        half = grow(half, capacity);
        firstChild = grow(firstChild, capacity);
        point = grow(point, capacity);
        depth = grow(depth, capacity);
    }

    private static double[] grow(double[] a, int capacity) {
        return a == null ? new double[capacity] : java.util.Arrays.copyOf(a, capacity);
    }

    private static int[] grow(int[] a, int capacity) {
        return a == null ? new int[capacity] : java.util.Arrays.copyOf(a, capacity);
    }

    void build(double[] y, int n) {
        coords = y;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        size = 0;
        double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
        for (int i = 0; i < n; i++) {
            insert(i);
        }
        for (int node = 0; node < size; node++) { // sums to centres of mass
            int at = STRIDE * node;
            double c = cell[at + 3];
            if (c > 0) {
                cell[at] /= c;
                cell[at + 1] /= c;
            }
        }
    }

    private int newNode(double cx, double cy, double h, int d) {
        if (size == centreX.length) {
            allocate(size * 2);
        }
        int node = size++;
        centreX[node] = cx;
        centreY[node] = cy;
        half[node] = h;
        int at = STRIDE * node;
        cell[at] = 0;
        cell[at + 1] = 0;
        cell[at + 2] = 4 * h * h;
        cell[at + 3] = 0;
        firstChild[node] = -1;
        point[node] = -1;
        depth[node] = d;
        return node;
    }

    private int quadrant(int node, double x, double y) {
        return (x >= centreX[node] ? 1 : 0) + (y >= centreY[node] ? 2 : 0);
    }

    private void insert(int i) {
        double x = coords[2 * i];
        double y = coords[2 * i + 1];
        int node = 0;
        while (true) {
            if (firstChild[node] < 0) {
                if (cell[STRIDE * node + 3] == 0 || depth[node] >= MAX_DEPTH) {
                    add(node, x, y);
                    if (point[node] < 0) {
                        point[node] = i;
                    }
                    return;
                }
                split(node);
            }
            add(node, x, y);
            node = firstChild[node] + quadrant(node, x, y);
        }
    }

    private void add(int node, double x, double y) {
        int at = STRIDE * node;
        cell[at] += x;
        cell[at + 1] += y;
        cell[at + 3]++;
    }

    /** Turns a leaf holding one point into four children and moves the point down. */
    private void split(int node) {
        double h = half[node] / 2;
        int d = depth[node] + 1;
        int first = newNode(centreX[node] - h, centreY[node] - h, h, d);
        newNode(centreX[node] + h, centreY[node] - h, h, d);
        newNode(centreX[node] - h, centreY[node] + h, h, d);
        newNode(centreX[node] + h, centreY[node] + h, h, d);
        firstChild[node] = first;
        int moved = point[node];
        point[node] = -1;
        double px = coords[2 * moved];
        double py = coords[2 * moved + 1];
        int child = first + quadrant(node, px, py);
        add(child, px, py);
        point[child] = moved;
    }

    /** A traversal stack deep enough for this tree (each level pushes at most 4). */
    int[] newStack() {
        return new int[4 * (MAX_DEPTH + 2)];
    }

    /**
     * Adds to {@code out[2i], out[2i+1]} the unnormalised repulsion on point {@code i} at
     * (x, y), sum over j of q_ij^2 (y_i - y_j) with q_ij = 1 / (1 + |y_i - y_j|^2); returns
     * the sum of q_ij (its share of Z). A cell is summarised when its width is below
     * {@code theta} times its distance.
     */
    double repulsion(double x, double y, double theta2, double[] out, int i, int[] stack) {
        double fx = 0;
        double fy = 0;
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        final double[] cells = cell;
        final int[] children = firstChild;
        while (top > 0) {
            int node = stack[--top];
            int at = STRIDE * node;
            double dx = x - cells[at];
            double dy = y - cells[at + 1];
            double d2 = dx * dx + dy * dy;
            int first = children[node];
            if (first < 0 || cells[at + 2] < theta2 * d2) {
                double c = cells[at + 3];
                // a leaf at the point's own spot holds the point itself: leave it out
                double others = first < 0 && d2 == 0 ? c - 1 : c;
                if (others <= 0) {
                    continue;
                }
                double q = 1 / (1 + d2);
                z += others * q;
                double qq = others * q * q;
                fx += qq * dx;
                fy += qq * dy;
            } else {
                for (int q = first; q < first + 4; q++) {
                    if (cells[STRIDE * q + 3] > 0) { // only non-empty children
                        stack[top++] = q;
                    }
                }
            }
        }
        out[2 * i] = fx;
        out[2 * i + 1] = fy;
        return z;
    }
}

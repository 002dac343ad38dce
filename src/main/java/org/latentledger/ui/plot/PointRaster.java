package org.latentledger.ui.plot;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws many points as anti-aliased discs into one premultiplied ARGB buffer that backs an image
 * directly (a {@link PixelBuffer}, no copy), then the canvas draws that image once (chart-fx's
 * approach for heatmaps): milliseconds for 100,000 points, where a fillOval per point costs far
 * more. Blending is "over", in integer arithmetic.
 */
final class PointRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private int[] mask = new int[0];
    private int maskSize;
    private double maskRadius = -1;

    /** Clears to transparent at the given size (device pixels). */
    void reset(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w != width || h != height || image == null) {
            width = w;
            height = h;
            pixels = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            java.util.Arrays.fill(pixels, 0);
        }
    }

    /** Coverage (0..256) of a disc of this radius, sampled 4x4 per pixel, computed once per radius. */
    private void prepareMask(double radius) {
        if (radius == maskRadius) {
            return;
        }
        maskRadius = radius;
        maskSize = (int) Math.ceil(radius * 2) + 2;
        mask = new int[maskSize * maskSize];
        double c = maskSize / 2.0;
        for (int py = 0; py < maskSize; py++) {
            for (int px = 0; px < maskSize; px++) {
                int inside = 0;
                for (int sy = 0; sy < 4; sy++) {
                    for (int sx = 0; sx < 4; sx++) {
                        double dx = px + (sx + 0.5) / 4 - c;
                        double dy = py + (sy + 0.5) / 4 - c;
                        if (dx * dx + dy * dy <= radius * radius) {
                            inside++;
                        }
                    }
                }
                mask[py * maskSize + px] = inside * 16;
            }
        }
    }

    /** Blends a disc centred at (x, y) device pixels with colour rgb at opacity alpha (0..1). */
    void disc(double x, double y, double radius, int rgb, double alpha) {
        prepareMask(radius);
        int x0 = (int) Math.round(x - maskSize / 2.0);
        int y0 = (int) Math.round(y - maskSize / 2.0);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int opacity = (int) Math.round(alpha * 256);
        int size = maskSize;
        int yStart = Math.max(0, -y0);
        int yEnd = Math.min(size, height - y0);
        int xStart = Math.max(0, -x0);
        int xEnd = Math.min(size, width - x0);
        for (int py = yStart; py < yEnd; py++) {
            int row = (y0 + py) * width + x0;
            int m = py * size;
            for (int px = xStart; px < xEnd; px++) {
                int cover = mask[m + px];
                if (cover == 0) {
                    continue;
                }
                int a = cover * opacity >> 8; // 0..256
                int keep = 256 - a;
                int at = row + px;
                int dst = pixels[at];
                int na = (255 * a + ((dst >>> 24) & 0xff) * keep) >> 8;
                int nr = (r * a + ((dst >> 16) & 0xff) * keep) >> 8;
                int ng = (g * a + ((dst >> 8) & 0xff) * keep) >> 8;
                int nb = (b * a + (dst & 0xff) * keep) >> 8;
                pixels[at] = na << 24 | nr << 16 | ng << 8 | nb;
            }
        }
    }

    /** Per bin of the density picture: count, then the sums of red, green and blue (one cache line a point). */
    private int[] bins = new int[0];
    private int[] across = new int[0];
    private int[] spread = new int[0];
    private int binSize = 1;
    private int binLeft;
    private int binTop;
    private int binColumns;
    private int binRows;

    /**
     * Starts a density picture over the device-pixel box from (left, top) to (right, bottom) (the
     * plot's frame: no bins are spent on margins): points are counted into square bins of
     * {@code binSize} device pixels (one logical pixel, so an oversampled export does not need
     * sixteen times the bins) with the sums of their colours, instead of each being drawn.
     */
    void beginDensity(int binSize, int left, int top, int right, int bottom) {
        this.binSize = Math.max(1, binSize);
        binLeft = Math.max(0, left);
        binTop = Math.max(0, top);
        binColumns = Math.max(1, (Math.min(width, right) - binLeft + this.binSize - 1) / this.binSize);
        binRows = Math.max(1, (Math.min(height, bottom) - binTop + this.binSize - 1) / this.binSize);
        int needed = 4 * binColumns * binRows;
        if (bins.length != needed) {
            bins = new int[needed];
            across = new int[needed];
            spread = new int[needed];
        } else {
            java.util.Arrays.fill(bins, 0);
        }
    }

    /** How many points the density picture counted (before spreading), for checking it against the points drawn. */
    long counted() {
        long total = 0;
        for (int b = 0; b < bins.length; b += 4) {
            total += bins[b];
        }
        return total;
    }

    /** Counts one point at (x, y) device pixels with colour rgb into its bin. */
    void count(double x, double y, int rgb) {
        double fx = (x - binLeft) / binSize;
        double fy = (y - binTop) / binSize;
        // NaN and points left of or above the box fail here.
        if (!(fx >= 0 && fy >= 0)) {
            return;
        }
        int bx = (int) fx;
        int by = (int) fy;
        if (bx >= binColumns || by >= binRows) {
            return;
        }
        int at = (by * binColumns + bx) << 2;
        bins[at]++;
        bins[at + 1] += (rgb >> 16) & 0xff;
        bins[at + 2] += (rgb >> 8) & 0xff;
        bins[at + 3] += rgb & 0xff;
    }

    /**
     * Paints the counted bins: each bin takes the mean colour of its points, spread over its 3 x 3
     * neighbourhood (a single point stays as visible as a small disc), with an opacity that grows
     * with the logarithm of the count from {@code floor} (one point) to 1 (the densest bin), so
     * crowds read as darker and sparse outskirts stay visible. Returns the densest bin's count.
     */
    int paintDensity(double floor) {
        spread3x3();
        int densest = 0;
        for (int b = 0; b < spread.length; b += 4) {
            densest = Math.max(densest, spread[b]);
        }
        // The opacity of each count, looked up: a logarithm per bin would cost more than the rest.
        int[] alphaOf = new int[Math.min(densest, 1 << 16) + 1];
        double logMax = Math.log1p(densest);
        for (int n = 1; n < alphaOf.length; n++) {
            alphaOf[n] = opacity(n, densest, logMax, floor);
        }
        for (int by = 0; by < binRows; by++) {
            int y0 = binTop + by * binSize;
            int y1 = Math.min(height, y0 + binSize);
            for (int bx = 0; bx < binColumns; bx++) {
                int at = (by * binColumns + bx) << 2;
                int n = spread[at];
                if (n == 0) {
                    continue;
                }
                int a = n < alphaOf.length ? alphaOf[n] : opacity(n, densest, logMax, floor);
                // Premultiplied: the mean colour scaled by the opacity.
                float k = a / (255f * n);
                int argb = a << 24 | (int) (spread[at + 1] * k) << 16 | (int) (spread[at + 2] * k) << 8 | (int) (spread[at + 3] * k);
                int x0 = binLeft + bx * binSize;
                int x1 = Math.min(width, x0 + binSize);
                for (int py = y0; py < y1; py++) {
                    java.util.Arrays.fill(pixels, py * width + x0, py * width + x1, argb);
                }
            }
        }
        return densest;
    }

    private static int opacity(int n, int densest, double logMax, double floor) {
        double alpha = densest <= 1 ? 1 : floor + (1 - floor) * Math.log1p(n) / logMax;
        return (int) Math.round(Math.min(1, alpha) * 255);
    }

    /** Sums every bin's four numbers over its 3 x 3 neighbourhood into {@code spread} (rows, then columns). */
    private void spread3x3() {
        int[] in = bins;
        int row = binColumns << 2;
        for (int y = 0; y < binRows; y++) {
            int first = y * row;
            int last = first + row;
            for (int at = first; at < last; at++) {
                int v = in[at];
                if (at - 4 >= first) {
                    v += in[at - 4];
                }
                if (at + 4 < last) {
                    v += in[at + 4];
                }
                across[at] = v;
            }
        }
        int all = in.length;
        for (int at = 0; at < all; at++) {
            int v = across[at];
            if (at >= row) {
                v += across[at - row];
            }
            if (at + row < all) {
                v += across[at + row];
            }
            spread[at] = v;
        }
    }

    WritableImage toImage() {
        buffer.updateBuffer(b -> null);
        return image;
    }
}

package org.latentledger.atlas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentledger.work.Progress;

/**
 * The regions of a layer: k-means clusters of its activations, each labelled by majority class
 * and purity. A region whose majority is weak (under {@link #CLEAR_MAJORITY}) is named by its two
 * most common classes ("mixed 1 + 8"); a name that repeats is kept by the largest of its
 * regions and the others say which group they are ("7 (second group)").
 *
 * @param assignment region of each point
 */
public record Regions(List<Region> regions, int[] assignment) {

    public Regions {
        regions = List.copyOf(regions);
    }

    /**
     * @param k 0 for the default: the number of classes, or 8 when the data is unlabelled
     */
    public static Regions of(float[][] activations, int[] labels, List<String> classNames, int k, long seed, Progress progress) {
        int clusters = k > 0 ? k : classNames.isEmpty() ? 8 : classNames.size();
        clusters = Math.min(clusters, activations.length);
        KMeans km = KMeans.fit(activations, clusters, seed, progress);
        int[][] counts = new int[clusters][Math.max(1, classNames.size())];
        int[] sizes = new int[clusters];
        for (int i = 0; i < activations.length; i++) {
            int r = km.assignment()[i];
            sizes[r]++;
            if (labels[i] >= 0 && labels[i] < classNames.size()) {
                counts[r][labels[i]]++;
            }
        }
        String[] bases = new String[clusters];
        int[] majority = new int[clusters];
        double[] purity = new double[clusters];
        for (int r = 0; r < clusters; r++) {
            int best = -1;
            int second = -1;
            int labelled = 0;
            for (int c = 0; c < classNames.size(); c++) {
                labelled += counts[r][c];
                if (best < 0 || counts[r][c] > counts[r][best]) {
                    second = best;
                    best = c;
                } else if (second < 0 || counts[r][c] > counts[r][second]) {
                    second = c;
                }
            }
            boolean hasMajority = best >= 0 && labelled > 0;
            majority[r] = hasMajority ? best : -1;
            purity[r] = hasMajority ? (double) counts[r][best] / labelled : 0;
            boolean mixed = hasMajority && purity[r] < CLEAR_MAJORITY && second >= 0 && counts[r][second] > 0;
            bases[r] = !hasMajority ? "Region " + (r + 1)
                    : mixed ? "mixed " + classNames.get(best) + " + " + classNames.get(second) : classNames.get(best);
        }
        // Among regions of one name the largest keeps it plain; the others are numbered by size.
        Integer[] bySize = new Integer[clusters];
        for (int r = 0; r < clusters; r++) {
            bySize[r] = r;
        }
        java.util.Arrays.sort(bySize, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        String[] names = new String[clusters];
        Map<String, Integer> used = new HashMap<>();
        for (int r : bySize) {
            int seen = used.merge(bases[r], 1, Integer::sum);
            names[r] = seen == 1 ? bases[r] : bases[r] + " (" + ordinal(seen) + " group)";
        }
        List<Region> out = new ArrayList<>();
        for (int r = 0; r < clusters; r++) {
            out.add(new Region(r, names[r], majority[r], purity[r], sizes[r], km.centroids()[r]));
        }
        return new Regions(out, km.assignment());
    }

    /** A majority below this share does not name a region alone: it is "mixed" with the runner-up. */
    public static final double CLEAR_MAJORITY = 0.6;

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};

    static String ordinal(int n) {
        return n >= 1 && n <= ORDINALS.length ? ORDINALS[n - 1] : n + "th";
    }

    public Regions renamed(int region, String name) {
        List<Region> next = new ArrayList<>(regions);
        next.set(region, regions.get(region).renamed(name));
        return new Regions(next, assignment);
    }
}

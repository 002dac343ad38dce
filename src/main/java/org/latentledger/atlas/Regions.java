package org.latentledger.atlas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentledger.work.Progress;

/**
 * The regions of a layer: k-means clusters of its activations, each labelled by majority class
 * and purity. Names that repeat get a suffix ("7", "7 (2)").
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
        List<Region> out = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (int r = 0; r < clusters; r++) {
            int best = -1;
            int labelled = 0;
            for (int c = 0; c < classNames.size(); c++) {
                labelled += counts[r][c];
                if (best < 0 || counts[r][c] > counts[r][best]) {
                    best = c;
                }
            }
            boolean hasMajority = best >= 0 && labelled > 0;
            String base = hasMajority ? classNames.get(best) : "Region " + (r + 1);
            int seen = used.merge(base, 1, Integer::sum);
            String name = seen == 1 ? base : String.format(Locale.ROOT, "%s (%d)", base, seen);
            double purity = hasMajority ? (double) counts[r][best] / labelled : 0;
            out.add(new Region(r, name, hasMajority ? best : -1, purity, sizes[r], km.centroids()[r]));
        }
        return new Regions(out, km.assignment());
    }

    public Regions renamed(int region, String name) {
        List<Region> next = new ArrayList<>(regions);
        next.set(region, regions.get(region).renamed(name));
        return new Regions(next, assignment);
    }
}

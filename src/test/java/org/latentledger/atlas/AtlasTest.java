package org.latentledger.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.PcaProjector;
import org.latentledger.projection.Projection;
import org.latentledger.work.Progress;

/** Regions and axes, each checked against its definition recounted by hand. */
class AtlasTest {

    static float[][] blobs(int perBlob, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] centres = {{0, 0, 0}, {10, 0, 0}, {0, 10, 5}};
        float[][] x = new float[perBlob * 3][3];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = centres[i / perBlob][j] + (float) r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void kMeansIsAFixedPointOfLloydAndSeeded() {
        float[][] x = blobs(100, 1);
        KMeans km = KMeans.fit(x, 3, 7, Progress.NONE);
        // Every point is assigned to its nearest centroid, and each centroid is the mean of its points.
        for (int i = 0; i < x.length; i++) {
            assertEquals(KMeans.nearest(x[i], km.centroids()), km.assignment()[i]);
        }
        for (int m = 0; m < 3; m++) {
            double[] mean = new double[3];
            int count = 0;
            for (int i = 0; i < x.length; i++) {
                if (km.assignment()[i] == m) {
                    count++;
                    for (int j = 0; j < 3; j++) {
                        mean[j] += x[i][j];
                    }
                }
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(mean[j] / count, km.centroids()[m][j], 1e-4);
            }
            assertEquals(100, count, "the three blobs are found");
        }
        KMeansMemo.clear(); // the same clusters again from the seed, not from the memo
        assertArrayEquals(km.assignment(), KMeans.fit(x, 3, 7, Progress.NONE).assignment());
    }

    @Test
    void aClusteringIsFoundAgainByContentAndCallersCannotChangeIt() {
        KMeansMemo.clear();
        float[][] x = blobs(60, 3);
        KMeans first = KMeans.fit(x, 3, 11, Progress.NONE);
        float[][] copy = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        // A copy of the same points is found: a cancelled progress would stop any fit at its first step.
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        KMeans again = KMeans.fit(copy, 3, 11, cancelled);
        assertArrayEquals(first.assignment(), again.assignment());
        // What a caller does with its result never reaches the kept one.
        first.assignment()[0] = 99;
        first.centroids()[0][0] = Float.NaN;
        KMeans third = KMeans.fit(copy, 3, 11, cancelled);
        assertEquals(again.assignment()[0], third.assignment()[0]);
        assertEquals(again.centroids()[0][0], third.centroids()[0][0]);
        // Another k or seed, or points changed in place, are clustered anew.
        assertThrows(org.latentledger.work.CancelledException.class, () -> KMeans.fit(copy, 4, 11, cancelled));
        assertThrows(org.latentledger.work.CancelledException.class, () -> KMeans.fit(copy, 3, 12, cancelled));
        copy[5][1] += 1f;
        assertThrows(org.latentledger.work.CancelledException.class, () -> KMeans.fit(copy, 3, 11, cancelled));
    }

    @Test
    void regionsAreNamedByMajorityWithPurity() {
        float[][] x = blobs(50, 2);
        int[] labels = new int[150];
        for (int i = 0; i < 150; i++) {
            labels[i] = i < 50 ? 0 : i < 100 ? 1 : 2;
        }
        labels[0] = 1; // one mislabelled point
        Regions r = Regions.of(x, labels, List.of("cat", "dog", "owl"), 0, 3, Progress.NONE);
        assertEquals(3, r.regions().size());
        Region cats = r.regions().get(r.assignment()[10]);
        assertEquals("cat", cats.name());
        assertEquals(49 / 50.0, cats.purity(), 1e-12);
        assertEquals(50, cats.size());
        assertEquals("kitties", r.renamed(cats.index(), "kitties").regions().get(cats.index()).name());
        Regions unlabelled = Regions.of(x, new int[150], List.of(), 0, 3, Progress.NONE);
        assertEquals(8, unlabelled.regions().size(), "8 regions by default without labels");
    }

    @Test
    void aRepeatedNameSaysWhichGroupAndAWeakMajorityIsNamedMixed() {
        // Three blobs of 50: cats, cats, and 28 dogs mixed with 22 owls (56%, under the clear majority of 60%).
        float[][] x = blobs(50, 2);
        int[] labels = new int[150];
        for (int i = 0; i < 150; i++) {
            labels[i] = i < 100 ? 0 : i < 128 ? 1 : 2;
        }
        Regions r = Regions.of(x, labels, List.of("cat", "dog", "owl"), 3, 3, Progress.NONE);
        Region first = r.regions().get(r.assignment()[0]);
        Region second = r.regions().get(r.assignment()[60]);
        Region mixed = r.regions().get(r.assignment()[140]);
        assertEquals(50, first.size());
        assertEquals(java.util.Set.of("cat", "cat (second group)"), java.util.Set.of(first.name(), second.name()));
        assertEquals("mixed dog + owl", mixed.name(), "28 dogs and 22 owls: no clear majority");
        assertEquals(28 / 50.0, mixed.purity(), 1e-12, "the share shown is still the most common class's");
        assertEquals(1, mixed.majorityClass());
    }

    @Test
    void conceptAxisAndPrincipalAxesByTheirDefinitions() {
        float[][] x = blobs(40, 3);
        Regions r = Regions.of(x, new int[120], List.of(), 3, 1, Progress.NONE);
        double[] origin = Axes.mean(x);
        Region a = r.regions().get(0);
        Region b = r.regions().get(1);
        Axis axis = Axes.concept(a, b, origin);
        double norm = 0;
        for (double v : axis.direction()) {
            norm += v * v;
        }
        assertEquals(1, norm, 1e-12);
        // Coordinate of b's centroid minus a's equals the distance between them.
        double dist = Math.sqrt(KMeans.squared(a.centroid(), b.centroid()));
        assertEquals(dist, axis.coordinate(b.centroid()) - axis.coordinate(a.centroid()), 1e-4);
        assertTrue(axis.name().contains(" -> "));
        assertThrows(IllegalArgumentException.class, () -> Axes.concept(a, a, origin));

        List<Axis> pcs = Axes.principal(x, 2, Progress.NONE);
        Projection p = new PcaProjector().project(x, 2, Progress.NONE);
        float[] pc1 = pcs.get(0).coordinates(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(p.axis(0)[i], pc1[i], 1e-4);
        }
        assertTrue(Axes.label(pcs.get(0)).matches("PC1 \\(\\d+\\.\\d%\\)"), Axes.label(pcs.get(0)));
    }

    @Test
    void neighboursMatchSorting() {
        float[][] x = blobs(30, 4);
        Neighbours.Neighbour[] nn = Neighbours.of(x, 5, 4, Neighbours.Metric.EUCLIDEAN);
        double last = 0;
        for (Neighbours.Neighbour n : nn) {
            assertTrue(n.distance() >= last);
            last = n.distance();
            assertEquals(Math.sqrt(KMeans.squared(x[5], x[n.index()])), n.distance(), 1e-9);
        }
        for (int j = 0; j < x.length; j++) {
            if (j != 5) {
                assertTrue(Math.sqrt(KMeans.squared(x[5], x[j])) >= nn[0].distance());
            }
        }
        Neighbours.Neighbour[] cos = Neighbours.of(x, 5, 3, Neighbours.Metric.COSINE);
        assertTrue(cos[0].distance() >= 0 && cos[0].distance() <= 2);
    }

    @Test
    void digitsRegionsAgreeWithTheLabels() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        Dataset digits = SampleModel.DIGITS_MLP.data().load(tree);
        try (LoadedModel m = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath())) {
            float[][] hidden3 = ActivationRecorder.record(m, digits.features(), Progress.NONE).get(2).values();
            Regions r = Regions.of(hidden3, digits.labels(), digits.classNames(), 0, 42, Progress.NONE);
            double weighted = 0;
            for (Region region : r.regions()) {
                weighted += region.purity() * region.size();
            }
            assertTrue(weighted / digits.size() > 0.85, "mean purity " + weighted / digits.size());
        }
    }
}

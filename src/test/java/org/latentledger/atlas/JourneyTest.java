package org.latentledger.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.Evaluation;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.model.Steering;
import org.latentledger.work.Progress;

/** The journey's promises: data points land on themselves, routes agree with labels, steering and interpolation are exact at their ends. */
class JourneyTest {

    static LoadedModel mlp;
    static Dataset digits;
    static List<LayerActivations> acts;
    static List<LayerAtlas> atlases;

    @BeforeAll
    static void setUp() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        digits = SampleModel.DIGITS_MLP.data().load(tree);
        mlp = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath());
        acts = ActivationRecorder.record(mlp, digits.features(), Progress.NONE);
        atlases = new LayerMapper(null).mapAll(acts, digits, mlp.hash(), MapSpec.DEFAULT, Progress.NONE);
    }

    @Test
    void aDataPointLandsOnItsOwnPositionOnEveryLayer() {
        for (int i : new int[] {0, 17, 500, 1796}) {
            Journey j = JourneyPlanner.travel(mlp, atlases, digits.features()[i]);
            assertEquals(4, j.stops().size());
            for (int l = 0; l < 4; l++) {
                Journey.Stop s = j.stops().get(l);
                assertEquals(atlases.get(l).map().axis(0)[i], s.x(), 1e-4, "x on layer " + l);
                assertEquals(atlases.get(l).map().axis(1)[i], s.y(), 1e-4, "y on layer " + l);
                assertEquals(i, s.neighbours()[0], "its own nearest neighbour");
            }
        }
    }

    @Test
    void onAPcaMapANewQueryLandsAtItsOwnPrincipalCoordinates() {
        assertEquals(org.latentledger.projection.Method.PCA, atlases.getFirst().spec().method());
        float[] q = JourneyPlanner.interpolate(digits.features()[3], digits.features()[1200], 0.5); // no data point
        List<LayerActivations> qa = ActivationRecorder.record(mlp, new float[][] {q}, Progress.NONE);
        Journey j = JourneyPlanner.travel(mlp, atlases, q);
        for (int l = 0; l < 4; l++) {
            // Recounted: a fresh PCA of the layer's points, and the query's (a - mean) . u on its first two components.
            org.latentledger.projection.PcaModel pca = org.latentledger.projection.PcaProjector.fit(atlases.get(l).points(), 2, Progress.NONE);
            float[] a = qa.get(atlases.get(l).layer().index()).values()[0];
            Journey.Stop s = j.stops().get(l);
            assertEquals(Journey.Stop.BY_TRANSFORM, s.placedBy(), "layer " + l);
            assertEquals(pca.coordinate(a, 0), s.x(), 1e-3 * (1 + Math.abs(s.x())), "x on layer " + l);
            assertEquals(pca.coordinate(a, 1), s.y(), 1e-3 * (1 + Math.abs(s.y())), "y on layer " + l);
        }
    }

    @Test
    void routesOfWellClassifiedPointsEndInTheirLabelsRegion() {
        float[][] out = acts.getLast().values();
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < digits.size(); i += 7) {
            if (Evaluation.argmax(out[i]) != digits.labels()[i]) {
                continue;
            }
            Journey j = JourneyPlanner.travel(mlp, atlases, digits.features()[i]);
            counted++;
            // The last hidden layer's region should be the digit's own.
            // "7 (second group)" is a 7's region; so is "mixed 7 + 1", where 7s are the most common.
            String region = j.stops().get(2).regionName().replaceAll(" \\([a-z]+ group\\)$", "");
            if (region.equals(digits.labelName(i)) || region.startsWith("mixed " + digits.labelName(i) + " + ")) {
                agree++;
            }
            assertEquals(digits.labels()[i], j.prediction());
        }
        assertTrue(agree > 0.85 * counted, agree + " of " + counted + " routes end in their label's region");
    }

    @Test
    void steeringWithAlphaZeroReproducesTheOutput() {
        float[] x = digits.features()[42];
        float[] plain = ActivationRecorder.predict(mlp, new float[][] {x})[0];
        Axis pc1 = atlases.get(1).axes().getFirst();
        float[] steered = Steering.steer(mlp, x, 1, pc1.direction(), 0);
        assertArrayEquals(plain, steered, 1e-6f);
        float[] moved = Steering.steer(mlp, x, 1, pc1.direction(), 25);
        double change = 0;
        for (int k = 0; k < plain.length; k++) {
            change += Math.abs(moved[k] - plain[k]);
        }
        assertTrue(change > 1e-3, "a real push along PC1 changes the answer's probabilities");
    }

    @Test
    void steeringAConvLayerByChannelMeansAndInterpolationEnds() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        try (LoadedModel cnn = ModelLoader.load(tree, SampleModel.FASHION_CNN.zipPath())) {
            Dataset fashion = SampleModel.FASHION_CNN.data().load(tree);
            float[] x = fashion.features()[3];
            float[] plain = ActivationRecorder.predict(cnn, new float[][] {x})[0];
            double[] u = new double[16];
            u[2] = 1;
            assertArrayEquals(plain, Steering.steer(cnn, x, 0, u, 0), 1e-6f);
            float[] pushed = Steering.steer(cnn, x, 0, u, 5);
            double change = 0;
            for (int k = 0; k < plain.length; k++) {
                change += Math.abs(pushed[k] - plain[k]);
            }
            assertTrue(change > 0.5, "raising conv1's channel 2 everywhere changes the answer: " + change);
            double[] v = new double[128];
            v[5] = 1;
            assertArrayEquals(plain, Steering.steer(cnn, x, 4, v, 0), 1e-6f, "from the last hidden layer too");
            assertThrows(IllegalArgumentException.class, () -> Steering.steer(cnn, x, 0, new double[5], 1));
        }
        float[] a = digits.features()[1];
        float[] b = digits.features()[2];
        assertArrayEquals(a, JourneyPlanner.interpolate(a, b, 0));
        assertArrayEquals(b, JourneyPlanner.interpolate(a, b, 1));
        assertEquals(0.5f * (a[10] + b[10]), JourneyPlanner.interpolate(a, b, 0.5)[10], 1e-6);
    }

    @Test
    void typedRowsAreCheckedWithClearMessages() {
        assertArrayEquals(new float[] {1, 2.5f, -3}, JourneyPlanner.parseRow(" 1, 2.5  -3 ", 3));
        assertEquals("the model takes 4 values; the row has 3",
                assertThrows(IllegalArgumentException.class, () -> JourneyPlanner.parseRow("1 2 3", 4)).getMessage());
        assertEquals("value 2 ('x') is not a number",
                assertThrows(IllegalArgumentException.class, () -> JourneyPlanner.parseRow("1 x 3", 3)).getMessage());
    }
    @Test
    void aLayerMappedAgainByAnotherMethodKeepsRegionsAndAxesThatAFreshMapperWouldMake() {
        LayerMapper mapper = new LayerMapper(null);
        LayerActivations layer = acts.get(1);
        MapSpec umap = MapSpec.DEFAULT.withMethod(org.latentledger.projection.Method.UMAP).withIterations(20);
        LayerAtlas pca = mapper.map(layer, digits, mlp.hash(), MapSpec.DEFAULT, LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        LayerAtlas again = mapper.map(layer, digits, mlp.hash(), umap, LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        assertTrue(pca.regions() == again.regions() && pca.axes() == again.axes(), "taken from the first map, not worked out again");
        LayerAtlas fresh = new LayerMapper(null).map(layer, digits, mlp.hash(), umap, LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        assertArrayEquals(fresh.regions().assignment(), again.regions().assignment());
        assertEquals(fresh.regions().regions().stream().map(Region::name).toList(), again.regions().regions().stream().map(Region::name).toList());
        assertArrayEquals(fresh.axes().getFirst().direction(), again.axes().getFirst().direction());
        assertArrayEquals(fresh.axisSpread(), again.axisSpread());
        assertArrayEquals(fresh.map().coordinates(), again.map().coordinates(), "the layout is made anew");
        // Another seed makes other regions.
        LayerAtlas seeded = mapper.map(layer, digits, mlp.hash(), umap.withSeed(7), LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        assertTrue(seeded.regions() != again.regions());
        assertArrayEquals(Regions.of(layer.values(), digits.labels(), digits.classNames(), 0, 7, Progress.NONE).assignment(), seeded.regions().assignment());
    }

    @Test
    void aLayerIsRememberedAsItWasLastMappedForItsModelDataAndSpecOnly(@org.junit.jupiter.api.io.TempDir Path dir) {
        LayerMapper mapper = new LayerMapper(new org.latentledger.projection.ProjectionCache(dir));
        LayerActivations layer = acts.get(2);
        String name = layer.layer().name();
        assertEquals(null, mapper.remembered(mlp.hash(), digits, name, MapSpec.DEFAULT), "never mapped");
        LayerAtlas pca = mapper.map(layer, digits, mlp.hash(), MapSpec.DEFAULT, LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        var again = new LayerMapper(new org.latentledger.projection.ProjectionCache(dir)).remembered(mlp.hash(), digits, name, MapSpec.DEFAULT);
        assertArrayEquals(pca.map().coordinates(), again.coordinates(), "what was drawn, from another mapper on the same folder");
        assertEquals(pca.map().axisNames(), again.axisNames());
        assertEquals(null, mapper.remembered(mlp.hash(), digits, name, MapSpec.DEFAULT.withSeed(7)), "another spec");
        assertEquals(null, mapper.remembered(mlp.hash(), digits, acts.get(1).layer().name(), MapSpec.DEFAULT), "another layer");
        assertEquals(null, mapper.remembered("0".repeat(64), digits, name, MapSpec.DEFAULT), "another model file");
        MapSpec smile = MapSpec.DEFAULT.withMethod(org.latentledger.projection.Method.UMAP).withIterations(20)
                .withEngine(org.latentledger.projection.Engine.SMILE);
        mapper.map(layer, digits, mlp.hash(), smile, LayerMapper.Quality.SKIPPED, Progress.NONE, null);
        assertEquals(null, mapper.remembered(mlp.hash(), digits, name, smile), "Smile's layouts are not remembered (its version is not in the key)");
    }
}

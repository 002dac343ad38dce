package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.work.Progress;

/**
 * An opening records only the layers it shows first; the others are recorded together, by one
 * more pass, the first time one is read, and are then what a pass keeping every layer gives, to
 * the bit. What a layer is (its size, width and feature maps) is known before.
 */
class LaterLayersTest {

    @Test
    void layersLeftForLaterAreRecordedOnFirstReadAsTheWholePassRecordsThem() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel cnn = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            float[][] x = Arrays.copyOf(SampleModel.FASHION_CNN.data().load(root).features(), 70);
            List<LayerActivations> all = SparseForward.record(cnn, x, Progress.NONE).orElseThrow();
            int last = all.size() - 1;
            List<LayerActivations> some = SparseForward.record(cnn, x, Progress.NONE, l -> l == last).orElseThrow();
            assertEquals(all.size(), some.size());
            assertTrue(some.get(last).recorded(), "the layer asked for now is recorded by the opening's pass");
            for (int l = 0; l < last; l++) {
                LayerActivations later = some.get(l);
                LayerActivations whole = all.get(l);
                assertFalse(later.recorded(), later.layer().name() + " is left for later");
                assertEquals(whole.layer(), later.layer());
                assertEquals(whole.size(), later.size(), "size known before recording, " + whole.layer().name());
                assertEquals(whole.width(), later.width(), "width known before recording, " + whole.layer().name());
                assertEquals(whole.channels(), later.channels(), whole.layer().name());
                assertFalse(later.recorded(), "asking what a layer is records nothing");
            }
            // Reading one records all of them, in one pass, with the whole pass's values.
            float[][] first = some.getFirst().values();
            for (int l = 0; l < last; l++) {
                float[][] a = some.get(l).values();
                for (int i = 0; i < x.length; i++) {
                    assertArrayEquals(all.get(l).values()[i], a[i], 0f, all.get(l).layer().name() + ", point " + i);
                }
            }
            assertSame(first, some.getFirst().values(), "recorded once, then kept");
            assertArrayEquals(all.get(last).values()[5], some.get(last).values()[5], 0f);
            assertEquals(all.getFirst().zeroFraction(), some.getFirst().zeroFraction());
        }
    }

    @Test
    void aStoppedRecordingKeepsNothingAndTheNextReadRecordsTheLayer() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel cnn = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            float[][] x = Arrays.copyOf(SampleModel.FASHION_CNN.data().load(root).features(), 600); // several blocks of rows
            int last = cnn.layers().size() - 1;
            LayerActivations conv1 = SparseForward.record(cnn, x, Progress.NONE, l -> l == last).orElseThrow().getFirst();
            java.util.List<String> said = new java.util.ArrayList<>();
            boolean[] stop = {false};
            Progress stoppedAfterABlock = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    said.add(message);
                    stop[0] = true;
                }

                @Override
                public boolean isCancelled() {
                    return stop[0];
                }
            };
            assertThrows(org.latentledger.work.CancelledException.class, () -> conv1.values(stoppedAfterABlock));
            assertFalse(said.isEmpty(), "the recording says how far its pass is");
            assertTrue(said.getFirst().startsWith("Forward pass"), said.getFirst());
            assertFalse(conv1.recorded(), "a stopped recording keeps nothing");
            float[][] again = conv1.values();
            assertEquals(x.length, again.length);
            for (float[] row : again) {
                assertEquals(conv1.width(), row.length, "every row recorded");
            }
        }
    }
}

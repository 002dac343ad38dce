package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.work.Progress;

/** Every layer recorded on our kernel, on both cores, is DL4J's recording up to the order of additions. */
class ConvRecordingTest {

    @Test
    void theCnnIsRecordedOnOurKernelAsDl4jRecordsIt() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel cnn = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            float[][] x = Arrays.copyOf(SampleModel.FASHION_CNN.data().load(root).features(), 70); // more than two blocks
            List<LayerActivations> ours = SparseForward.record(cnn, x, Progress.NONE).orElseThrow(
                    () -> new AssertionError("a CNN whose layers all run on our code is recorded by our kernel"));
            List<LayerActivations> dl4j = ActivationRecorder.record(cnn, x, Progress.NONE);
            assertEquals(dl4j.size(), ours.size());
            for (int l = 0; l < dl4j.size(); l++) {
                LayerActivations a = ours.get(l);
                LayerActivations b = dl4j.get(l);
                assertEquals(b.channels(), a.channels(), b.layer().name() + ": feature maps");
                assertEquals(b.channelsLast(), a.channelsLast(), b.layer().name());
                assertEquals(b.width(), a.width(), b.layer().name());
                double worst = 0;
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < b.width(); k++) {
                        worst = Math.max(worst, Math.abs(a.values()[i][k] - b.values()[i][k]));
                    }
                }
                assertTrue(worst < 1e-4, b.layer().name() + " differs by " + worst);
                float[][] ma = a.perChannelMean();
                float[][] mb = b.perChannelMean();
                assertEquals(mb[0].length, ma[0].length);
                assertEquals(mb[3][1], ma[3][1], 1e-5, "per-channel means, " + b.layer().name());
            }
        }
    }

    @Test
    void anMlpOnImagesIsRecordedOnOurKernelAsDl4jRecordsIt() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel mlp = ModelLoader.load(root, SampleModel.DIGITS_MLP.zipPath())) {
            float[][] x = Arrays.copyOf(SampleModel.DIGITS_MLP.data().load(root).features(), 40);
            List<LayerActivations> ours = SparseForward.record(mlp, x, Progress.NONE).orElseThrow();
            List<LayerActivations> dl4j = ActivationRecorder.record(mlp, x, Progress.NONE);
            for (int l = 0; l < dl4j.size(); l++) {
                assertEquals(0, ours.get(l).channels());
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < dl4j.get(l).width(); k++) {
                        assertEquals(dl4j.get(l).values()[i][k], ours.get(l).values()[i][k], 1e-4, dl4j.get(l).layer().name());
                    }
                }
            }
        }
    }
}

package org.latentledger.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.OnnxWriter;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.PcaProjector;
import org.latentledger.work.Progress;

/**
 * {@code bench --onnx}: opening a network and mapping a layer, as a DL4J zip and as the same
 * network written as ONNX (its twin), interleaved in one run: read and restore the file, record
 * every layer's activations over the model's data set, project one layer with PCA.
 */
public final class OnnxBench {

    private OnnxBench() {
    }

    public static void run(int repeats, PrintStream out) throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        out.println("| model | format | open, median (min-max) | all layers over the data | PCA of one layer | total |");
        out.println("|---|---|---|---|---|---|");
        for (SampleModel s : List.of(SampleModel.FASHION_CNN, SampleModel.FASHION_MLP)) {
            Path dir = Files.createTempDirectory("onnx-bench");
            Path zip = dir.resolve(s.fileName() + ".zip");
            Files.write(zip, root.read(s.zipPath()));
            Path onnx = dir.resolve(s.fileName() + ".onnx");
            try (LoadedModel m = ModelLoader.load(zip)) {
                Files.write(onnx, OnnxWriter.write(m));
            }
            Dataset data = s.data().load(root);
            int layer = s == SampleModel.FASHION_CNN ? 4 : 2; // the dense layer after the convolutions; the MLP's third hidden layer
            double[][] zipTimes = new double[4][repeats];
            double[][] onnxTimes = new double[4][repeats];
            for (int r = -1; r < repeats; r++) { // round -1 warms both up
                time(zip, data, layer, r < 0 ? null : zipTimes, Math.max(r, 0));
                time(onnx, data, layer, r < 0 ? null : onnxTimes, Math.max(r, 0));
            }
            row(out, s.fileName(), "DL4J zip", zipTimes);
            row(out, s.fileName(), "ONNX (its twin)", onnxTimes);
            Files.deleteIfExists(zip);
            Files.deleteIfExists(onnx);
            Files.deleteIfExists(dir);
        }
        out.printf(Locale.ROOT, "%n%d interleaved repeats after one warm-up of each, %s.%n", repeats,
                "one process; the data set is read once, outside the timings");
    }

    private static void time(Path file, Dataset data, int layer, double[][] into, int r) throws Exception {
        long t0 = System.nanoTime();
        try (LoadedModel m = ModelLoader.load(file)) {
            long t1 = System.nanoTime();
            List<LayerActivations> acts = ActivationRecorder.record(m, data.features(), Progress.NONE);
            PcaProjector.forgetKept(); // timed as computed, not found again from the run before
            long t2 = System.nanoTime();
            new PcaProjector().project(acts.get(layer).values(), 2, Progress.NONE);
            long t3 = System.nanoTime();
            if (into != null) {
                into[0][r] = (t1 - t0) / 1e9;
                into[1][r] = (t2 - t1) / 1e9;
                into[2][r] = (t3 - t2) / 1e9;
                into[3][r] = (t3 - t0) / 1e9;
            }
        }
    }

    private static void row(PrintStream out, String model, String format, double[][] t) {
        StringBuilder s = new StringBuilder("| " + model + " | " + format + " |");
        for (double[] v : t) {
            double[] c = v.clone();
            java.util.Arrays.sort(c);
            s.append(String.format(Locale.ROOT, " %.2f s (%.2f-%.2f) |", Timing.median(v.clone()), c[0], c[c.length - 1]));
        }
        out.println(s);
    }
}

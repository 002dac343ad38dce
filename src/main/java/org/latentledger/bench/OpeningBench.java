package org.latentledger.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.PcaProjector;
import org.latentledger.work.Progress;

/**
 * Times what the window does when it opens a bundled model: load the zip, read the data, the
 * forward pass recording every layer, and the PCA of the default layer. Medians of repeats,
 * after one warm-up run, printed as a Markdown table for docs/benchmarks.md.
 */
public final class OpeningBench {

    private OpeningBench() {
    }

    public static void run(List<SampleModel> samples, int repeats, PrintStream out) throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; heap max %d MB%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.println("| model | points | load zip (ms) | read data (ms) | forward pass, all layers (ms) | PCA of default layer (ms) | layer |");
        out.println("|---|---|---|---|---|---|---|");
        for (SampleModel sample : samples) {
            double[][] t = new double[4][repeats];
            String layer = "";
            int points = 0;
            for (int r = -1; r < repeats; r++) {
                long t0 = System.nanoTime();
                try (LoadedModel model = ModelLoader.load(root, sample.zipPath())) {
                    long t1 = System.nanoTime();
                    Dataset data = sample.data().load(root);
                    long t2 = System.nanoTime();
                    // As the window records: bags of words on the sparse executor, everything else through DL4J.
                    List<LayerActivations> acts = org.latentledger.economy.SparseForward.record(model, data.features(), Progress.NONE)
                            .orElseGet(() -> ActivationRecorder.record(model, data.features(), Progress.NONE));
                    PcaProjector.forgetKept(); // timed as computed, not found again from the run before
                    long t3 = System.nanoTime();
                    LayerActivations chosen = acts.get(model.defaultMapLayer().index());
                    new PcaProjector().project(chosen.perChannelMean(), 2, Progress.NONE);
                    long t4 = System.nanoTime();
                    if (r >= 0) {
                        t[0][r] = (t1 - t0) / 1e6;
                        t[1][r] = (t2 - t1) / 1e6;
                        t[2][r] = (t3 - t2) / 1e6;
                        t[3][r] = (t4 - t3) / 1e6;
                    }
                    layer = chosen.layer().name() + " (" + chosen.perChannelMean()[0].length + " dims)";
                    points = data.size();
                }
            }
            List<String> cells = new ArrayList<>();
            for (double[] times : t) {
                cells.add(String.format(Locale.ROOT, "%.0f", Timing.median(times)));
            }
            out.printf(Locale.ROOT, "| %s | %,d | %s | %s |%n", sample.fileName(), points, String.join(" | ", cells), layer);
        }
        out.printf(Locale.ROOT, "%nPeak heap used: %d MB%n",
                ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
        if (samples.contains(SampleModel.CONCEPTS)) {
            WordsBench.run(root, repeats, out);
        }
    }
}

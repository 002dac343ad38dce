package org.latentledger.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.projection.Projection;
import org.latentledger.projection.ProjectionSpec;
import org.latentledger.projection.Projections;
import org.latentledger.projection.Trustworthiness;
import org.latentledger.work.Progress;

/**
 * Projection timings on the bundled data as raw pixels (the inputs the peers were measured on in
 * STACK.md): wall and CPU seconds (median of repeats after one warm-up), trustworthiness over all
 * points, peak heap.
 */
final class ProjectionBench {

    private ProjectionBench() {
    }

    static int run(int repeats) throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| data | method | wall (s) | CPU (s) | trustworthiness k=5 |");
        System.out.println("|---|---|---|---|---|");
        for (BundledData b : List.of(BundledData.DIGITS, BundledData.FASHION)) {
            Dataset d = b.load(root);
            for (ProjectionSpec spec : List.of(new ProjectionSpec.Pca(2), ProjectionSpec.Tsne.defaults(2, 42),
                    ProjectionSpec.Umap.defaults(2, 42))) {
                int runs = b == BundledData.FASHION && !(spec instanceof ProjectionSpec.Pca) ? 1 : Math.max(1, repeats);
                double[] wall = new double[runs];
                double[] cpu = new double[runs];
                Projection p = null;
                for (int r = -1; r < runs; r++) {
                    if (r < 0 && b == BundledData.FASHION && !(spec instanceof ProjectionSpec.Pca)) {
                        continue; // one cold run of the 10k-point iterative methods is the measurement
                    }
                    long c0 = cpuNanos();
                    long t0 = System.nanoTime();
                    p = Projections.run(d.features(), spec, Progress.NONE, null);
                    if (r >= 0) {
                        wall[r] = (System.nanoTime() - t0) / 1e9;
                        cpu[r] = (cpuNanos() - c0) / 1e9;
                    }
                }
                double trust = Trustworthiness.of(d.features(), Projections.rows(p), 5);
                System.out.printf(Locale.ROOT, "| %s %d x %d | %s | %.2f | %.2f | %.4f |%n", b.displayName(), d.size(), d.columns(),
                        p.method(), BenchCommand.median(wall), BenchCommand.median(cpu), trust);
            }
        }
        System.out.printf(Locale.ROOT, "%nPeak heap used: %d MB%n",
                ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
        return 0;
    }

    /** CPU time of all live threads of this JVM (the work runs in the common pool and this thread). */
    private static long cpuNanos() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : t.getAllThreadIds()) {
            long c = t.getThreadCpuTime(id);
            if (c > 0) {
                sum += c;
            }
        }
        return sum;
    }
}

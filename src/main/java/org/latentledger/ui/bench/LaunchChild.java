package org.latentledger.ui.bench;

import java.util.Locale;
import org.latentledger.model.SampleModel;

/**
 * The JVM {@code bench --open} starts for each launch it times: it starts as the window's JVM does
 * ({@code Launcher.main} with no arguments goes straight to the window, without building the
 * command line's parser), opens the bundled model named by its one argument, and prints
 * "main's-wall-clock-millis main-to-map-seconds remembered(0|1)".
 *
 * <p>Why a main of its own: started as {@code Launcher bench --open-launch MODEL}, each timed
 * launch also built picocli's model of every command twice (once to tell a command from a file,
 * once to run it), which the window's JVM never does; the launch figures counted it.
 */
public final class LaunchChild {

    private LaunchChild() {
    }

    public static void main(String[] args) throws Exception {
        long wall = System.currentTimeMillis();
        long nanos = System.nanoTime();
        org.latentledger.Launcher.mainWallMillis = wall; // what Launcher.main records for the window's JVM
        org.latentledger.Launcher.mainNanos = nanos;
        SampleModel sample = SampleModel.byName(args[0]);
        FxBenchmarks.Launch launch = FxBenchmarks.launch(sample, nanos);
        System.out.printf(Locale.ROOT, "%d %.3f %d%n", wall, launch.seconds(), launch.remembered() ? 1 : 0);
        System.out.flush();
        org.latentledger.economy.NativeWarmup.opened();
        org.latentledger.economy.NativeWarmup.await(60_000);
        System.exit(0); // the headless toolkit and the warm-up thread need not wind down
    }
}

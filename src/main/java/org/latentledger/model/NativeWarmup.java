package org.latentledger.model;

import java.util.concurrent.atomic.AtomicBoolean;
import org.latentledger.data.ResourceRoot;

/**
 * Loads ND4J's native backend and DL4J's classes on a background thread while the window starts.
 *
 * <p>Why: the first model a JVM opens pays about a second for ND4J's native library, its
 * OpenMP/BLAS set-up, Jackson's configuration classes and the first forward pass's JIT, and the
 * window's own start (the JavaFX toolkit, the scene, the CSS) takes about as long on the other
 * core. Done one after the other they are most of the wait for the first map; started together at
 * launch they overlap. The warm-up opens two bundled models (a dense one and a convolutional one)
 * and runs a forward pass of a few rows through each, so the classes the real opening needs are
 * already initialised (class initialisation is once per JVM; a thread that needs a class being
 * initialised waits for it instead of repeating it). Nothing it makes is kept.
 */
public final class NativeWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int ROWS = 4;

    private NativeWarmup() {
    }

    /** Starts the warm-up once per JVM (later calls do nothing); never throws, never blocks the caller. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(NativeWarmup::warm, "native-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void warm() {
        ResourceRoot root = ResourceRoot.classpath();
        for (SampleModel sample : new SampleModel[] {SampleModel.DIGITS_MLP, SampleModel.FASHION_CNN}) {
            try (LoadedModel model = ModelLoader.load(root, sample.zipPath())) {
                ActivationRecorder.record(model, new float[ROWS][(int) model.inputSize()], org.latentledger.work.Progress.NONE);
            } catch (Exception | LinkageError e) {
                // A warm-up that fails costs nothing: the real opening reports the same problem with its context.
                return;
            }
        }
    }
}

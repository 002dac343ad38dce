package org.latentledger.economy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;

/**
 * Loads ND4J's native backend and DL4J's classes, and compiles our kernel's loops, on a background
 * thread while the window starts.
 *
 * <p>Why: the first model a JVM opens pays about a second for ND4J's native library, its
 * OpenMP/BLAS set-up, Jackson's configuration classes and the first forward pass's JIT, and the
 * window's own start (the JavaFX toolkit, the scene, the CSS) takes about as long on the other
 * core. Done one after the other they are most of the wait for the first map; started together at
 * launch they overlap. The warm-up opens two bundled models (a dense one and a convolutional one)
 * and runs a few rows through each, through DL4J and through our kernel (whose loops the JIT
 * compiles only once they have run a while: cold, the first recording of fashion-mlp took 1.8 s
 * against 0.3 s warm), so the classes and code the real opening needs are already initialised (class initialisation is once per JVM; a thread that needs a class being
 * initialised waits for it instead of repeating it). Nothing it makes is kept.
 */
public final class NativeWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int ROWS = 4;
    /** Enough rows through our kernel that its inner loops reach the optimising compiler. */
    private static final int KERNEL_ROWS = 256;
    /**
     * For the kind warmed once the window has settled (its time is idle): enough that the whole pass,
     * not only its inner loops, is compiled as optimised by then. Opening fashion-cnn in a running
     * window the first time took 1.93 s to the map after 256 rows, 1.73-1.85 s after 2,048 (bench --open, 2026-12-07).
     */
    private static final int IDLE_KERNEL_ROWS = 2048;
    private static volatile Thread thread;
    private static final java.util.concurrent.CountDownLatch OPENED = new java.util.concurrent.CountDownLatch(1);
    /** How long the warm-up waits for {@link #opened} before it warms the other kind of model anyway. */
    private static final long LATER_MILLIS = 15_000;

    private NativeWarmup() {
    }

    /** Starts the warm-up once per JVM, not knowing what will be opened: both kinds of model at once. */
    public static void start() {
        start(null);
    }

    /**
     * Starts the warm-up once per JVM (later calls do nothing); never throws, never blocks the caller.
     *
     * @param opening the bundled model the launch opens, or null when it is not known (files): the
     *                kind of model it is (dense, or convolutional) is warmed first and the other
     *                only once {@link #opened} is called, so that the opening does not share the
     *                cores with a warm-up it does not need (measured on a concepts launch: the
     *                data read 0.3 s sooner without the convolutional model's warm-up beside it)
     */
    public static void start(SampleModel opening) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> warm(opening), "native-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        thread = t;
        t.start();
    }

    /** The launch's opening has settled: the warm-up goes on with the kind of model it left for later. */
    public static void opened() {
        OPENED.countDown();
    }

    /**
     * Waits (up to {@code millis}) for the warm-up to end: a JVM that exits while a native library
     * is still being loaded can hang in its exit, so a short-lived process waits first.
     */
    public static void await(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    private static void warm(SampleModel opening) {
        ResourceRoot root = ResourceRoot.classpath();
        if (opening == null) {
            if (warm(root, SampleModel.DIGITS_MLP)) {
                warm(root, SampleModel.FASHION_CNN);
            }
            return;
        }
        boolean convolutional = opening == SampleModel.FASHION_CNN;
        if (!warm(root, convolutional ? SampleModel.FASHION_CNN : SampleModel.DIGITS_MLP)) {
            return;
        }
        try {
            OPENED.await(LATER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        warm(root, convolutional ? SampleModel.DIGITS_MLP : SampleModel.FASHION_CNN, IDLE_KERNEL_ROWS);
    }

    /** Opens {@code sample} and runs a few rows through DL4J and through our kernel; false when that failed. */
    private static boolean warm(ResourceRoot root, SampleModel sample) {
        return warm(root, sample, KERNEL_ROWS);
    }

    private static boolean warm(ResourceRoot root, SampleModel sample, int kernelRows) {
        try (LoadedModel model = ModelLoader.load(root, sample.zipPath())) {
            ActivationRecorder.record(model, new float[ROWS][(int) model.inputSize()], org.latentledger.work.Progress.NONE);
            float[][] rows = new float[kernelRows][(int) model.inputSize()];
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            for (float[] row : rows) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = r.nextInt(2) == 0 ? 0f : (float) r.nextDouble(); // about half zeros, as images and ReLU outputs are
                }
            }
            SparseForward.record(model, rows, org.latentledger.work.Progress.NONE);
            return true;
        } catch (Exception | LinkageError e) {
            // A warm-up that fails costs nothing: the real opening reports the same problem with its context.
            return false;
        }
    }
}

package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.latentledger.work.CancelledException;
import org.latentledger.work.Progress;

/**
 * Work over inputs 0..n-1 in blocks, side by side on a few threads. The caller's thread waits for
 * the blocks in order, reports progress and checks for cancelling between them, so a
 * {@link Progress} is only ever touched from the thread that passed it. Each input is one call of
 * the task, which writes only its own input's results: the results are the same on any number of
 * threads.
 */
final class Blocks {

    /** Inputs per block: small enough that progress moves and cancelling is quick, large enough that handing out blocks costs nothing. */
    static final int SIZE = 32;

    private Blocks() {
    }

    /** Runs {@code task} for every input; "{@code label}: 1,024 of 10,000 points{@code suffix}" as progress. */
    static void run(int n, int threads, Progress progress, String label, String suffix, IntConsumer task) {
        int blocks = (n + SIZE - 1) / SIZE;
        if (threads <= 1) {
            for (int b = 0; b < blocks; b++) {
                progress.checkCancelled();
                block(task, n, b);
                report(progress, b + 1, blocks, n, label, suffix);
            }
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ledger-blocks");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (int b = 0; b < blocks; b++) {
                int block = b;
                done.add(pool.submit(() -> block(task, n, block)));
            }
            try {
                for (int b = 0; b < blocks; b++) {
                    if (progress.isCancelled()) {
                        pool.shutdownNow();
                        progress.checkCancelled();
                    }
                    done.get(b).get();
                    report(progress, b + 1, blocks, n, label, suffix);
                }
            } catch (InterruptedException ex) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException ex) {
                pool.shutdownNow();
                throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
            }
        }
    }

    private static void block(IntConsumer task, int n, int block) {
        for (int i = block * SIZE, end = Math.min(n, (block + 1) * SIZE); i < end; i++) {
            task.accept(i);
        }
    }

    private static void report(Progress progress, int block, int blocks, int n, String label, String suffix) {
        if (block % 8 == 0 || block == blocks) {
            progress.update((double) block / blocks, String.format(Locale.ROOT, "%s: %,d of %,d points%s", label, Math.min(n, block * SIZE), n, suffix));
        }
    }
}

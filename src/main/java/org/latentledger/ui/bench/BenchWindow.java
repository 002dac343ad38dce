package org.latentledger.ui.bench;

import java.nio.file.Files;
import java.time.Duration;
import javafx.stage.Stage;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.AppExecutor;
import org.latentledger.ui.HeadlessFx;
import org.latentledger.ui.LatentLedgerApp;
import org.latentledger.ui.shell.MainViewModel;

/** The real main window, headless at 1280 x 800, with its own fresh projection cache: what the window benchmarks drive. */
record BenchWindow(Stage stage, MainViewModel vm) {

    static BenchWindow open(String cachePrefix) throws Exception {
        return open(cachePrefix, null);
    }

    /** The window as the app opens it: the sample (if any) asked for before the window is built, as at the app's start. */
    static BenchWindow open(String cachePrefix, SampleModel sample) throws Exception {
        HeadlessFx.start(1280, 800);
        // A launch measured in a new JVM is given the cache folder its earlier launches wrote (ll.cache.dir); else a fresh one.
        String given = System.getProperty("ll.cache.dir");
        java.nio.file.Path cache = given != null && !given.isBlank() ? org.latentledger.work.CacheFolder.of("projections")
                : Files.createTempDirectory(cachePrefix);
        Stage stage = HeadlessFx.onFx(Stage::new);
        MainViewModel vm = HeadlessFx.onFx(() -> {
            MainViewModel model = new MainViewModel(ResourceRoot.classpath(), AppExecutor.shared(),
                    org.latentledger.ui.shell.RecentFiles.inMemory(), new org.latentledger.projection.ProjectionCache(cache));
            if (sample != null) {
                model.openSample(sample);
            }
            stage.setScene(LatentLedgerApp.createScene(model, false, 1280, 800));
            stage.show();
            return model;
        });
        return new BenchWindow(stage, vm);
    }

    /** Nothing runs (a cancelled journey leaves its page without maps, which is idle but never "settled"), within five minutes. */
    void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (HeadlessFx.onFx(() -> vm.busyProperty().get())) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("a job did not end: " + HeadlessFx.onFx(() -> vm.statusProperty().get()));
            }
            Thread.sleep(20);
        }
    }

    /** Cancels what runs and hides the window. */
    void close() throws Exception {
        HeadlessFx.onFx(() -> {
            vm.cancel();
            stage.hide();
            return null;
        });
    }
}

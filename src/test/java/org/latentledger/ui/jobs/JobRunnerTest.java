package org.latentledger.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.latentledger.work.CancelledException;

/** The job runner's rules, with no toolkit: busy until the job's code returns, lanes, supersede, pause, failures. */
class JobRunnerTest {

    @Test
    void cancelledJobKeepsTheRunnerBusyUntilItsCodeReturns() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean sawCancel = new AtomicBoolean();
            List<String> results = new ArrayList<>();
            jobs.run(Lane.LEDGER, "Frontier", (progress, partial) -> {
                started.countDown();
                release.await(20, TimeUnit.SECONDS);
                sawCancel.set(progress.isCancelled());
                return "swept";
            }, results::add);
            assertTrue(started.await(20, TimeUnit.SECONDS));
            jobs.cancel();
            jobs.drain();
            assertTrue(jobs.busyProperty().get(), "still busy: the job's code has not returned");
            assertTrue(jobs.busy(Lane.LEDGER));
            assertEquals("Cancelling ...", jobs.statusProperty().get());
            release.countDown();
            jobs.pump(() -> !jobs.busyProperty().get());
            assertTrue(sawCancel.get(), "the job was told");
            assertEquals(List.of(), results, "a cancelled job's result is dropped");
            assertEquals("Cancelled: frontier", jobs.statusProperty().get());
            assertEquals(1, jobs.finishedProperty().get());
        }
    }

    @Test
    void aJobSupersedesItsOwnLaneAndWaitsBehindOthers() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> done = new ArrayList<>();
            List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            jobs.run(Lane.MAP, "Map of layer 1", (p, partial) -> {
                ran.add("map 1");
                release.await(20, TimeUnit.SECONDS);
                return "map 1";
            }, done::add);
            jobs.run(Lane.JOURNEY, "Journey maps", (p, partial) -> {
                ran.add("journey");
                return "journey";
            }, done::add);
            jobs.run(Lane.MAP, "Map of layer 2", (p, partial) -> {
                ran.add("map 2");
                return "map 2";
            }, done::add);
            release.countDown();
            jobs.pump(() -> !jobs.busyProperty().get());
            assertEquals(List.of("journey", "map 2"), done, "the superseded map is dropped; the journey's job is not cancelled by it");
            assertTrue(ran.containsAll(List.of("journey", "map 2")));
            assertEquals("Ready", jobs.statusProperty().get());
            assertEquals(3, jobs.finishedProperty().get());
        }
    }

    @Test
    void pausedWorkWaitsAndCancelStillStopsIt() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            AtomicInteger steps = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            List<Object> results = new ArrayList<>();
            jobs.run(Lane.MAP, "t-SNE", (progress, partial) -> {
                for (int i = 0; i < 1000; i++) {
                    progress.checkCancelled();
                    steps.incrementAndGet();
                    first.countDown();
                    Thread.sleep(2);
                }
                return "done";
            }, results::add);
            assertTrue(first.await(20, TimeUnit.SECONDS));
            jobs.pausedProperty().set(true);
            Thread.sleep(150);
            int held = steps.get();
            Thread.sleep(300);
            assertTrue(steps.get() <= held + 1, "paused work waits between steps: " + held + " -> " + steps.get());
            jobs.cancel();
            jobs.pump(() -> !jobs.busyProperty().get());
            assertEquals(List.of(), results);
            assertFalse(jobs.pausedProperty().get(), "nothing is left paused");
            assertTrue(steps.get() < 1000);
        }
    }

    @Test
    void aFailureReachesItsHandlerOrTheReporterNeverNobody() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            List<String> reported = new ArrayList<>();
            jobs.setFailureReporter((what, error) -> reported.add(what + ": " + error.getMessage()));
            jobs.run(Lane.OPEN, "Opening x.zip", (p, partial) -> {
                throw new IllegalStateException("not a model");
            }, r -> { });
            List<Throwable> handled = new ArrayList<>();
            jobs.run(Lane.LEDGER, "Frontier", (p, partial) -> {
                throw new IllegalArgumentException("no knee");
            }, null, r -> { }, handled::add);
            jobs.run(Lane.MAP, "Map", (p, partial) -> "map", r -> {
                throw new IllegalStateException("the handler broke");
            });
            jobs.pump(() -> !jobs.busyProperty().get());
            assertEquals(List.of("Opening x.zip: not a model", "Map: the handler broke"), reported);
            assertEquals(1, handled.size());
            assertEquals("no knee", handled.getFirst().getMessage());
        }
    }

    @Test
    void aCancelledExceptionIsACancelNotAFailure() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            List<String> reported = new ArrayList<>();
            jobs.setFailureReporter((what, error) -> reported.add(what));
            jobs.run(Lane.MAP, "UMAP by Smile", (p, partial) -> {
                throw new CancelledException();
            }, r -> { });
            jobs.pump(() -> !jobs.busyProperty().get());
            assertEquals(List.of(), reported);
            assertTrue(jobs.statusProperty().get().startsWith("Cancelled"), jobs.statusProperty().get());
        }
    }

    @Test
    void partialResultsArriveOnTheUiThreadLatestOnly() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            List<Object> seen = new ArrayList<>();
            Thread ui = Thread.currentThread();
            AtomicBoolean wrongThread = new AtomicBoolean();
            jobs.run(Lane.MAP, "t-SNE", (progress, partial) -> {
                for (int i = 0; i < 50; i++) {
                    partial.accept(i);
                }
                return "done";
            }, p -> {
                wrongThread.compareAndSet(false, Thread.currentThread() != ui);
                seen.add(p);
            }, r -> seen.add(r), null);
            jobs.pump(() -> !jobs.busyProperty().get());
            assertFalse(wrongThread.get());
            assertEquals("done", seen.getLast());
            assertTrue(seen.size() <= 51 && seen.size() >= 2, "coalesced: " + seen.size());
        }
    }

    @Test
    void theSynchronousRunnerRunsAJobBeforeRunReturns() {
        CurrentThreadJobRunner jobs = new CurrentThreadJobRunner();
        List<String> events = new ArrayList<>();
        jobs.busyProperty().addListener((o, a, b) -> events.add("busy " + b));
        jobs.run(Lane.MAP, "Map", (p, partial) -> {
            events.add("work");
            partial.accept("half");
            return "map";
        }, part -> events.add("partial " + part), r -> events.add("done " + r), null);
        assertEquals(List.of("busy true", "work", "partial half", "done map", "busy false"), events, "the result is out before the runner is idle");
        assertFalse(jobs.busyProperty().get());
    }

    @Test
    void theRunnerRefusesOtherThreads() throws Exception {
        CurrentThreadJobRunner jobs = new CurrentThreadJobRunner();
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                jobs.run(Lane.MAP, "Map", (p, partial) -> "x", r -> { });
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        other.start();
        other.join();
        assertTrue(ThreadRule.checked(), "the tests run with assertions on");
        assertSame(IllegalStateException.class, thrown[0].getClass());
        assertTrue(thrown[0].getMessage().contains("only '" + Thread.currentThread().getName() + "'"), thrown[0].getMessage());
        assertEquals("Ready", jobs.statusProperty().get(), "nothing was given");
        assertFalse(jobs.busyProperty().get());
    }
}

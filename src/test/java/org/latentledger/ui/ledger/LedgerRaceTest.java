package org.latentledger.ui.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.PolicyKind;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.jobs.Lane;
import org.latentledger.ui.jobs.PumpedJobRunner;
import org.latentledger.work.Exclusive;

/**
 * Cancel, then act at once: the ledger's pass on the UI thread must wait for the cancelled job
 * that still holds the network, and then run (the race the runner had when cancel marked it idle
 * while the job went on).
 */
class LedgerRaceTest {

    static LoadedModel model;
    static Dataset digits;

    @BeforeAll
    static void load() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        model = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath());
        digits = SampleModel.DIGITS_MLP.data().load(tree);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aPassAfterCancelWaitsForTheJobStillHoldingTheNetwork() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            Exclusive<LoadedModel> net = Exclusive.of(model);
            LedgerViewModel ledger = new LedgerViewModel(jobs);
            ledger.show(net, digits, LedgerViewModel.Setup.of(model, digits));
            ledger.kindProperty().set(PolicyKind.TOPK);
            ledger.setQuery(digits.features()[3]);
            jobs.drain();
            Ledger first = ledger.ledgerProperty().get();
            assertNotNull(first);

            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            jobs.run(Lane.LEDGER, "A sweep", (progress, partial) -> net.use(m -> {
                holding.countDown();
                release.await(20, TimeUnit.SECONDS);
                return null;
            }), r -> { });
            assertTrue(holding.await(20, TimeUnit.SECONDS));
            jobs.cancel();
            ledger.levelProperty().set(0.5);
            assertTrue(ledger.pendingProperty().get(), "the pass waits: the cancelled job still holds the network");
            assertSame(first, ledger.ledgerProperty().get(), "nothing ran beside the job");
            assertTrue(jobs.busyProperty().get(), "busy until the job's code has returned");

            release.countDown();
            jobs.pump(() -> !jobs.busyProperty().get() && !ledger.pendingProperty().get());
            Ledger after = ledger.ledgerProperty().get();
            assertEquals(new SparsityPolicy.TopK(0, 0.5), after.sparse().policy(), "the pass ran with the slider's new value");
            assertFalse(ledger.timingProperty().get().isEmpty(), "and was timed once free");
        }
    }

    @Test
    void cancellingTheFrontierThenMovingTheSliderLeavesNoFrontierAndTheRightPass() throws Exception {
        try (PumpedJobRunner jobs = PumpedJobRunner.create()) {
            Exclusive<LoadedModel> net = Exclusive.of(model);
            LedgerViewModel ledger = new LedgerViewModel(jobs);
            ledger.show(net, digits, LedgerViewModel.Setup.of(model, digits));
            ledger.kindProperty().set(PolicyKind.ROUTED);
            ledger.setQuery(digits.features()[0]);
            jobs.drain();
            ledger.computeFrontier();
            jobs.cancel();
            ledger.levelProperty().set(0.3);
            ledger.rankProperty().set(8);
            jobs.pump(() -> !jobs.busyProperty().get() && !ledger.pendingProperty().get());
            assertNull(ledger.frontierProperty().get(), "a cancelled sweep publishes nothing");
            assertEquals("", ledger.frontierNote());
            assertEquals(new SparsityPolicy.LatentRouted(8, 0, 0.3), ledger.ledgerProperty().get().sparse().policy());

            ledger.computeFrontier();
            jobs.pump(() -> !jobs.busyProperty().get() && ledger.frontierProperty().get() != null);
            assertEquals(PolicyKind.ROUTED, ledger.frontierRunProperty().get().kind());
            assertEquals(8, ledger.frontierRunProperty().get().rank());
            assertTrue(ledger.frontierNote().startsWith("over "), ledger.frontierNote());
        }
    }
}

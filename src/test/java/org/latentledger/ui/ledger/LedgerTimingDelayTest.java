package org.latentledger.ui.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.PolicyKind;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.jobs.QueuedJobRunner;
import org.latentledger.work.Exclusive;

/**
 * When the ledger times its passes: at once after a change nobody is dragging (a policy chosen, a
 * query, a lesson's step), after the slider settles while a person moves it, and at once when it is
 * let go.
 */
class LedgerTimingDelayTest {

    /** Runs everything where it is given; delayed actions are kept, with their delays, until run. */
    private static final class HeldDelays extends QueuedJobRunner {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> held = new ArrayList<>();

        HeldDelays() {
            super(Runnable::run, Runnable::run);
        }

        @Override
        protected boolean honoursPause() {
            return false;
        }

        @Override
        public void later(Object key, Duration delay, Runnable action) {
            delays.add(delay);
            held.clear(); // a later call for the same key replaces the one waiting, as the app's runner does
            held.add(action);
        }

        void runHeld() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aMovingSliderIsTimedOnceSettledAndAnythingElseAtOnce() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        try (LoadedModel model = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath())) {
            Dataset digits = SampleModel.DIGITS_MLP.data().load(tree);
            HeldDelays jobs = new HeldDelays();
            LedgerViewModel ledger = new LedgerViewModel(jobs);
            ledger.show(Exclusive.of(model), digits, LedgerViewModel.Setup.of(model, digits));
            ledger.setQuery(digits.features()[3]);
            ledger.kindProperty().set(PolicyKind.TOPK);
            assertTrue(jobs.delays.stream().allMatch(LedgerViewModel.AT_ONCE::equals), "chosen, not dragged: timed at once " + jobs.delays);
            jobs.runHeld();
            assertFalse(ledger.timingProperty().get().isEmpty());
            assertFalse(ledger.pendingProperty().get());

            jobs.delays.clear();
            ledger.slidingProperty().set(true);
            ledger.levelProperty().set(0.3);
            ledger.levelProperty().set(0.2);
            assertEquals(2, jobs.delays.size());
            assertTrue(jobs.delays.stream().allMatch(LedgerViewModel.SETTLE::equals), "dragged: timed once it settles " + jobs.delays);
            assertTrue(ledger.pendingProperty().get(), "the timing is still to come");
            ledger.slidingProperty().set(false);
            assertEquals(LedgerViewModel.AT_ONCE, jobs.delays.getLast(), "let go: timed at once");
            jobs.runHeld();
            assertFalse(ledger.pendingProperty().get());
            assertTrue(ledger.timingProperty().get().contains("dense"), ledger.timingProperty().get());
        }
    }
}

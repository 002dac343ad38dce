package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.latentledger.ui.FxTesting.onFx;

import org.latentledger.ui.shell.MainViewModel;

/** The lesson "Computing almost nothing" plays through; it works on the ledger, not the journey. */
class ComputingAlmostNothingLessonTest extends LessonPlayback {

    ComputingAlmostNothingLessonTest() {
        super("computing-almost-nothing", false);
    }

    @Override
    void afterPlaying(MainViewModel vm) throws Exception {
        var frontier = onFx(() -> vm.ledger().frontierProperty().get());
        assertNotNull(frontier);
        assertEquals(frontier.knee().policy(), onFx(() -> vm.ledger().policy()), "the knee's setting is the policy");
        assertNotNull(onFx(() -> vm.ledger().comparisonProperty().get()), "the economical model's frontier beside its original's");
    }
}

package org.latentledger.ui.tour;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentledger.ui.FxTesting.onFx;

import org.latentledger.ui.shell.MainViewModel;

/** The lesson "Where meaning lives" plays through, steering the autoencoder both ways. */
class WhereMeaningLivesLessonTest extends LessonPlayback {

    WhereMeaningLivesLessonTest() {
        super("where-meaning-lives", true);
    }

    @Override
    void afterPlaying(MainViewModel vm) throws Exception {
        assertNotNull(onFx(() -> vm.journey().steeredProperty().get()), "the autoencoder was steered and decoded");
        assertTrue(onFx(() -> vm.journey().alphaProperty().get()) < 0, "the last steering step went the other way");
    }
}

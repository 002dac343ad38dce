package org.latentledger.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.model.SampleModel;

/** Every long job kind, started on the real window and cancelled, ends (how fast is bench --cancel's to say, not a test's). */
class CancelBenchTest {

    @Test
    void everyKindOfLongJobEndsWhenCancelled() throws Exception {
        List<CancelBench.Result> rs = CancelBench.run(SampleModel.FASHION_MLP, 250);
        assertEquals(7, rs.size());
        for (CancelBench.Result r : rs) {
            assertTrue(r.ended(), r.kind() + " did not end once cancelled");
        }
        // Most of them were still running when cancelled (else this would test nothing): t-SNE on 10,000 points is.
        assertTrue(rs.stream().filter(r -> !Double.isNaN(r.cancelMs())).count() >= 4, rs.toString());
        assertTrue(!Double.isNaN(rs.get(1).cancelMs()), "the t-SNE was cancelled while it ran: " + rs.get(1));
    }
}

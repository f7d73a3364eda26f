package io.olyx.application.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.replay.ReplayQueries;
import org.junit.jupiter.api.Test;

class PurgeExpiredDataTest {
    /** A job id an Idempotency-Key retry hands out must still answer GET /api/v1/replay/:job_id. */
    @Test
    void finishedReplaysAndTheirJobsOutliveTheTimeTheirStatusIsPromised() {
        assertThat(PurgeExpiredData.REPLAY_KEEP).isGreaterThanOrEqualTo(ReplayQueries.KEPT_AFTER_FINISH);
        assertThat(PurgeExpiredData.JOB_KEEP).isGreaterThanOrEqualTo(ReplayQueries.KEPT_AFTER_FINISH);
    }
}

package io.olyx.domain.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class TraceStatusProperties {
    @Property
    void onceEndedATraceNeverReturnsToPendingNorChangesItsOutcome(
            @ForAll @Size(max = 12) List<TraceStatus> attempts) {
        TraceStatus current = TraceStatus.PENDING;
        TraceStatus firstEnd = null;
        for (TraceStatus target : attempts) {
            if (current.canBecome(target)) {
                current = target;
            }
            if (current != TraceStatus.PENDING && firstEnd == null) {
                firstEnd = current;
            }
            assertThat(firstEnd == null || current == firstEnd).isTrue();
        }
        assertThat(current).isNotEqualTo(TraceStatus.REPLAY);
    }

    @Property
    void clientsAddStepsToPendingTracesOnlyAndTheReplayJobToReplayTracesOnly(@ForAll TraceStatus status) {
        assertThat(status.acceptsSteps(StepWriter.CLIENT)).isEqualTo(status == TraceStatus.PENDING);
        assertThat(status.acceptsSteps(StepWriter.REPLAY_JOB)).isEqualTo(status == TraceStatus.REPLAY);
    }

    @Property
    void aTraceHasEndedExactlyWhenAPendingOneCouldHaveBecomeIt(@ForAll TraceStatus status) {
        assertThat(status.ended()).isEqualTo(TraceStatus.PENDING.canBecome(status));
    }

    @Property
    void nothingBecomesPending(@ForAll TraceStatus from) {
        assertThat(from.canBecome(TraceStatus.PENDING)).isFalse();
    }

    @Property
    void theWireNameParsesBack(@ForAll TraceStatus status) {
        assertThat(TraceStatus.parse(status.wire())).contains(status);
    }
}

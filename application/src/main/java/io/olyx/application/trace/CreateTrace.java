package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.Pseudonyms;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** POST /api/v1/traces: opens a unit of work that later calls attach their steps to. */
public final class CreateTrace {
    private final TraceRepository traces;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateTrace(TraceRepository traces, IdGenerator ids, Clock clock) {
        this.traces = traces;
        this.ids = ids;
        this.clock = clock;
    }

    public Result create(Command command, KeyCaller caller) {
        DistributionPolicy policy = DistributionPolicy.of(caller.project().settings());
        Trace.validateMetadata(command.metadata());
        command.localRef().ifPresent(Trace::validateLocalRef);
        command.revenue().ifPresent(Trace::validateRevenue);
        command.distributionChannel().ifPresent(c -> DistributionPolicy.validateChannel(c, "distribution_channel"));
        if (policy.localRefRequired() && command.localRef().isEmpty()) {
            return new Result.LocalRefRequired();
        }
        Map<String, Object> metadata = Pseudonyms.metadata(caller.project().settings(), command.metadata());
        Trace trace = new Trace(new TraceId(ids.timeOrderedUuid()), caller.projectId(), TraceStatus.PENDING,
                metadata, command.revenue(), command.localRef(),
                command.distributionChannel().orElse(policy.distributionChannel()), Optional.empty(),
                clock.instant(), Optional.empty(), Optional.empty());
        traces.insert(trace);
        return new Result.Created(trace, policy);
    }

    public record Command(Map<String, Object> metadata, Optional<BigDecimal> revenue, Optional<String> localRef,
                          Optional<String> distributionChannel) {
    }

    public sealed interface Result {
        record Created(Trace trace, DistributionPolicy policy) implements Result {
        }

        record LocalRefRequired() implements Result {
        }
    }
}

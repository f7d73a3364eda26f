package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.admission.Admission;
import io.olyx.application.admission.AdmissionControl;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.admission.RequestFingerprint;
import io.olyx.domain.guard.FindingCategory;
import io.olyx.domain.guard.GuardDecision;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepWriter;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/v1/checks: the guardrails alone, no model. "Blocked" is an answer, not an error: allowed is false when
 * the policy blocks or the risk score passes the project's block threshold (seed 001: above 0.7 by default), and
 * the reason names the strongest finding. A check step is recorded on the trace.
 */
public final class RunCheck {
    private final TraceRepository traces;
    private final AdmissionControl admission;
    private final Guardrails guardrails;
    private final StepRecorder recorder;
    private final IdGenerator ids;
    private final Clock clock;

    public RunCheck(TraceRepository traces, AdmissionControl admission, Guardrails guardrails, StepRecorder recorder,
                    IdGenerator ids, Clock clock) {
        this.traces = traces;
        this.admission = admission;
        this.guardrails = guardrails;
        this.recorder = recorder;
        this.ids = ids;
        this.clock = clock;
    }

    public Outcome check(KeyCaller caller, TraceId traceId, String input) {
        Optional<Trace> trace = traces.find(caller.projectId(), traceId);
        if (trace.isEmpty()) {
            return new Outcome.TraceNotFound();
        }
        if (!trace.get().status().acceptsSteps(StepWriter.CLIENT)) {
            return new Outcome.TraceClosed(trace.get());
        }
        if (admission.admitRate(caller) instanceof Admission.Refused refused) {
            return new Outcome.Refused(refused);
        }
        Instant started = clock.instant();
        long begin = System.nanoTime();
        GuardPolicy policy = GuardPolicies.of(caller.project().settings());
        GuardReport report = guardrails.scanInput(input, policy);
        boolean injection = report.findings(FindingCategory.INJECTION).stream()
                .anyMatch(f -> f.confidence() >= policy.blockThreshold());
        double risk = Sensitivity.risk(report);
        boolean allowed = report.decision() != GuardDecision.BLOCK && risk <= policy.blockThreshold();
        Optional<String> reason = allowed ? Optional.empty()
                : report.decision() == GuardDecision.BLOCK ? report.reason() : strongest(report);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("allowed", allowed);
        reason.ifPresent(r -> output.put("reason", r));
        Step step = new Step(ids.nextStepId(), traceId, caller.projectId(), StepType.CHECK, Optional.empty(),
                Optional.of(caller.key().id().value()), Optional.empty(),
                Telemetry.text(caller.project().settings(), input), output,
                (System.nanoTime() - begin) / 1_000_000.0, allowed ? StepOutcome.OK : StepOutcome.BLOCKED,
                new StepSecurity(report.piiDetected(), injection, report.secretLeaked(), risk),
                Map.of("endpoint", "checks", "fingerprint", RequestFingerprint.of(List.of(input))), started);
        recorder.record(step);
        return new Outcome.Checked(step, report, allowed, reason, injection, risk);
    }

    private static Optional<String> strongest(GuardReport report) {
        return report.findings().stream().max((a, b) -> Double.compare(Sensitivity.weight(a), Sensitivity.weight(b)))
                .map(f -> switch (f.category()) {
                    case PII -> GuardReport.PII_DETECTED;
                    case SECRET -> GuardReport.SECRET_DETECTED;
                    case INJECTION -> GuardReport.INJECTION_DETECTED;
                });
    }

    public sealed interface Outcome {
        record Checked(Step step, GuardReport report, boolean allowed, Optional<String> reason,
                       boolean injectionAttempt, double riskScore) implements Outcome {
        }

        record TraceNotFound() implements Outcome {
        }

        record TraceClosed(Trace trace) implements Outcome {
        }

        record Refused(Admission.Refused refusal) implements Outcome {
        }
    }
}

package io.olyx.adapter.http.execution;

import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.trace.TraceJson;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.pipeline.ProviderCall;
import io.olyx.application.pipeline.Route;
import io.olyx.application.port.ProviderFailure;
import java.util.Map;

/** The pipeline's refusals and failures as the seed's error answers; shared by every model endpoint. */
public final class PipelineErrors {
    private PipelineErrors() {
    }

    public static ApiError of(PipelineResult result) {
        return switch (result) {
            case PipelineResult.TraceNotFound notFound -> ApiError.notFound("Trace");
            case PipelineResult.TraceClosed closed -> ApiError.conflict("trace_closed",
                    "Steps cannot be added to a " + closed.status().wire() + " trace");
            case PipelineResult.LocalRefRequired required -> ApiError.of(422, "local_ref_required",
                    "This project's policy requires a local_ref on every trace, and a call without trace_id would "
                            + "open one without it: open the trace with POST /api/v1/traces and a local_ref, then "
                            + "pass its trace_id");
            case PipelineResult.ParentStepNotFound noParent -> ApiError.of(422, "invalid_parent_step",
                    "parent_step_id is not a step of this trace");
            case PipelineResult.InputTooLong tooLong -> ApiError.of(422, "input_too_long",
                    "Input exceeds the project's max_input_length of " + tooLong.limit() + " characters");
            case PipelineResult.Unroutable unroutable -> unroutable(unroutable.route());
            case PipelineResult.Refused refused -> ApiError.tooManyRequests(refused.refusal().reason().code(),
                    refused.refusal().message(), refused.refusal().retryAfter());
            case PipelineResult.ProviderFailed failed -> provider(failed);
            case PipelineResult.Answered answered -> throw new IllegalStateException("an answer is not an error");
            case PipelineResult.Embedded embedded -> throw new IllegalStateException("an answer is not an error");
            case PipelineResult.Imaged imaged -> throw new IllegalStateException("an answer is not an error");
            case PipelineResult.PolicyViolation violation -> ApiError.of(403, "policy_violation",
                    "Prompt blocked: " + violation.violations().get(0).type() + " violation detected")
                    .with("violations", violation.violations().stream()
                            .map(v -> Map.of("type", v.type(), "term", v.term())).toList())
                    .with("step_id", violation.step().id().value());
            case PipelineResult.Blocked blocked -> ApiError.of(403, "blocked", "Request blocked: " + blocked.reason())
                    .with("reason", blocked.reason()).with("step_id", blocked.step().id().value());
        };
    }

    private static ApiError unroutable(Route route) {
        return switch (route) {
            case Route.Unconfigured unconfigured -> ApiError.of(422, "routing_unconfigured", unconfigured.reason())
                    .with("tier", unconfigured.tier());
            case Route.UnknownModel unknown -> ApiError.of(422, "unknown_model", "Model \"" + unknown.identifier()
                    + "\" is not registered in this project");
            case Route.Blocked blocked -> ApiError.of(403, "blocked", blocked.reason());
            case Route.Resolved resolved -> throw new IllegalStateException("a resolved route is routable");
        };
    }

    private static ApiError provider(PipelineResult.ProviderFailed failed) {
        ProviderCall.Failed<?> call = failed.call();
        ProviderFailure failure = call.failure();
        ApiError error = switch (failure.kind()) {
            case UNSUPPORTED -> ApiError.of(422, "unsupported_by_provider", failure.providerMessage());
            case CLIENT_ERROR -> ApiError.of(502, "provider_rejected_request",
                    "The provider refused the request: " + failure.providerMessage());
            case TIMEOUT -> ApiError.of(504, "provider_unreachable", "Provider request failed");
            case CONNECT, RATE_LIMITED, SERVER_ERROR, MALFORMED_RESPONSE ->
                    ApiError.of(502, "provider_unreachable", "Provider request failed");
        };
        return error.with("step_id", failed.step().id().value())
                .with("attempts", call.attempts().stream().map(TraceJson::attempt).toList());
    }
}

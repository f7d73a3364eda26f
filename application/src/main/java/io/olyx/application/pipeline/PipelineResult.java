package io.olyx.application.pipeline;

import io.olyx.application.admission.Admission;
import io.olyx.domain.image.ImagePromptPolicy;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceStatus;
import java.util.List;
import java.util.Optional;

/** Every way a model call through the pipeline can end; each endpoint renders these in its own shape. */
public sealed interface PipelineResult {
    /** The model answered (with text, or with tool calls for the caller to run). The step is recorded. */
    record Answered(Trace trace, Step step, ChatResult result, ModelDefinition model, Optional<String> tier,
                    Screening screening) implements PipelineResult {
    }

    /** Embeddings computed by the model; the step records their count and size, not the vectors. */
    record Embedded(Trace trace, Step step, EmbeddingResult result, ModelDefinition model) implements PipelineResult {
    }

    record Imaged(Trace trace, Step step, ImageResult result, ModelDefinition model) implements PipelineResult {
    }

    /** An image prompt naming protected characters or brands. Recorded. */
    record PolicyViolation(Trace trace, Step step, List<ImagePromptPolicy.Violation> violations)
            implements PipelineResult {
        public PolicyViolation {
            violations = List.copyOf(violations);
        }
    }

    /** Guardrails or routing stopped the call before (or, for a leaked secret, after) the model. Recorded. */
    record Blocked(Trace trace, Step step, String reason, Screening screening) implements PipelineResult {
    }

    /** Rate limit, loop or spend cap. A loop is recorded on the trace as a blocked step. */
    record Refused(Admission.Refused refusal) implements PipelineResult {
    }

    /** Every model on the fallback path failed. Recorded, with every attempt. */
    record ProviderFailed(Trace trace, Step step, ProviderCall.Failed<?> call) implements PipelineResult {
    }

    record TraceNotFound() implements PipelineResult {
    }

    record TraceClosed(TraceStatus status) implements PipelineResult {
    }

    /**
     * The call names no trace, so it would open one, but the project requires a local_ref on every trace (seed 002
     * fails closed: no payload without a customer-side pointer). Nothing is recorded.
     */
    record LocalRefRequired() implements PipelineResult {
    }

    record ParentStepNotFound() implements PipelineResult {
    }

    record InputTooLong(int limit) implements PipelineResult {
    }

    record Unroutable(Route route) implements PipelineResult {
    }
}

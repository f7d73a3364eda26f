package io.olyx.adapter.http.execution;

import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.llm.StreamEvent;

/** Ends a streamed call: [DONE] after an answer, an in-band error after a mid-stream failure, JSON before any byte. */
final class Streams {
    private Streams() {
    }

    static void finish(Context ctx, SseStream sse, PipelineResult result) {
        if (!sse.started()) {
            if (!(result instanceof PipelineResult.Answered answered)) {
                throw PipelineErrors.of(result);
            }
            sse.accept(answered.model().identifier(), new StreamEvent.Completed(answered.result().finishReason(),
                    answered.result().usage(), answered.result().model()));
        } else if (result instanceof PipelineResult.ProviderFailed failed) {
            ApiError error = PipelineErrors.of(failed);
            sse.error(error.getMessage(), error.code());
        }
        sse.done();
    }
}

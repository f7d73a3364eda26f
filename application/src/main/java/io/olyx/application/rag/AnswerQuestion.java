package io.olyx.application.rag;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.GroundedPrompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answer generation ({@code POST /api/v1/answer}): retrieve as a query does, then ask the project's model (routed
 * like an execution, through the whole pipeline: admission, guardrails, routing, pricing, a recorded step) for an
 * answer drawn only from the numbered passages, citing them. PII in the passages routes the call to the secure
 * tier rather than being redacted, since redacted passages could no longer answer the question.
 */
public final class AnswerQuestion {
    public static final String ENDPOINT = "answer";

    private final SearchCollections search;
    private final ModelCallPipeline pipeline;

    public AnswerQuestion(SearchCollections search, ModelCallPipeline pipeline) {
        this.search = search;
        this.pipeline = pipeline;
    }

    public sealed interface Outcome {
        record Answered(String answer, List<SearchCollections.Hit> hits, PipelineResult.Answered call)
                implements Outcome {
            public Answered {
                hits = List.copyOf(hits);
            }
        }

        record CollectionNotFound(CollectionId id) implements Outcome {
        }

        /** The pipeline refused or the model failed; rendered like every other model endpoint's failures. */
        record NotAnswered(PipelineResult result) implements Outcome {
        }
    }

    public Outcome answer(KeyCaller caller, SearchCollections.Request request) {
        return switch (search.search(caller.projectId(), request)) {
            case SearchCollections.Outcome.CollectionNotFound missing -> new Outcome.CollectionNotFound(missing.id());
            case SearchCollections.Outcome.Found found -> generate(caller, request, found.hits());
        };
    }

    private Outcome generate(KeyCaller caller, SearchCollections.Request request, List<SearchCollections.Hit> hits) {
        ModelRequest call = new ModelRequest(caller, Optional.empty(), Optional.empty(),
                GroundedPrompt.messages(request.terms(), hits.stream().map(SearchCollections.Hit::content).toList()),
                List.of(), ToolChoice.AUTO, ChatOptions.DEFAULTS, new ModelSelection.Routed(), false, ENDPOINT,
                Map.of("collections", request.collections().stream().map(CollectionId::toString).toList(),
                        "passages", hits.size(), "reranker", request.reranker().wire()),
                Map.of());
        PipelineResult result = pipeline.call(call);
        if (result instanceof PipelineResult.Answered answered) {
            return new Outcome.Answered(answered.result().text(), hits, answered);
        }
        return new Outcome.NotAnswered(result);
    }
}

package io.olyx.adapter.http.rag;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.execution.PipelineErrors;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.rag.AnswerQuestion;
import io.olyx.application.rag.SearchCollections;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.RerankerKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's semantic search ({@code POST /api/v1/query}, answering a bare array of results) and answer generation
 * ({@code POST /api/v1/answer}, the same retrieval, then the project's model through the pipeline).
 */
public final class QueryRoutes {
    static final int DEFAULT_TOP = 10;
    static final RerankerKind DEFAULT_RERANKER = RerankerKind.SMART;

    private final SearchCollections search;
    private final AnswerQuestion answers;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public QueryRoutes(SearchCollections search, AnswerQuestion answers, Authenticator auth,
                       Idempotency idempotency) {
        this.search = search;
        this.answers = answers;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/query", this::query);
        app.post("/api/v1/answer", idempotency.wrap(auth::projectScope, this::answer));
    }

    private void query(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        switch (search.search(caller.projectId(), request(JsonBody.of(ctx)))) {
            case SearchCollections.Outcome.Found found ->
                    ctx.json(found.hits().stream().map(RagJson::hit).toList());
            case SearchCollections.Outcome.CollectionNotFound missing -> throw CollectionRoutes.notFound();
        }
    }

    private void answer(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        switch (answers.answer(caller, request(JsonBody.of(ctx)))) {
            case AnswerQuestion.Outcome.Answered answered -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("answer", answered.answer());
                json.put("queryResults", answered.hits().stream().map(RagJson::hit).toList());
                ctx.json(json);
            }
            case AnswerQuestion.Outcome.CollectionNotFound missing -> throw CollectionRoutes.notFound();
            case AnswerQuestion.Outcome.NotAnswered failed -> throw PipelineErrors.of(failed.result());
        }
    }

    /** A malformed collection id is "not found", like an unknown one; a single string works as one term. */
    private static SearchCollections.Request request(JsonBody body) {
        List<String> terms = body.value("terms").orElse(null) instanceof String single ? List.of(single)
                : Strings.list(body, "terms");
        List<CollectionId> collections = Strings.list(body, "collections").stream()
                .map(id -> CollectionId.parse(id).orElseThrow(CollectionRoutes::notFound)).toList();
        RerankerKind reranker = body.string("reranker").map(name -> RerankerKind.parse(name).orElseThrow(() ->
                ApiError.invalid("reranker must be lexical, smart or none"))).orElse(DEFAULT_RERANKER);
        return new SearchCollections.Request(collections, terms, top(body),
                body.decimal("minScore").map(BigDecimal::doubleValue).orElse(0.0), reranker,
                body.bool("includeReferences").orElse(false));
    }

    /**
     * {@code top} named with its own range however far outside it the value is: read as an int first, 10^10 was
     * told the int's bound (2147483647) rather than the 1 to 100 a query takes.
     */
    private static int top(JsonBody body) {
        return body.decimal("top").map(top -> {
            if (!JsonValues.isWholeNumber(top)) {
                throw ApiError.invalid("top must be a whole number");
            }
            if (top.compareTo(BigDecimal.ONE) < 0 || top.compareTo(BigDecimal.valueOf(SearchCollections.MAX_TOP)) > 0) {
                throw ApiError.invalid("top must be between 1 and " + SearchCollections.MAX_TOP);
            }
            return top.intValueExact();
        }).orElse(DEFAULT_TOP);
    }
}

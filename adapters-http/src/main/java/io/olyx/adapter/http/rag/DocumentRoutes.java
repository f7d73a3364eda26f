package io.olyx.adapter.http.rag;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.adapter.http.Uploads;
import io.olyx.application.rag.ReadDocuments;
import io.olyx.application.rag.WriteDocuments;
import io.olyx.domain.common.Page;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.IndexState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Seed 003's documents: browse (filter, order_by, state, paged), the JSONL upload (multipart file
 * {@code documents}, or the JSONL itself as the body), create-or-update by name (PUT), read and delete.
 */
public final class DocumentRoutes {
    private static final String DOCUMENTS = CollectionRoutes.ONE + "/documents";

    private final WriteDocuments writer;
    private final ReadDocuments reader;
    private final Authenticator auth;

    public DocumentRoutes(WriteDocuments writer, ReadDocuments reader, Authenticator auth) {
        this.writer = writer;
        this.reader = reader;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get(DOCUMENTS, this::browse);
        app.post(DOCUMENTS, this::upload);
        app.put(DOCUMENTS, this::put);
        app.get(DOCUMENTS + "/{documentId}", this::get);
        app.delete(DOCUMENTS + "/{documentId}", this::delete);
    }

    private void browse(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = CollectionRoutes.collectionId(ctx);
        Optional<IndexState> state = PathParams.query(ctx, "state").map(s -> IndexState.parse(s).orElseThrow(() ->
                ApiError.invalid("state must be queued, indexed or cancelled")));
        DocumentOrder order = PathParams.query(ctx, "order_by").map(o -> DocumentOrder.parse(o).orElseThrow(() ->
                ApiError.invalid("order_by must be one of " + List.of(DocumentOrder.values()).stream()
                        .map(DocumentOrder::wire).toList()))).orElse(DocumentOrder.DEFAULT);
        DocumentFilter filter = DocumentFilter.parse(PathParams.query(ctx, "filter").orElse(""), state);
        Page<DocumentSummary> page = reader.browse(project, id, filter, order, PathParams.page(ctx))
                .orElseThrow(CollectionRoutes::notFound);
        ctx.header("X-Total-Count", Long.toString(page.total()));
        ctx.json(page.items().stream().map(RagJson::documentItem).toList());
    }

    private void upload(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = CollectionRoutes.collectionId(ctx);
        Uploads.accept(ctx);
        boolean sync = syncMode(ctx);
        List<DocumentInput> documents = JsonlDocuments.read(Uploads.jsonl(ctx, "documents"));
        WriteDocuments.UploadResult result = writer.upload(project, id, documents, sync)
                .orElseThrow(CollectionRoutes::notFound);
        ctx.json(Map.of("enqueued", result.enqueued(), "skipped", result.skipped()));
    }

    private void put(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = CollectionRoutes.collectionId(ctx);
        JsonBody body = JsonBody.of(ctx);
        DocumentInput input = new DocumentInput(body.requireString("name"), body.requireString("contents"),
                body.string("reference"), Strings.optionalList(body, "tags"),
                body.object("metadata").map(RagJson::metadata));
        WriteDocuments.PutResult result = writer.put(project, id, input).orElseThrow(CollectionRoutes::notFound);
        ctx.json(Map.of("documentId", result.documentId().toString(), "state", result.state().wire()));
    }

    private void get(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = CollectionRoutes.collectionId(ctx);
        ctx.json(RagJson.document(reader.find(project, id, documentId(ctx))
                .orElseThrow(() -> ApiError.notFound("Document"))));
    }

    private void delete(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = CollectionRoutes.collectionId(ctx);
        boolean deleted = writer.delete(project, id, documentId(ctx)).orElseThrow(CollectionRoutes::notFound);
        if (!deleted) {
            throw ApiError.notFound("Document");
        }
        ctx.json(Map.of("message", "Document removed"));
    }

    /**
     * {@code insert-mode} as a query or form parameter; only "sync" changes anything. An empty value counts as left
     * out, as for any optional form field. Every value given must agree: sync deletes documents, so a request that
     * says both "append" and "sync" is refused (422 naming insert-mode) rather than letting one place win.
     */
    private static boolean syncMode(Context ctx) {
        List<String> given = new ArrayList<>(ctx.queryParams("insert-mode"));
        if (ctx.isMultipartFormData()) {
            given.addAll(ctx.formParams("insert-mode"));
        }
        Set<String> modes = given.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).filter(m -> !m.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (modes.size() > 1) {
            throw ApiError.invalid("insert-mode is given with conflicting values " + modes
                    + " (query and form must agree)");
        }
        return switch (modes.stream().findFirst().orElse("append")) {
            case "sync" -> true;
            case "append" -> false;
            default -> throw ApiError.invalid("insert-mode must be sync (or left out)");
        };
    }

    private static DocumentId documentId(Context ctx) {
        return PathParams.id(ctx, "documentId", DocumentId::parse, "Document");
    }

    private ProjectId project(Context ctx) {
        return auth.requireKey(ctx).projectId();
    }
}

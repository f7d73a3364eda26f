package io.olyx.adapter.http.rag;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.rag.ManageCollections;
import io.olyx.application.rag.ReadDocuments;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 003's collections: list, create, edit, details with their indexing state, delete, reset-only (remove every
 * document), vectors-only (embed every document again) and the JSONL export. A collection of another project
 * answers 404, as a missing one does.
 */
public final class CollectionRoutes {
    static final String BASE = "/api/v1/collections";
    static final String ONE = BASE + "/{collectionId}";

    private final ManageCollections collections;
    private final ReadDocuments reader;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public CollectionRoutes(ManageCollections collections, ReadDocuments reader, Authenticator auth,
                            Idempotency idempotency) {
        this.collections = collections;
        this.reader = reader;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.get(BASE, ctx -> ctx.json(collections.list(project(ctx)).stream().map(RagJson::collection).toList()));
        app.post(BASE, idempotency.wrap(auth::projectScope, this::create));
        app.put(ONE, this::edit);
        app.get(ONE, ctx -> ctx.json(RagJson.collection(collections.find(project(ctx), collectionId(ctx))
                .orElseThrow(CollectionRoutes::notFound))));
        app.delete(ONE, this::delete);
        app.delete(ONE + "/reset-only", this::reset);
        app.delete(ONE + "/vectors-only", this::reembed);
        app.get(ONE + "/export.jsonl", this::export);
        app.head(ONE + "/export.jsonl", this::exportHeaders);
    }

    private void create(Context ctx) {
        KnowledgeCollection created = collections.create(project(ctx), details(JsonBody.of(ctx)));
        ctx.json(Map.of("collectionId", created.id().toString()));
    }

    private void edit(Context ctx) {
        ProjectId project = project(ctx);
        ManageCollections.View edited = collections.edit(project, collectionId(ctx), details(JsonBody.of(ctx)))
                .orElseThrow(CollectionRoutes::notFound);
        ctx.json(RagJson.collection(edited));
    }

    private void delete(Context ctx) {
        if (!collections.delete(project(ctx), collectionId(ctx))) {
            throw notFound();
        }
        ctx.json(Map.of("message", "Collection deleted successfully"));
    }

    private void reset(Context ctx) {
        int removed = collections.reset(project(ctx), collectionId(ctx)).orElseThrow(CollectionRoutes::notFound);
        ctx.json(Map.of("message", "Collection cleaned successfully", "removed", removed));
    }

    private void reembed(Context ctx) {
        int queued = collections.reembed(project(ctx), collectionId(ctx)).orElseThrow(CollectionRoutes::notFound);
        ctx.json(Map.of("message", "Outdated documents enqueued", "enqueued", queued));
    }

    /** Streams the collection a page at a time: the response never holds the whole collection in memory. */
    private void export(Context ctx) {
        ProjectId project = project(ctx);
        CollectionId id = exportHeaders(ctx, project);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(),
                StandardCharsets.UTF_8))) {
            reader.export(project, id, document -> {
                try {
                    out.write(RagJson.exportLine(document));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HEAD: the export's status and headers without reading a document (run as a GET, the whole export was built
     * for Jetty to drop). Its length is not known without building it, so none is sent, as a long GET sends none.
     */
    private void exportHeaders(Context ctx) {
        exportHeaders(ctx, project(ctx));
        try {
            // committed before its end, the answer is sent as a GET's of unknown length is, not as an empty one
            ctx.res().flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 404 unless the collection is the project's; otherwise the export's headers are set. */
    private CollectionId exportHeaders(Context ctx, ProjectId project) {
        CollectionId id = collectionId(ctx);
        if (collections.find(project, id).isEmpty()) {
            throw notFound();
        }
        ctx.contentType("application/jsonl; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"collection-" + id + ".jsonl\"");
        return id;
    }

    /** Tags as the seed sends them (one comma-separated string) or as an array of strings. */
    private static KnowledgeCollection.Details details(JsonBody body) {
        String name = body.requireString("collectionName");
        Optional<String> context = body.string("context");
        if (body.value("tags").orElse(null) instanceof java.util.List<?>) {
            return new KnowledgeCollection.Details(name, context, Strings.list(body, "tags"));
        }
        return KnowledgeCollection.Details.of(name, context, body.string("tags"));
    }

    private ProjectId project(Context ctx) {
        return auth.requireKey(ctx).projectId();
    }

    static CollectionId collectionId(Context ctx) {
        return PathParams.id(ctx, "collectionId", CollectionId::parse, "Collection");
    }

    static ApiError notFound() {
        return ApiError.notFound("Collection");
    }
}

package io.olyx.domain.rag;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of documents searched together (an AIVAX "collection"), owned by one project. Its chunks live in
 * one search index whose key joins the project and the collection, so no two projects ever share an index.
 */
public record KnowledgeCollection(CollectionId id, ProjectId projectId, Details details, Instant createdAt,
                                  Instant updatedAt) {
    public KnowledgeCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What a caller sets on create and edit. Tags arrive as one comma-separated string, as the seed sends them. */
    public record Details(String name, Optional<String> context, List<String> tags) {
        public static final int MAX_NAME = 256;
        public static final int MAX_CONTEXT = 10_000;

        public Details {
            InvalidInput.require(name != null && !name.isBlank(), "collectionName", "collectionName is required");
            name = name.strip();
            InvalidInput.require(Characters.count(name) <= MAX_NAME, "collectionName",
                    "collectionName must be at most " + MAX_NAME + " characters");
            context = context == null ? Optional.empty() : context.filter(c -> !c.isBlank());
            InvalidInput.require(context.map(Characters::count).orElse(0) <= MAX_CONTEXT, "context",
                    "context must be at most " + MAX_CONTEXT + " characters");
            tags = Tags.validated(tags, "tags");
        }

        public static Details of(String name, Optional<String> context, Optional<String> commaSeparatedTags) {
            return new Details(name, context, commaSeparatedTags.map(Tags::split).orElse(List.of()));
        }
    }

    public String name() {
        return details.name();
    }

    public String indexKey() {
        return indexKey(projectId, id);
    }

    public static String indexKey(ProjectId projectId, CollectionId id) {
        return projectId.value() + "/" + id.value();
    }

    public KnowledgeCollection edited(Details newDetails, Instant now) {
        return new KnowledgeCollection(id, projectId, newDetails, createdAt, now);
    }
}

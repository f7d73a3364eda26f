package io.olyx.domain.rag;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as a caller sends it: a JSONL line ({@code docId}, {@code text}, {@code __ref}, {@code __tags},
 * {@code __meta}) or the body of a PUT. An empty optional is a field sent as null or left out; the upsert rules
 * treat both as "keep what is stored".
 */
public record DocumentInput(String name, String contents, Optional<String> reference, Optional<List<String>> tags,
                            Optional<DocumentMetadata> metadata) {
    public static final int MAX_NAME = 512;
    public static final int MAX_REFERENCE = 1024;
    /** Large enough for a book; the request size limit usually binds first. */
    public static final int MAX_CONTENTS = 4_000_000;

    public DocumentInput {
        InvalidInput.require(name != null && !name.isBlank(), "name", "a document needs a non-empty name (docId)");
        InvalidInput.require(Characters.count(name) <= MAX_NAME, "name",
                "a document name (docId) must be at most " + MAX_NAME + " characters");
        InvalidInput.require(contents != null && !contents.isBlank(), "contents",
                "a document needs non-empty text (contents)");
        InvalidInput.require(Characters.count(contents) <= MAX_CONTENTS, "contents",
                "a document's text must be at most " + MAX_CONTENTS + " characters");
        reference = Objects.requireNonNullElse(reference, Optional.<String>empty());
        InvalidInput.require(reference.map(Characters::count).orElse(0) <= MAX_REFERENCE, "reference",
                "a reference (__ref) must be at most " + MAX_REFERENCE + " characters");
        tags = Objects.requireNonNullElse(tags, Optional.<List<String>>empty()).map(t -> Tags.validated(t, "tags"));
        metadata = Objects.requireNonNullElse(metadata, Optional.<DocumentMetadata>empty());
        // every chunk of the document carries it into the index and every search hit sends it back
        metadata.ifPresent(m -> JsonValues.requireAttachedSize("metadata (__meta)", Characters.count(m.json())));
    }

    public String contentHash() {
        return ContentHash.of(contents);
    }
}

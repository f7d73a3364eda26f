package io.olyx.domain.rag;

/** Indexing progress of a collection: documents in all, those searchable with their current text, those waiting. */
public record CollectionState(long total, long indexed, long queued) {
    public CollectionState {
        if (total < 0 || indexed < 0 || queued < 0 || indexed + queued > total) {
            throw new IllegalArgumentException("inconsistent counts " + total + "/" + indexed + "/" + queued);
        }
    }

    public static final CollectionState EMPTY = new CollectionState(0, 0, 0);
}

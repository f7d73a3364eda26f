package io.olyx.application.port;

/**
 * A write named a row that was deleted while the request ran: most often its project (a model, key, trace or step
 * created while the project is deleted). The database refuses the write; the caller answers as if the request had
 * come after the delete, 404 for {@link #owner()}, and nothing of the write is stored.
 */
public final class OwnerDeleted extends RuntimeException {
    private final String owner;

    public OwnerDeleted(String owner, Throwable cause) {
        super(owner + " not found", cause, false, false);
        this.owner = owner;
    }

    /** What was deleted, as a client names it: "Project", or "Resource" when the database does not say. */
    public String owner() {
        return owner;
    }
}

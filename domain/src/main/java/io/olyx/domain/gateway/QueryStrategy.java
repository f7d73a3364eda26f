package io.olyx.domain.gateway;

/**
 * How a gateway turns the conversation into a knowledge search term: the last user message, the last N user
 * messages joined, a model-written question from the last N user messages (or N*2 messages of both roles), or a
 * search function the model calls itself.
 */
public enum QueryStrategy {
    PLAIN("Plain"), CONCATENATE("Concatenate"), FULL_REWRITE("FullRewrite"), USER_REWRITE("UserRewrite"),
    QUERY_FUNCTION("QueryFunction");

    private final String wire;

    QueryStrategy(String wire) {
        this.wire = wire;
    }

    public boolean rewrites() {
        return this == FULL_REWRITE || this == USER_REWRITE;
    }

    @Override
    public String toString() {
        return wire;
    }
}

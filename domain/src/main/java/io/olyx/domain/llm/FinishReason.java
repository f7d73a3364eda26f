package io.olyx.domain.llm;

/** Why a model stopped generating, mapped from each provider's own vocabulary. */
public enum FinishReason {
    STOP("stop"),
    LENGTH("length"),
    TOOL_CALLS("tool_calls"),
    CONTENT_FILTER("content_filter"),
    /** The consumer of a stream went away and Olyx stopped reading; the result holds what arrived before. */
    CANCELLED("cancelled"),
    /** The provider failed mid-answer; only seen on the partial result a failure carries. */
    ERROR("error"),
    OTHER("other");

    private final String wireName;

    FinishReason(String wireName) {
        this.wireName = wireName;
    }

    /** OpenAI's spelling where it has one. */
    public String wire() {
        return wireName;
    }
}

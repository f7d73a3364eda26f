package io.olyx.domain.llm;

/** Who said a message in a conversation; wire names follow the OpenAI chat format. */
public enum ChatRole {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant"),
    /** The result of a tool the assistant asked for, linked by tool_call_id. */
    TOOL("tool");

    private final String wireName;

    ChatRole(String wireName) {
        this.wireName = wireName;
    }

    public String wire() {
        return wireName;
    }
}

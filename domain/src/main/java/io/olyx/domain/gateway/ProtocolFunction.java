package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.llm.ToolDefinition;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A server-side function: offered to the model as a tool; when the model calls it, Olyx POSTs the arguments
 * (validated against {@code contentFormat}) to {@code callbackUrl} with {@code headers} and feeds the answer back.
 * The model never sees the URL.
 */
public record ProtocolFunction(String name, String description, Map<String, String> headers, URI callbackUrl,
                               Map<String, Object> contentFormat) {
    /** The seed's JavaScript identifier rule, narrowed to what every provider accepts as a tool name. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{2,63}");

    public ProtocolFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        contentFormat = Map.copyOf(contentFormat);
    }

    public ToolDefinition tool() {
        return new ToolDefinition(name, description, contentFormat);
    }

    static ProtocolFunction read(JsonFields f) {
        String name = f.requireText("name");
        InvalidInput.require(NAME.matcher(name).matches(), f.name("name"), f.name("name")
                + " must start with a letter and hold 3 to 64 letters, digits or underscores");
        String description = f.requireText("description");
        InvalidInput.require(Characters.count(description.strip()) >= 10, f.name("description"),
                f.name("description") + " must be at least 10 characters");
        Map<String, Object> schema = f.object("contentFormat").orElseThrow(() -> new InvalidInput(
                f.name("contentFormat"), f.name("contentFormat") + " is required (a JSON schema of type object)"));
        InvalidInput.require("object".equals(schema.get("type")), f.name("contentFormat"),
                f.name("contentFormat") + " must be a JSON schema of type object");
        return new ProtocolFunction(name, description.strip(), f.stringMap("headers"),
                HttpUrls.absolute(f, "callbackUrl"), schema);
    }
}

package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The model's call of the {@code remember} tool, checked: a fact kept for {@code textLifetime}, or a reminder kept
 * until a day after it is due. A bad call is answered to the model (which can correct it), never to the client.
 */
public sealed interface MemoryRequest {
    Duration REMINDER_GRACE = Duration.ofDays(1);

    record Accepted(String content, MemoryFormat format, Instant expiresAt) implements MemoryRequest {
        public Accepted {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    record Rejected(String message) implements MemoryRequest {
    }

    static MemoryRequest read(Map<String, Object> arguments, Instant now, Duration textLifetime) {
        if (!(arguments.get("content") instanceof String content) || content.isBlank()) {
            return new Rejected("content is required: what to remember, as one short sentence");
        }
        if (Characters.count(content) > Memory.MAX_CONTENT) {
            return new Rejected("content must be at most " + Memory.MAX_CONTENT + " characters");
        }
        Object rawFormat = arguments.getOrDefault("format", "Text");
        MemoryFormat format = MemoryFormat.parse(String.valueOf(rawFormat)).orElse(null);
        if (format == null) {
            return new Rejected("format must be Text or DateReminder");
        }
        if (format == MemoryFormat.TEXT) {
            return new Accepted(content.strip(), format, now.plus(textLifetime));
        }
        try {
            Instant due = Instant.parse(String.valueOf(arguments.get("date")));
            return due.isAfter(now) ? new Accepted(content.strip(), format, due.plus(REMINDER_GRACE))
                    : new Rejected("date must be in the future (it is now " + now + ")");
        } catch (DateTimeParseException e) {
            return new Rejected("a DateReminder needs date as an ISO-8601 instant, e.g. 2026-05-01T09:00:00Z");
        }
    }
}

package io.olyx.domain.rag;

import io.olyx.domain.common.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The browse {@code filter} string of the seed ("-t tag -n name"): {@code -t <tag>} keeps documents carrying the
 * tag (repeat it to require several), {@code -n <text>} documents whose name contains the text (case-insensitive),
 * {@code -r <reference>} documents with exactly that reference. Words without a flag also match the name, so a
 * plain "invoice 2024" works as a name search. Values with spaces go in double quotes.
 */
public record DocumentFilter(List<String> tags, Optional<String> nameContains, Optional<String> reference,
                             Optional<IndexState> state) {
    public static final DocumentFilter NONE = new DocumentFilter(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public DocumentFilter {
        tags = List.copyOf(tags);
        Objects.requireNonNull(nameContains, "nameContains");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
    }

    public static DocumentFilter parse(String filter, Optional<IndexState> state) {
        List<String> tags = new ArrayList<>();
        List<String> name = new ArrayList<>();
        Optional<String> reference = Optional.empty();
        List<String> tokens = tokens(filter == null ? "" : filter);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("-") || token.length() == 1) {
                name.add(token);
                continue;
            }
            InvalidInput.require(i + 1 < tokens.size(), "filter", "filter flag " + token + " needs a value");
            String value = tokens.get(++i);
            switch (token) {
                case "-t" -> tags.add(value);
                case "-n" -> name.add(value);
                case "-r" -> reference = Optional.of(value);
                default -> throw new InvalidInput("filter", "unknown filter flag " + token
                        + " (use -t tag, -n name or -r reference)");
            }
        }
        return new DocumentFilter(tags, name.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", name)),
                reference, state);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                started = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (started) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    started = false;
                }
            } else {
                current.append(c);
                started = true;
            }
        }
        if (started) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}

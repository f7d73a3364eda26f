package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the sandbox "model" calls a tool and with which arguments. A tool is called when the user's words
 * overlap its name (or at least two words of its description and parameters), or when the tool choice demands it.
 * Arguments follow the tool's JSON schema, filled from the prompt where something fits: quoted text, capitalised
 * names after "in/at/for/to/from", numbers, e-mail addresses, URLs, dates, enum values.
 */
final class SandboxToolCaller {
    private static final Pattern QUOTED =
            Pattern.compile("[\"“]([^\"”]{1,200})[\"”]|(?<!\\w)'([^']{1,200})'(?!\\w)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:in|at|for|to|from|near)\\s+((?:\\p{Lu}[\\p{L}'-]*)(?:\\s+\\p{Lu}[\\p{L}'-]*){0,3})");
    private static final Pattern PROPER = Pattern.compile("\\b\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,3}");
    private static final Set<String> PLACE_HINTS = Set.of("city", "location", "place", "country", "town", "region",
            "destination", "origin", "state", "area", "address");
    private static final Set<String> EMAIL_HINTS = Set.of("email", "mail", "recipient", "to", "from", "cc", "bcc",
            "sender");
    private static final Set<String> URL_HINTS = Set.of("url", "uri", "link", "website", "href");
    private static final Set<String> DATE_HINTS = Set.of("date", "day", "datetime");
    private static final Set<String> FREE_TEXT_HINTS = Set.of("query", "q", "text", "prompt", "input", "question",
            "message", "content", "search", "topic", "keywords", "term", "terms", "description", "body");

    Optional<ToolCall> decide(List<ToolDefinition> tools, ToolChoice choice, String userText, long seed) {
        if (tools.isEmpty() || choice instanceof ToolChoice.None) {
            return Optional.empty();
        }
        ToolDefinition best = null;
        int bestScore = 0;
        for (ToolDefinition tool : tools) {
            if (choice instanceof ToolChoice.Named named && !named.name().equals(tool.name())) {
                continue;
            }
            int score = score(tool, userText);
            if (best == null || score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        boolean forced = choice instanceof ToolChoice.Required || choice instanceof ToolChoice.Named;
        if (best == null || (!forced && bestScore < 2)) {
            return Optional.empty();
        }
        Map<String, Object> arguments = fill(best.parameters(), userText, new Cursor(userText), 0);
        String id = "call_" + Long.toHexString(Words.hash(best.name() + arguments + seed) & 0xffffffffffL);
        return Optional.of(ToolCall.of(id, best.name(), arguments));
    }

    /** Name words count double: asking about "weather" is a strong hint for get_weather. */
    static int score(ToolDefinition tool, String userText) {
        Set<String> asked = Words.content(userText);
        int score = 0;
        Set<String> nameWords = Words.content(tool.name());
        for (String word : nameWords) {
            if (asked.contains(word)) {
                score += 2;
            }
        }
        Set<String> described = Words.content(tool.description() + " " + propertyNames(tool.parameters()));
        described.removeAll(nameWords);
        for (String word : described) {
            if (asked.contains(word)) {
                score += 1;
            }
        }
        return score;
    }

    private static String propertyNames(Map<String, Object> schema) {
        return schema.get("properties") instanceof Map<?, ?> properties
                ? String.join(" ", properties.keySet().stream().map(String::valueOf).toList()) : "";
    }

    /** Values already handed out, so two string parameters do not both get the first quoted phrase. */
    private static final class Cursor {
        final Deque<String> quoted = new ArrayDeque<>();
        final Deque<String> numbers = new ArrayDeque<>();
        final Deque<String> places = new ArrayDeque<>();
        final Deque<String> propers = new ArrayDeque<>();
        final String quantities;

        Cursor(String text) {
            Matcher q = QUOTED.matcher(text);
            while (q.find()) {
                quoted.add(q.group(1) != null ? q.group(1) : q.group(2));
            }
            // numbers inside dates, addresses and links are not quantities
            quantities = URL.matcher(EMAIL.matcher(DATE.matcher(text).replaceAll(" ")).replaceAll(" "))
                    .replaceAll(" ");
            collect(NUMBER, quantities, numbers, 0);
            collect(PLACE, text, places, 1);
            Matcher p = PROPER.matcher(text);
            while (p.find()) {
                // a capital at the start of a sentence says nothing about names
                String before = text.substring(0, p.start()).stripTrailing();
                boolean sentenceStart = before.isEmpty() || ".!?:\n".indexOf(before.charAt(before.length() - 1)) >= 0;
                if (!sentenceStart && !Words.isStopWord(p.group().split("\\s+")[0])) {
                    propers.add(p.group());
                }
            }
        }

        private static void collect(Pattern pattern, String text, Deque<String> into, int group) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                into.add(m.group(group));
            }
        }
    }

    private Map<String, Object> fill(Map<String, Object> schema, String text, Cursor cursor, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (depth > 3 || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return out;
        }
        List<String> required = schema.get("required") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        List<String> order = new ArrayList<>(required);
        properties.keySet().forEach(k -> {
            if (!order.contains(String.valueOf(k))) {
                order.add(String.valueOf(k));
            }
        });
        for (String name : order) {
            if (!(properties.get(name) instanceof Map<?, ?> rawProperty)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> property = (Map<String, Object>) rawProperty;
            Optional<Object> value = value(name, property, text, cursor, depth, required.contains(name));
            value.ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    private Optional<Object> value(String name, Map<String, Object> property, String text, Cursor cursor, int depth,
                                   boolean required) {
        Object type = property.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().filter(t -> !"null".equals(t)).map(String::valueOf).findFirst().orElse("string");
        }
        if (property.get("enum") instanceof List<?> options && !options.isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Object option : options) {
                if (lower.contains(String.valueOf(option).toLowerCase(Locale.ROOT))) {
                    return Optional.of(option);
                }
            }
            return required ? Optional.of(options.get(0)) : Optional.empty();
        }
        return switch (type == null ? "string" : String.valueOf(type)) {
            case "integer", "number" -> {
                String number = numberNamed(name, cursor).orElseGet(cursor.numbers::poll);
                if (number == null) {
                    yield required ? Optional.of(property.get("minimum") instanceof Number n ? n : (Object) 1L)
                            : Optional.empty();
                }
                yield Optional.of("integer".equals(type) ? (Object) (long) Double.parseDouble(number)
                        : (Object) Double.parseDouble(number));
            }
            case "boolean" -> required ? Optional.of(Boolean.TRUE) : Optional.empty();
            case "array" -> {
                Object items = property.get("items");
                boolean strings = !(items instanceof Map<?, ?> i) || "string".equals(i.get("type"));
                Optional<String> one = strings ? text(name, text, cursor, required) : Optional.empty();

                yield one.isPresent() ? Optional.of(List.of(one.get()))
                        : required ? Optional.of(List.of()) : Optional.empty();
            }
            case "object" -> {
                Map<String, Object> nested = fill(property, text, cursor, depth + 1);
                yield nested.isEmpty() && !required ? Optional.empty() : Optional.of(nested);
            }
            default -> text(name + " " + property.getOrDefault("format", ""), text, cursor, required)
                    .map(s -> (Object) s);
        };
    }

    /** {@code name} is the property name plus the schema's format when it has one ("email", "uri", "date"). */
    private static Optional<String> text(String name, String text, Cursor cursor, boolean required) {
        Set<String> hints = Set.copyOf(Words.all(name));
        Optional<String> pattern = intersects(hints, EMAIL_HINTS) ? first(EMAIL, text)
                : intersects(hints, URL_HINTS) ? first(URL, text)
                : intersects(hints, DATE_HINTS) ? first(DATE, text) : Optional.empty();
        if (pattern.isPresent()) {
            return pattern;
        }
        if (!cursor.quoted.isEmpty()) {
            return Optional.of(cursor.quoted.poll());
        }
        if (intersects(hints, PLACE_HINTS)) {
            String place = cursor.places.isEmpty() ? cursor.propers.poll() : cursor.places.poll();
            if (place != null) {
                return Optional.of(place);
            }
        }
        if (intersects(hints, FREE_TEXT_HINTS)) {
            return Optional.of(Words.shorten(text, 200));
        }
        if (!cursor.propers.isEmpty()) {
            return Optional.of(cursor.propers.poll());
        }
        return required ? Optional.of(Words.shorten(text, 200)) : Optional.empty();
    }

    /** A number written next to the property's name: "2 passengers", "limit: 5", "top 3 results". */
    private static Optional<String> numberNamed(String name, Cursor cursor) {
        for (String word : Words.all(name)) {
            String stem = Pattern.quote(Words.stem(word));
            Matcher m = Pattern.compile("(?i)(-?\\d+(?:\\.\\d+)?)\\s+" + stem + "|\\b" + stem
                    + "\\w*\\s*(?:of|:|=|is)?\\s*(-?\\d+(?:\\.\\d+)?)").matcher(cursor.quantities);
            if (m.find()) {
                String number = m.group(1) != null ? m.group(1) : m.group(2);
                cursor.numbers.remove(number);
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}

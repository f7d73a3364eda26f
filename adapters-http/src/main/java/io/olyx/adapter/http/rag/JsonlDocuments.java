package io.olyx.adapter.http.rag;

import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.JsonBody;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSONL upload whole before anything is stored: one JSON object per line with {@code docId} and
 * {@code text}, optionally {@code __ref}, {@code __tags} and {@code __meta}; blank lines are skipped. The text comes
 * from {@link io.olyx.adapter.http.Uploads#jsonl}, already decoded and without a byte order mark. The first bad
 * line rejects the upload, naming its line number (400 for broken JSON, 422 for a wrong field or an out-of-range
 * number), so an upload is stored entirely or not at all. Lines are parsed like request bodies ({@link JsonBody#read}).
 */
final class JsonlDocuments {
    private JsonlDocuments() {
    }

    static List<DocumentInput> read(String jsonl) {
        List<DocumentInput> documents = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        List<String> lines = jsonl.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            DocumentInput document = document(line, number);
            Integer earlier = lineOfName.putIfAbsent(document.name(), number);
            if (earlier != null) {
                throw lineError(number, "docId \"" + document.name() + "\" already appears on line " + earlier);
            }
            documents.add(document);
        }
        if (documents.isEmpty()) {
            throw ApiError.invalid("The upload holds no documents: send one JSON object per line");
        }
        return documents;
    }

    private static DocumentInput document(String line, int number) {
        Object parsed;
        try {
            parsed = JsonBody.read(line, "Line " + number);
        } catch (ApiError e) {
            throw e.with("line", number);
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw lineError(number, "a line must be a JSON object");
        }
        try {
            return new DocumentInput(docId(fields.get("docId"), number), text(fields.get("text"), number),
                    optionalString(fields.get("__ref"), "__ref", number), tags(fields.get("__tags"), number),
                    meta(fields.get("__meta"), number));
        } catch (InvalidInput e) {
            throw lineError(number, e.getMessage());
        }
    }

    /**
     * A non-empty string, or a whole number taken as its decimal digits however it is written, as every whole number
     * in a body is (42, 42.0 and 4.2e1 are all "42").
     */
    private static String docId(Object value, int number) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        Optional<BigDecimal> whole = JsonValues.decimal(value).filter(JsonValues::isWholeNumber);
        if (whole.isPresent()) {
            return whole.get().toBigIntegerExact().toString();
        }
        throw lineError(number, "docId is required: a non-empty string or a whole number");
    }

    private static String text(Object value, int number) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw lineError(number, "text is required (a non-empty string)");
    }

    private static Optional<String> optionalString(Object value, String field, int number) {
        if (value == null || value instanceof String) {
            return Optional.ofNullable((String) value);
        }
        throw lineError(number, field + " must be a string or null");
    }

    /** An array of strings, or (like a collection's tags) one comma-separated string. */
    private static Optional<List<String>> tags(Object value, int number) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(Tags.split(s));
        }
        if (value instanceof List<?> list && list.stream().allMatch(t -> t instanceof String)) {
            return Optional.of(list.stream().map(String.class::cast).toList());
        }
        throw lineError(number, "__tags must be an array of strings or null");
    }

    @SuppressWarnings("unchecked")
    private static Optional<DocumentMetadata> meta(Object value, int number) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(RagJson.metadata((Map<String, Object>) map));
        }
        throw lineError(number, "__meta must be a JSON object or null");
    }

    private static ApiError lineError(int number, String problem) {
        return ApiError.invalid("Line " + number + ": " + problem).with("line", number);
    }
}

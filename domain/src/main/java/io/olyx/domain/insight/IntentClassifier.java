package io.olyx.domain.insight;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.JsonValues;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the task a trace performed, so insights can compare like with like. The client's own label wins: trace
 * metadata {@code intent}, else {@code task}, else {@code feature} (lower-cased, spaces to underscores). Without one,
 * a keyword classifier reads the first run step's input; the first matching family wins, in this order:
 * translation, summarization, classification, extraction, code, question_answering (a question), else general.
 */
public final class IntentClassifier {
    public static final String GENERAL = "general";
    private static final List<String> METADATA_KEYS = List.of("intent", "task", "feature");
    private static final int MAX_LENGTH = 64;
    private static final int MAX_TEXT = 4_000;
    private static final List<Family> FAMILIES = List.of(
            new Family("translation", "\\b(translat\\w*|traduc\\w*|traduire|übersetz\\w*|in (french|spanish|german|"
                    + "english|italian|portuguese|japanese|chinese))\\b"),
            new Family("summarization", "\\b(summar\\w*|tl;?dr|sum up|recap\\w*|condense\\w*|key points)\\b"),
            new Family("classification", "\\b(classif\\w*|categori[sz]\\w*|sentiment|label (this|the|each))\\b"),
            new Family("extraction", "\\b(extract\\w*|pull out|parse|entities|fields from)\\b"),
            new Family("code", "\\b(code|function|bug|stack ?trace|compile\\w*|regex|sql|python|java(script)?|"
                    + "refactor\\w*|unit tests?)\\b"),
            new Family("question_answering", "(\\?\\s*$|^\\s*(what|how|why|when|who|where|which)\\b)"));

    private record Family(String intent, Pattern pattern) {
        Family(String intent, String regex) {
            this(intent, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    private IntentClassifier() {
    }

    public static String classify(Map<String, Object> metadata, Object firstInput) {
        return labelled(metadata).orElseGet(() -> fromText(text(firstInput)));
    }

    public static Optional<String> labelled(Map<String, Object> metadata) {
        return METADATA_KEYS.stream().map(key -> JsonValues.string(metadata, key))
                .flatMap(Optional::stream).map(IntentClassifier::normalise).filter(s -> !s.isEmpty()).findFirst();
    }

    public static String fromText(String text) {
        String sample = Characters.truncate(text, MAX_TEXT);
        return FAMILIES.stream().filter(f -> f.pattern().matcher(sample).find()).map(Family::intent).findFirst()
                .orElse(GENERAL);
    }

    static String normalise(String label) {
        String s = label.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
        return Characters.truncate(s, MAX_LENGTH);
    }

    /** The user's words in a step input: a string, {input|prompt|content}, or the last user message of a list. */
    static String text(Object input) {
        if (input instanceof String s) {
            return s;
        }
        if (input instanceof Map<?, ?> map) {
            for (String key : List.of("input", "prompt", "content", "messages")) {
                if (map.containsKey(key)) {
                    return text(map.get(key));
                }
            }
            return "";
        }
        if (input instanceof List<?> list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i) instanceof Map<?, ?> message && !"assistant".equals(message.get("role"))
                        && !"system".equals(message.get("role")) && !"tool".equals(message.get("role"))) {
                    return text(message.get("content"));
                }
                if (list.get(i) instanceof String s) {
                    return s;
                }
            }
        }
        return "";
    }
}

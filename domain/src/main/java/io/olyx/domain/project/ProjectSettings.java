package io.olyx.domain.project;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonMergePatch;
import io.olyx.domain.common.JsonValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's settings: a free JSON object (clients may keep their own keys in it) of which Olyx reads the keys
 * below. Known keys are validated when set, so a typo in a value is a 422 rather than a silently ignored policy.
 * <ul>
 *   <li>{@code routing_tiers}: {simple, medium, complex, secure} → model identifiers (medium is optional)</li>
 *   <li>{@code telemetry_mode}: public | anonymized; {@code local_ref_required}: boolean</li>
 *   <li>{@code guardrails}: max_input_length, pii_threshold, injection_block, secret_action, block_threshold</li>
 *   <li>{@code rate_limit.requests_per_minute}, {@code loop_detection.{threshold, window_seconds}}</li>
 *   <li>{@code retention.{trace_days, payload_days}}</li>
 * </ul>
 */
public record ProjectSettings(Map<String, Object> values) {
    /**
     * The largest number a setting may hold. Counts, limits, windows and days are read as Java ints or longs; a
     * larger value would wrap around there (a loop threshold of 2^32 + 1 read as 1, a token reserve as negative).
     */
    public static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(Integer.MAX_VALUE);
    /**
     * The settings that are counts, read as Java ints or longs: a fraction would be cut off there (a chain depth
     * threshold of 1.5 judging as 1), so it is refused. Routing's long_prompt_chars and deep_conversation_turns are
     * refused by their own parser.
     */
    private static final Map<String, List<String>> WHOLE_NUMBERS = Map.of(
            "rate_limit", List.of("requests_per_minute"),
            "loop_detection", List.of("threshold", "window_seconds"),
            "budget", List.of("reserve_output_tokens"),
            "guardrails", List.of("max_input_length"),
            "grading", List.of("chain_depth_threshold"));
    public static final Set<String> TIERS = Set.of("simple", "medium", "complex", "secure");
    public static final Set<String> TELEMETRY_MODES = Set.of("public", "anonymized");
    public static final Set<String> SECRET_ACTIONS = Set.of("alert", "redact", "block");
    /** Sections whose keys are a fixed, documented set: any other key in them is a typo, refused when saved. */
    private static final Map<String, Set<String>> CLOSED_SECTIONS = Map.of(
            "guardrails", Set.of("max_input_length", "pii_threshold", "block_threshold", "injection_block",
                    "secret_action"),
            "grading", Set.of("step_target_ms", "step_slow_ms", "p99_alert_ms", "chain_depth_threshold",
                    "stall_alert_threshold"));
    /** The fewest repeats that can be a loop: one request is never repeated; 0 turns loop detection off. */
    public static final int MIN_LOOP_THRESHOLD = 2;

    public ProjectSettings {
        values = JsonValues.freezeObject(values == null ? Map.of() : values);
        validate(values);
    }

    public static ProjectSettings empty() {
        return new ProjectSettings(Map.of());
    }

    public ProjectSettings merge(Map<String, Object> patch) {
        return new ProjectSettings(JsonMergePatch.apply(values, patch));
    }

    public Optional<String> tierModel(String tier) {
        return section("routing_tiers").flatMap(t -> JsonValues.string(t, tier)).filter(s -> !s.isBlank());
    }

    public Map<String, Object> section(String name, Map<String, Object> fallback) {
        return section(name).orElse(fallback);
    }

    public Optional<Map<String, Object>> section(String name) {
        return JsonValues.object(values, name);
    }

    public String telemetryMode() {
        return JsonValues.string(values, "telemetry_mode").orElse("public");
    }

    public boolean anonymized() {
        return telemetryMode().equals("anonymized");
    }

    public boolean localRefRequired() {
        return JsonValues.bool(values, "local_ref_required").orElse(false);
    }

    public Optional<BigDecimal> number(String section, String key) {
        return section(section).flatMap(s -> JsonValues.number(s, key));
    }

    public Optional<Boolean> flag(String section, String key) {
        return section(section).flatMap(s -> JsonValues.bool(s, key));
    }

    public Optional<String> text(String section, String key) {
        return section(section).flatMap(s -> JsonValues.string(s, key));
    }

    private static void validate(Map<String, Object> values) {
        expectObject(values, "routing_tiers");
        JsonValues.object(values, "routing_tiers").ifPresent(tiers -> tiers.forEach((tier, model) -> {
            InvalidInput.require(TIERS.contains(tier), "settings.routing_tiers",
                    "routing_tiers keys must be simple, medium, complex or secure");
            InvalidInput.require(model == null || model instanceof String, "settings.routing_tiers." + tier,
                    "routing tier models must be model identifiers (strings)");
        }));
        Object mode = values.get("telemetry_mode");
        InvalidInput.require(mode == null || (mode instanceof String m && TELEMETRY_MODES.contains(m)),
                "settings.telemetry_mode", "telemetry_mode must be public or anonymized");
        Object localRef = values.get("local_ref_required");
        InvalidInput.require(localRef == null || localRef instanceof Boolean, "settings.local_ref_required",
                "local_ref_required must be a boolean");
        expectObject(values, "guardrails");
        JsonValues.object(values, "guardrails").ifPresent(ProjectSettings::validateGuardrails);
        for (String section : new String[] {"rate_limit", "loop_detection", "retention", "routing"}) {
            expectObject(values, section);
            JsonValues.object(values, section).ifPresent(s -> s.forEach((key, value) ->
                    InvalidInput.require(value == null || withinRange(value, 0), "settings." + section + "." + key,
                            section + "." + key + " must be a number from 0 to " + MAX_NUMBER)));
        }
        expectObject(values, "distribution");
        JsonValues.object(values, "distribution").map(d -> d.get("distribution_channel")).ifPresent(channel ->
                DistributionPolicy.validateChannel(channel, "settings.distribution.distribution_channel"));
        expectObject(values, "budget");
        JsonValues.object(values, "budget").ifPresent(budget -> {
            Object reserve = budget.get("reserve_output_tokens");
            InvalidInput.require(reserve == null || withinRange(reserve, 0), "settings.budget.reserve_output_tokens",
                    "reserve_output_tokens must be a number from 0 to " + MAX_NUMBER);
        });
        WHOLE_NUMBERS.forEach((name, keys) -> JsonValues.object(values, name)
                .ifPresent(section -> keys.forEach(key -> requireWholeNumber(section, name, key))));
    }

    /**
     * The checks made when settings are saved (project create and PATCH) on top of the constructor's: they came
     * later, so settings stored before them are still loaded and read leniently, but are refused when saved again.
     */
    public ProjectSettings checkedForSaving() {
        expectObject(values, "grading");
        CLOSED_SECTIONS.forEach((name, keys) -> JsonValues.object(values, name).ifPresent(section ->
                section.keySet().forEach(key -> InvalidInput.require(keys.contains(key), "settings." + name + "." + key,
                        name + "." + key + " is not a setting; " + name + " takes "
                                + String.join(", ", keys.stream().sorted().toList())))));
        JsonValues.object(values, "grading").ifPresent(grading -> grading.forEach((key, value) ->
                InvalidInput.require(value == null || JsonValues.isNumber(value), "settings.grading." + key,
                        "grading." + key + " must be a number")));
        expectObject(values, "routing_intents");
        JsonValues.object(values, "routing_intents").ifPresent(intents -> intents.forEach((intent, rule) ->
                InvalidInput.require(rule == null || (rule instanceof String r && !r.isBlank()),
                        "settings.routing_intents." + intent,
                        "routing_intents." + intent + " must be a tier or model identifier (a non-empty string)")));
        number("loop_detection", "threshold").ifPresent(threshold -> InvalidInput.require(threshold.signum() == 0
                        || threshold.compareTo(BigDecimal.valueOf(MIN_LOOP_THRESHOLD)) >= 0,
                "settings.loop_detection.threshold", "loop_detection.threshold must be 0 (off) or at least "
                        + MIN_LOOP_THRESHOLD));
        return this;
    }

    private static void requireWholeNumber(Map<String, Object> section, String name, String key) {
        Object value = section.get(key);
        InvalidInput.require(value == null || JsonValues.isWholeNumber(value), "settings." + name + "." + key,
                name + "." + key + " must be a whole number");
    }

    /** A number from {@code lowest} to {@link #MAX_NUMBER}. */
    private static boolean withinRange(Object value, int lowest) {
        return JsonValues.decimal(value).filter(d -> d.compareTo(BigDecimal.valueOf(lowest)) >= 0
                && d.compareTo(MAX_NUMBER) <= 0).isPresent();
    }

    private static void validateGuardrails(Map<String, Object> guardrails) {
        positiveNumber(guardrails, "max_input_length");
        unitInterval(guardrails, "pii_threshold");
        unitInterval(guardrails, "block_threshold");
        Object injectionBlock = guardrails.get("injection_block");
        InvalidInput.require(injectionBlock == null || injectionBlock instanceof Boolean,
                "settings.guardrails.injection_block", "injection_block must be a boolean");
        Object action = guardrails.get("secret_action");
        InvalidInput.require(action == null || (action instanceof String a && SECRET_ACTIONS.contains(a)),
                "settings.guardrails.secret_action", "secret_action must be alert, redact or block");
    }

    private static void expectObject(Map<String, Object> values, String key) {
        Object value = values.get(key);
        InvalidInput.require(value == null || value instanceof Map, "settings." + key, key + " must be an object");
    }

    private static void positiveNumber(Map<String, Object> section, String key) {
        Object value = section.get(key);
        InvalidInput.require(value == null || withinRange(value, 1), "settings.guardrails." + key,
                key + " must be a number from 1 to " + MAX_NUMBER);
    }

    private static void unitInterval(Map<String, Object> section, String key) {
        Object value = section.get(key);
        InvalidInput.require(value == null || JsonValues.decimal(value)
                        .filter(d -> d.signum() >= 0 && d.compareTo(BigDecimal.ONE) <= 0).isPresent(),
                "settings.guardrails." + key, key + " must be between 0 and 1");
    }
}

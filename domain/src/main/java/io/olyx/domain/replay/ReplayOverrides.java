package io.olyx.domain.replay;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.Money;
import io.olyx.domain.model.ModelDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The overrides of POST /api/v1/replay (seed 001, "Replay"), validated: force_model and compare_models are mutually
 * exclusive; compare_models lists 1–{@value #MAX_COMPARE_MODELS} distinct models; force_models lists
 * 1–{@value #MAX_FORCE_MODELS} models (order matters: they map onto the trace's fan-out steps in order); max_cost
 * is a USD amount from 0 to below 10^12, like every amount someone sets. Model identifiers must be well formed; whether they are registered is the use
 * case's check ({@link #referencedModels()}).
 */
public record ReplayOverrides(Optional<String> forceModel, List<String> compareModels, List<String> forceModels,
                              Optional<BigDecimal> maxCost) {
    public static final int MAX_COMPARE_MODELS = 10;
    public static final int MAX_FORCE_MODELS = 50;

    public ReplayOverrides {
        Objects.requireNonNull(forceModel, "forceModel");
        Objects.requireNonNull(maxCost, "maxCost");
        compareModels = List.copyOf(compareModels);
        forceModels = List.copyOf(forceModels);
        InvalidInput.require(forceModel.isEmpty() || compareModels.isEmpty(), "compare_models",
                "force_model and compare_models are mutually exclusive");
        forceModel.ifPresent(model -> identifier("force_model", model));
        InvalidInput.require(compareModels.size() <= MAX_COMPARE_MODELS, "compare_models",
                "compare_models may list at most " + MAX_COMPARE_MODELS + " models");
        compareModels.forEach(model -> identifier("compare_models", model));
        InvalidInput.require(new HashSet<>(compareModels).size() == compareModels.size(), "compare_models",
                "compare_models must not list a model twice");
        InvalidInput.require(forceModels.size() <= MAX_FORCE_MODELS, "force_models",
                "force_models may list at most " + MAX_FORCE_MODELS + " models");
        forceModels.forEach(model -> identifier("force_models", model));
        maxCost.ifPresent(cost -> {
            InvalidInput.require(cost.signum() >= 0, "max_cost", "max_cost must not be negative");
            // the bound of every amount someone sets; an unbounded one only made a huge cache key and stored row
            Money.requireBelowLimit(cost, "max_cost");
        });
    }

    public static ReplayOverrides none() {
        return new ReplayOverrides(Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    /**
     * Reads the overrides from the request body as parsed JSON (other members such as trace_id are ignored). A
     * member that is present but null counts as absent; an empty compare_models or force_models list is refused.
     */
    public static ReplayOverrides fromRequest(Map<String, Object> body) {
        Object force = body.get("force_model");
        InvalidInput.require(force == null || force instanceof String, "force_model", "force_model must be a string");
        Object maxCost = body.get("max_cost");
        Optional<BigDecimal> cost = JsonValues.decimal(maxCost);
        InvalidInput.require(maxCost == null || cost.isPresent(), "max_cost", "max_cost must be a number");
        return new ReplayOverrides(Optional.ofNullable((String) force), models(body, "compare_models"),
                models(body, "force_models"), cost);
    }

    private static List<String> models(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        InvalidInput.require(value instanceof List<?> list && !list.isEmpty(), field,
                field + " must be a non-empty array of model identifiers");
        List<String> models = new ArrayList<>();
        for (Object item : (List<?>) value) {
            InvalidInput.require(item instanceof String, field, field + " must contain model identifiers (strings)");
            models.add((String) item);
        }
        return models;
    }

    private static void identifier(String field, String model) {
        try {
            ModelDefinition.validateIdentifier(model);
        } catch (InvalidInput malformed) {
            throw new InvalidInput(field, field + " must contain model identifiers: \""
                    + Characters.abbreviate(model, 40) + "\" is not one");
        }
    }

    public ReplayMode mode() {
        if (forceModel.isPresent()) {
            return new ReplayMode.SingleModel(forceModel.get());
        }
        return compareModels.isEmpty() ? new ReplayMode.Rerun() : new ReplayMode.CompareModels(compareModels);
    }

    /** The overrides one run of a compare_models job uses: that model forced, the rest unchanged. */
    public ReplayOverrides forModel(String model) {
        return new ReplayOverrides(Optional.of(model), List.of(), forceModels, maxCost);
    }

    /** Every model the overrides name, once, in order of appearance. */
    public List<String> referencedModels() {
        List<String> all = new ArrayList<>();
        forceModel.ifPresent(all::add);
        all.addAll(compareModels);
        all.addAll(forceModels);
        return all.stream().distinct().toList();
    }

    /** max_cost: a step whose estimated cost exceeds it is skipped in the replay. */
    public boolean skips(BigDecimal estimatedStepCost) {
        return maxCost.filter(limit -> estimatedStepCost.compareTo(limit) > 0).isPresent();
    }

    /** The "overrides" object echoed in replay responses: only the members that were given. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        forceModel.ifPresent(model -> json.put("force_model", model));
        if (!compareModels.isEmpty()) {
            json.put("compare_models", compareModels);
        }
        if (!forceModels.isEmpty()) {
            json.put("force_models", forceModels);
        }
        maxCost.ifPresent(cost -> json.put("max_cost", cost));
        return JsonValues.freezeObject(json);
    }
}

package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.TokenEstimator;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.routing.RoutingInput;
import java.math.BigDecimal;
import java.util.List;

/**
 * POST /api/v1/simulate: what routing would do with an input, without calling a model or recording a step. The
 * estimated cost prices the prompt's tokens plus an equal number of completion tokens (at least 16, at most 1024),
 * on the primary model.
 */
public final class SimulateRouting {
    static final String SENSITIVE_WITHOUT_PRIVATE_MODEL =
            "PII detected — would require Secure tier, no private model configured";

    private final InputScreen inputScreen;
    private final RouteResolver routes;
    private final TokenEstimator tokens;

    public SimulateRouting(InputScreen inputScreen, RouteResolver routes, TokenEstimator tokens) {
        this.inputScreen = inputScreen;
        this.routes = routes;
        this.tokens = tokens;
    }

    public Simulation simulate(KeyCaller caller, String input) {
        GuardPolicy policy = GuardPolicies.of(caller.project().settings());
        Screening screening = inputScreen.screen(List.of(ChatMessage.user(input)), policy, false);
        if (screening.blocked()) {
            return new Simulation.Blocked(Screening.reasonText(screening.blockReason().get()));
        }
        Route route = routes.routed(caller.project(), RoutingInput.ofPrompt(input).withSensitive(screening.sensitive()));
        return switch (route) {
            case Route.Resolved resolved -> {
                long prompt = tokens.promptTokens(ChatRequest.ofUser(input));
                long completion = Math.max(16, Math.min(1024, prompt));
                ModelDefinition primary = resolved.primary();
                yield new Simulation.Resolved(resolved.tier().orElse(""), primary.identifier(),
                        primary.pricing().cost(prompt, completion),
                        resolved.path().stream().map(ModelDefinition::identifier).toList());
            }
            case Route.Blocked blocked -> new Simulation.Blocked(screening.sensitive()
                    ? SENSITIVE_WITHOUT_PRIVATE_MODEL : blocked.reason());
            case Route.Unconfigured unconfigured -> new Simulation.Unconfigured(unconfigured.tier(),
                    unconfigured.reason());
            case Route.UnknownModel unknown -> new Simulation.Unconfigured("", "Model \"" + unknown.identifier()
                    + "\" is not registered");
        };
    }

    public sealed interface Simulation {
        record Resolved(String tier, String model, BigDecimal estimatedCost, List<String> fallbackPath)
                implements Simulation {
        }

        record Blocked(String reason) implements Simulation {
        }

        record Unconfigured(String tier, String reason) implements Simulation {
        }
    }
}

package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.project.ProjectStatus;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.Tags;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every length limit on a caller's text counts emoji as one character: the limit in emoji passes, one more fails. */
class LengthLimitsTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");

    static String emoji(int n) {
        return "😀".repeat(n);
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                rule("project name", Project.MAX_NAME_LENGTH, n -> Project.validateName(emoji(n))),
                rule("project description", Project.MAX_DESCRIPTION_LENGTH, n -> new Project(new ProjectId(1), "p",
                        emoji(n), ProjectStatus.ACTIVE, ProjectSettings.empty(), NOW, NOW)),
                rule("key name", ApiKey.MAX_NAME_LENGTH, n -> ApiKey.validateName(emoji(n))),
                rule("account name", Account.MAX_NAME_LENGTH, n -> account(emoji(n), "")),
                rule("account email", 320, n -> account("a", emoji(n - 2) + "@x")),
                rule("model name", 200, n -> model(emoji(n), null, Optional.empty(), Map.of())),
                rule("model region_restriction", 64, n -> model("m", emoji(n), Optional.empty(), Map.of())),
                rule("model base_url", 2000, n -> model("m", null, Optional.of("https://x/" + emoji(n - 10)),
                        Map.of())),
                rule("model infrastructure", 64, n -> model("m", null, Optional.empty(),
                        Map.of("infrastructure", emoji(n)))),
                rule("metadata value", Trace.MAX_METADATA_VALUE_LENGTH,
                        n -> Trace.validateMetadata(Map.of("k", emoji(n)))),
                rule("local_ref", Trace.MAX_LOCAL_REF_LENGTH, n -> Trace.validateLocalRef(emoji(n))),
                rule("distribution_channel", DistributionPolicy.MAX_CHANNEL_LENGTH,
                        n -> DistributionPolicy.validateChannel(emoji(n), "distribution_channel")),
                rule("gateway name", Gateway.MAX_NAME, n -> Gateway.validName(emoji(n))),
                rule("memory user", Memory.MAX_USER_ID, n -> Memory.validUser(emoji(n))),
                rule("chat user", Memory.MAX_USER_ID, n -> Memory.validUser(emoji(n), "user")),
                rule("collection name", KnowledgeCollection.Details.MAX_NAME,
                        n -> new KnowledgeCollection.Details(emoji(n), Optional.empty(), List.of())),
                rule("collection context", KnowledgeCollection.Details.MAX_CONTEXT,
                        n -> new KnowledgeCollection.Details("c", Optional.of(emoji(n)), List.of())),
                rule("tag", Tags.MAX_LENGTH,
                        n -> new KnowledgeCollection.Details("c", Optional.empty(), List.of(emoji(n)))),
                rule("document name", DocumentInput.MAX_NAME, n -> new DocumentInput(emoji(n), "text",
                        Optional.empty(), Optional.empty(), Optional.empty())),
                rule("document reference", DocumentInput.MAX_REFERENCE, n -> new DocumentInput("d", "text",
                        Optional.of(emoji(n)), Optional.empty(), Optional.empty())),
                rule("attached JSON", JsonValues.MAX_ATTACHED_JSON_LENGTH,
                        n -> JsonValues.requireAttachedSize("output", JsonValues.jsonLength(emoji(n - 2)))));
    }

    private static Arguments rule(String name, int limit, IntConsumer check) {
        return Arguments.of(name, limit, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void theLimitInEmojiPassesAndOneMoreFails(String name, int limit, IntConsumer check) {
        assertThatCode(() -> check.accept(limit)).as(name).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.accept(limit + 1)).as(name).isInstanceOf(InvalidInput.class);
    }

    private static void account(String name, String email) {
        new Account(new AccountId(UUID.randomUUID()), name, email, Role.MEMBER, false, Map.of(), NOW);
    }

    private static void model(String name, String region, Optional<String> baseUrl, Map<String, Object> config) {
        new ModelDefinition(new ModelId(1), new ProjectId(1), name, "m", ProviderKind.OPENAI, baseUrl,
                Optional.empty(), true, Pricing.free(), 30, region, "USD", config, NOW, NOW);
    }
}

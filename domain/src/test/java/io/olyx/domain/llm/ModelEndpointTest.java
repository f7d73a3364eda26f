package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelEndpointTest {

    @Test
    void readsBedrockCredentialsFromTheApiKey() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.BEDROCK, "anthropic.claude-3-haiku")
                .withApiKey("AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

        assertThat(endpoint.awsCredentials()).contains(new AwsCredentials("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Optional.empty()));
    }

    @Test
    void readsASessionTokenAsTheThirdPartOfTheApiKey() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.BEDROCK, "m").withApiKey("AKID:SECRET:TOKEN/with+=");

        assertThat(endpoint.awsCredentials().orElseThrow().sessionToken()).contains("TOKEN/with+=");
    }

    @Test
    void combinesAnAccessKeyIdInConfigWithTheSecretAsApiKey() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.BEDROCK, "m")
                .withConfig(Map.of("access_key_id", "AKID", "session_token", "TOK", "region", "eu-west-1"))
                .withApiKey("SECRET");

        assertThat(endpoint.awsCredentials()).contains(new AwsCredentials("AKID", "SECRET", Optional.of("TOK")));
        assertThat(endpoint.awsRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void hasNoAwsCredentialsForAPlainBedrockApiKey() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.BEDROCK, "m").withApiKey("bedrock-api-key-abc");

        assertThat(endpoint.awsCredentials()).isEmpty();
        assertThat(endpoint.awsRegion()).isEqualTo("us-east-1");
    }

    @Test
    void neverPrintsSecrets() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.BEDROCK, "m").withApiKey("AKID:SUPERSECRET");

        assertThat(endpoint.toString()).doesNotContain("SUPERSECRET");
        assertThat(endpoint.awsCredentials().orElseThrow().toString()).doesNotContain("SUPERSECRET");
    }

    @Test
    void takesTimeoutsFromTheRegistryConfig() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.OPENAI, "gpt-4o", Optional.empty(), Optional.empty(),
                Map.of("connect_timeout_ms", 500, "request_timeout_ms", "2000"));

        assertThat(endpoint.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(endpoint.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(endpoint.streamIdleTimeout()).isEqualTo(ModelEndpoint.DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    @Test
    void defaultsTheAzureDeploymentToTheModel() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.AZURE, "gpt-4o");

        assertThat(endpoint.azureDeployment()).isEqualTo("gpt-4o");
        assertThat(endpoint.withConfig(Map.of("deployment", "prod-4o")).azureDeployment()).isEqualTo("prod-4o");
    }

    @Test
    void parsesProviderWireNames() {
        assertThat(ProviderKind.parse(" Anthropic ")).contains(ProviderKind.ANTHROPIC);
        assertThat(ProviderKind.parse("internal")).contains(ProviderKind.INTERNAL);
        assertThat(ProviderKind.parse("mistral")).isEmpty();
        assertThat(ProviderKind.BEDROCK.wire()).isEqualTo("bedrock");
    }
}

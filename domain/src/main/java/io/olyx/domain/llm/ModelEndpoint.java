package io.olyx.domain.llm;

import io.olyx.domain.common.JsonValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a provider adapter needs to call one registered model.
 *
 * <p>{@code model} is the name the provider knows (OpenAI model, Anthropic model, Gemini model, Bedrock model id or
 * ARN, the served model of an internal server; for Azure the deployment defaults to it). {@code baseUrl} overrides
 * the provider's public endpoint (required for {@link ProviderKind#INTERNAL} and Azure). {@code apiKey} is the
 * decrypted registry secret.
 *
 * <p>{@code config} is the registry's additional_config; the keys read here and by the adapters are:
 * <ul>
 *   <li>{@code deployment}, {@code api_version}: Azure deployment name (default: the model) and api-version
 *       (default {@value #DEFAULT_AZURE_API_VERSION})</li>
 *   <li>{@code region}: AWS region for Bedrock (default {@value #DEFAULT_AWS_REGION})</li>
 *   <li>{@code access_key_id}, {@code secret_access_key}, {@code session_token}: AWS credentials, see
 *       {@link #awsCredentials()}</li>
 *   <li>{@code anthropic_version}, {@code max_tokens}: Anthropic header value and default max_tokens</li>
 *   <li>{@code dimensions}: embedding size where the model lets it be chosen</li>
 *   <li>{@code connect_timeout_ms}, {@code request_timeout_ms}, {@code stream_idle_timeout_ms}: read by
 *       {@link #of(ProviderKind, String, Optional, Optional, Map)}</li>
 *   <li>{@code max_answer_bytes}: the most of one answer (a JSON body, or a whole stream) Olyx reads, see
 *       {@link #maxAnswerBytes()}</li>
 * </ul>
 *
 * <p>Timeouts: {@code connectTimeout} bounds establishing the connection, {@code requestTimeout} bounds a whole
 * non-streaming call and the wait for a stream's first byte, {@code streamIdleTimeout} bounds the silence between
 * two chunks of a stream.
 */
public record ModelEndpoint(ProviderKind kind, String model, Optional<String> baseUrl, Optional<String> apiKey,
                            Map<String, Object> config, Duration connectTimeout, Duration requestTimeout,
                            Duration streamIdleTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";
    public static final String DEFAULT_AWS_REGION = "us-east-1";
    /**
     * Far above any real answer (a large embeddings batch is about 125 MB of JSON), low enough that a provider that
     * never stops sending cannot take the gateway's memory.
     */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 256L * 1024 * 1024;
    /** The largest max_answer_bytes: a whole JSON answer is read into one Java array. */
    public static final long MAX_ANSWER_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    public ModelEndpoint {
        Objects.requireNonNull(kind, "kind");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model endpoint needs the provider's model name");
        }
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl.map(String::strip).filter(s -> !s.isEmpty());
        apiKey = apiKey == null ? Optional.empty() : apiKey.filter(s -> !s.isBlank());
        config = JsonValues.freezeObject(config == null ? Map.of() : config);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(streamIdleTimeout, "streamIdleTimeout");
    }

    /** An endpoint at the provider's public URL with no key and default timeouts. */
    public static ModelEndpoint of(ProviderKind kind, String model) {
        return of(kind, model, Optional.empty(), Optional.empty(), Map.of());
    }

    /** From a registry entry; timeouts come from the config keys named above when present. */
    public static ModelEndpoint of(ProviderKind kind, String model, Optional<String> baseUrl, Optional<String> apiKey,
                                   Map<String, Object> config) {
        Map<String, Object> cfg = config == null ? Map.of() : config;
        return new ModelEndpoint(kind, model, baseUrl, apiKey, cfg,
                millis(cfg, "connect_timeout_ms").orElse(DEFAULT_CONNECT_TIMEOUT),
                millis(cfg, "request_timeout_ms").orElse(DEFAULT_REQUEST_TIMEOUT),
                millis(cfg, "stream_idle_timeout_ms").orElse(DEFAULT_STREAM_IDLE_TIMEOUT));
    }

    public ModelEndpoint withBaseUrl(String url) {
        return new ModelEndpoint(kind, model, Optional.of(url), apiKey, config, connectTimeout, requestTimeout,
                streamIdleTimeout);
    }

    public ModelEndpoint withApiKey(String key) {
        return new ModelEndpoint(kind, model, baseUrl, Optional.of(key), config, connectTimeout, requestTimeout,
                streamIdleTimeout);
    }

    public ModelEndpoint withConfig(Map<String, Object> newConfig) {
        return new ModelEndpoint(kind, model, baseUrl, apiKey, newConfig, connectTimeout, requestTimeout,
                streamIdleTimeout);
    }

    public ModelEndpoint withTimeouts(Duration connect, Duration request, Duration streamIdle) {
        return new ModelEndpoint(kind, model, baseUrl, apiKey, config, connect, request, streamIdle);
    }

    /** A config value as text (numbers and booleans are rendered), empty when absent or blank. */
    public Optional<String> configText(String key) {
        Object value = config.get(key);
        if (value instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
        }
        if (value instanceof Boolean || JsonText.isNumber(value)) {
            return Optional.of(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
        return Optional.empty();
    }

    /** A whole-number config value however it is spelt (64, 64.0, 6.4e1); a numeric string is still read. */
    public Optional<Integer> configInt(String key) {
        Optional<BigDecimal> number = JsonValues.decimal(config.get(key));
        if (number.isPresent()) {
            return number.filter(n -> JsonValues.wholeNumberProblem(n, Integer.MIN_VALUE, Integer.MAX_VALUE).isEmpty())
                    .map(BigDecimal::intValueExact);
        }
        return configText(key).flatMap(ModelEndpoint::parseInt);
    }

    public String azureDeployment() {
        return configText("deployment").orElse(model);
    }

    public String azureApiVersion() {
        return configText("api_version").orElse(DEFAULT_AZURE_API_VERSION);
    }

    public String awsRegion() {
        return configText("region").orElse(DEFAULT_AWS_REGION);
    }

    /**
     * AWS credentials for Bedrock SigV4, from, in this order:
     * <ol>
     *   <li>the api_key as {@code ACCESS_KEY_ID:SECRET_ACCESS_KEY} or
     *       {@code ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN} (the registry encrypts api_key, so this is the
     *       place for secrets);</li>
     *   <li>config {@code access_key_id} with the secret as the whole api_key, or as config
     *       {@code secret_access_key} (e.g. filled by the operator's environment), plus optional
     *       {@code session_token}.</li>
     * </ol>
     * Empty otherwise; a Bedrock endpoint with an api_key but no credentials uses it as a Bedrock API key (Bearer).
     */
    public Optional<AwsCredentials> awsCredentials() {
        Optional<String> accessKeyId = configText("access_key_id");
        if (apiKey.isPresent() && apiKey.get().contains(":") && accessKeyId.isEmpty()) {
            String[] parts = apiKey.get().split(":", 3);
            if (parts[0].isBlank() || parts[1].isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new AwsCredentials(parts[0].strip(), parts[1].strip(),
                    parts.length == 3 ? Optional.of(parts[2].strip()) : Optional.empty()));
        }
        if (accessKeyId.isPresent()) {
            Optional<String> secret = apiKey.or(() -> configText("secret_access_key"));
            return secret.map(s -> new AwsCredentials(accessKeyId.get(), s, configText("session_token")));
        }
        return Optional.empty();
    }

    /** Never prints the api key or secrets from the config. */
    @Override
    public String toString() {
        return "ModelEndpoint[kind=" + kind + ", model=" + model + ", baseUrl=" + baseUrl.orElse("(default)")
                + ", apiKey=" + (apiKey.isPresent() ? "***" : "none") + ", configKeys=" + config.keySet()
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", streamIdleTimeout=" + streamIdleTimeout + "]";
    }

    /**
     * The most bytes of one answer Olyx reads before failing the call: {@code max_answer_bytes}, else the default;
     * never more than one Java array holds, since a whole JSON answer is read into one.
     */
    public long maxAnswerBytes() {
        return config.get("max_answer_bytes") instanceof Number n && n.longValue() > 0
                ? Math.min(n.longValue(), MAX_ANSWER_BYTES_LIMIT) : DEFAULT_MAX_ANSWER_BYTES;
    }

    private static Optional<Duration> millis(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value instanceof Number n && n.longValue() > 0) {
            return Optional.of(Duration.ofMillis(n.longValue()));
        }
        if (value instanceof String s) {
            return parseInt(s).filter(v -> v > 0).map(Duration::ofMillis);
        }
        return Optional.empty();
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

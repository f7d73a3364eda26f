/**
 * Model providers behind the {@link io.olyx.application.port.ModelProvider} port. {@link
 * io.olyx.adapter.providers.ProviderGateway} is the only class bootstrap needs; one sub-package per wire format
 * (openai, azure, anthropic, gemini, bedrock) plus the offline sandbox, with shared HTTP, SSE, timeout and
 * token-counting machinery in {@code support}.
 */
package io.olyx.adapter.providers;

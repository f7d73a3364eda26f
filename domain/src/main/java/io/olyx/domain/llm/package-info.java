/**
 * Model calls as values, independent of any provider's wire format: what to ask ({@link
 * io.olyx.domain.llm.ChatRequest}, tools normalised by {@link io.olyx.domain.llm.ToolNormalizer}), where to ask
 * ({@link io.olyx.domain.llm.ModelEndpoint}) and what came back ({@link io.olyx.domain.llm.ChatResult}, stream
 * events, embeddings, images, token usage).
 */
package io.olyx.domain.llm;

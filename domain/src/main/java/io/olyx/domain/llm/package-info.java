/**
 * Model calls as values, independent of any provider's wire format: what to ask ({@link
 * io.olyx.domain.llm.ChatRequest}, tools normalised by {@link io.olyx.domain.llm.ToolNormalizer}), where to ask
 * ({@link io.olyx.domain.llm.ModelEndpoint}) and what came back ({@link io.olyx.domain.llm.ChatResult}, stream
 * events, embeddings, images, token usage), and the JSON they carry as plain Java values ({@link
 * io.olyx.domain.llm.JsonText}, with one text per value in {@link io.olyx.domain.llm.CanonicalJson}).
 */
package io.olyx.domain.llm;

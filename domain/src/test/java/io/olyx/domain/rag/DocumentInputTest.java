package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentInputTest {
    @Test
    void aDocumentsMetadataIsBoundedLikeEveryOtherAttachedPayload() {
        assertThat(withMetadata(JsonValues.MAX_ATTACHED_JSON_LENGTH).metadata()).isPresent();
        assertThatThrownBy(() -> withMetadata(JsonValues.MAX_ATTACHED_JSON_LENGTH + 1))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("__meta")
                .hasMessageContaining(Integer.toString(JsonValues.MAX_ATTACHED_JSON_LENGTH));
    }

    /** A document whose metadata is {@code {"k":"xxx…"}} of exactly {@code length} characters. */
    private static DocumentInput withMetadata(int length) {
        String json = "{\"k\":\"" + "x".repeat(length - 8) + "\"}";
        return new DocumentInput("doc", "text", Optional.empty(), Optional.empty(),
                Optional.of(new DocumentMetadata(json)));
    }
}

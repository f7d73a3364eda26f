package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentFilterTest {
    @Test
    void flagsSelectTagsNameAndReference() {
        DocumentFilter f = DocumentFilter.parse("-t tag -n name -t \"two words\" -r kb-1", Optional.empty());
        assertThat(f.tags()).containsExactly("tag", "two words");
        assertThat(f.nameContains()).contains("name");
        assertThat(f.reference()).contains("kb-1");
    }

    @Test
    void wordsWithoutAFlagSearchTheName() {
        DocumentFilter f = DocumentFilter.parse("  invoice   2024 ", Optional.of(IndexState.QUEUED));
        assertThat(f.nameContains()).contains("invoice 2024");
        assertThat(f.tags()).isEmpty();
        assertThat(f.state()).contains(IndexState.QUEUED);
        assertThat(DocumentFilter.parse("", Optional.empty())).isEqualTo(DocumentFilter.NONE);
    }

    @Test
    void aFlagWithoutValueOrAnUnknownFlagIsRejected() {
        assertThatThrownBy(() -> DocumentFilter.parse("-t", Optional.empty())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> DocumentFilter.parse("-x y", Optional.empty())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("-x");
        assertThat(DocumentFilter.parse("a - b", Optional.empty()).nameContains()).contains("a - b");
        assertThat(DocumentFilter.parse("-t \"\"", Optional.empty()).tags()).isEqualTo(List.of(""));
    }
}

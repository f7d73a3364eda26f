package io.olyx.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyEmbedderTest {
    private static final EmbeddingModelSpec SPEC = new EmbeddingModelSpec("m", 2);

    @Test
    void theSpecIsKnownWithoutLoadingAndTheModelLoadsOnceOnFirstUse() {
        AtomicInteger loads = new AtomicInteger();
        LazyEmbedder embedder = new LazyEmbedder(SPEC, () -> {
            loads.incrementAndGet();
            return new FixedEmbedder();
        });
        assertThat(embedder.spec()).isEqualTo(SPEC);
        assertThat(loads).hasValue(0);
        assertThat(embedder.embedQuery("q")).containsExactly(1, 0);
        assertThat(embedder.embedDocuments(List.of("a", "b"))).hasSize(2);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadFailsEveryCallWithItsCause() {
        LazyEmbedder embedder = new LazyEmbedder(SPEC, () -> {
            throw new IllegalArgumentException("no model here");
        });
        assertThatThrownBy(() -> embedder.embedQuery("q")).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("no model here");
        assertThatThrownBy(() -> embedder.embedDocuments(List.of("a"))).hasRootCauseMessage("no model here");
        embedder.close();
    }

    private static final class FixedEmbedder implements Embedder {
        @Override
        public EmbeddingModelSpec spec() {
            return SPEC;
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            return texts.stream().map(t -> new float[] {1, 0}).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return new float[] {1, 0};
        }

        @Override
        public void close() {
        }
    }
}

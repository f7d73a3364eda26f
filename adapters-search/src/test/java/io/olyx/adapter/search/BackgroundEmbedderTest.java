package io.olyx.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BackgroundEmbedderTest {
    private static final EmbeddingModelSpec SPEC = new EmbeddingModelSpec("m", 2);

    @Test
    void theSpecIsKnownBeforeTheModelHasLoadedAndCallsWaitForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundEmbedder embedder = new BackgroundEmbedder(SPEC, () -> {
            await(release);
            return new FixedEmbedder();
        });
        assertThat(embedder.spec()).isEqualTo(SPEC);
        release.countDown();
        assertThat(embedder.embedQuery("q")).containsExactly(1, 0);
        assertThat(embedder.embedDocuments(List.of("a", "b"))).hasSize(2);
    }

    @Test
    void aFailedLoadFailsEveryCallWithItsCause() {
        BackgroundEmbedder embedder = new BackgroundEmbedder(SPEC, () -> {
            throw new IllegalArgumentException("no model here");
        });
        assertThatThrownBy(() -> embedder.embedQuery("q")).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("no model here");
        embedder.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

package io.olyx.adapter.persistence;

import io.olyx.application.port.ReplayStore;
import io.olyx.domain.insight.ReplayEvidence;
import io.olyx.domain.replay.ComparisonSide;
import io.olyx.domain.replay.ReplayComparison;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A replay's result as a JSON document: the comparison's two shapes under one record, tagged by {@code mode}. */
final class ReplayResultCodec {
    private static final String SINGLE = "single";
    private static final String MULTI = "multi";

    private final JsonCodec json;

    ReplayResultCodec(JsonCodec json) {
        this.json = json;
    }

    record Document(String mode, ComparisonSide source, Optional<ComparisonSide> replay,
                    List<ReplayComparison.ModelReplay> replays, Map<String, Long> skippedSteps,
                    List<ReplayEvidence> evidence) {
    }

    String write(ReplayStore.Result result) {
        Document doc = switch (result.comparison()) {
            case ReplayComparison.Single single -> new Document(SINGLE, single.source(),
                    Optional.of(single.replay()), List.of(), result.skippedSteps(), result.evidence());
            case ReplayComparison.Multi multi -> new Document(MULTI, multi.source(), Optional.empty(),
                    multi.replays(), result.skippedSteps(), result.evidence());
        };
        return json.write(doc);
    }

    ReplayStore.Result read(String text) {
        Document doc = json.read(text, Document.class);
        ReplayComparison comparison = SINGLE.equals(doc.mode())
                ? new ReplayComparison.Single(doc.source(), doc.replay().orElseThrow())
                : new ReplayComparison.Multi(doc.source(), doc.replays());
        return new ReplayStore.Result(comparison, doc.skippedSteps(), doc.evidence());
    }

    List<ReplayEvidence> evidence(String text) {
        return json.read(text, Document.class).evidence();
    }
}

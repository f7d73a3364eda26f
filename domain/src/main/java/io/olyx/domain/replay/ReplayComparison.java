package io.olyx.domain.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "comparison" of a completed replay: the source beside one replay (force_model, or a plain re-run), or beside
 * one replay per compared model, in the order compare_models listed them.
 */
public sealed interface ReplayComparison {
    ComparisonSide source();

    record Single(ComparisonSide source, ComparisonSide replay) implements ReplayComparison {
        public Single {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(replay, "replay");
        }
    }

    record Multi(ComparisonSide source, List<ModelReplay> replays) implements ReplayComparison {
        public Multi {
            Objects.requireNonNull(source, "source");
            replays = List.copyOf(replays);
        }
    }

    record ModelReplay(String model, ComparisonSide result) {
        public ModelReplay {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Assembles the comparison the request's mode calls for from the replays the job ran, keyed by model (for
     * force_model or a re-run, the one replay under any key).
     *
     * @throws IllegalArgumentException when a replay the mode needs is missing
     */
    static ReplayComparison of(ReplayMode mode, ComparisonSide source, Map<String, ComparisonSide> replaysByModel) {
        return switch (mode) {
            case ReplayMode.Rerun rerun -> new Single(source, only(replaysByModel));
            case ReplayMode.SingleModel single -> new Single(source, replaysByModel.containsKey(single.model())
                    ? replaysByModel.get(single.model()) : only(replaysByModel));
            case ReplayMode.CompareModels compare -> {
                List<ModelReplay> replays = new ArrayList<>();
                for (String model : compare.models()) {
                    ComparisonSide result = replaysByModel.get(model);
                    if (result == null) {
                        throw new IllegalArgumentException("no replay result for " + model);
                    }
                    replays.add(new ModelReplay(model, result));
                }
                yield new Multi(source, replays);
            }
        };
    }

    private static ComparisonSide only(Map<String, ComparisonSide> replays) {
        if (replays.size() != 1) {
            throw new IllegalArgumentException("a single comparison needs exactly one replay, got " + replays.size());
        }
        return replays.values().iterator().next();
    }
}

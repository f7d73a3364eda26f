package io.olyx.domain.replay;

import java.util.List;
import java.util.Objects;

/** Which override set a replay request chose; the comparison's shape follows it. */
public sealed interface ReplayMode {
    /** Re-run the trace on its own models (single comparison). */
    record Rerun() implements ReplayMode {
    }

    /** force_model: every run step on one model (single comparison). */
    record SingleModel(String model) implements ReplayMode {
        public SingleModel {
            Objects.requireNonNull(model, "model");
        }
    }

    /** compare_models: one replay per model (multi comparison, in the requested order). */
    record CompareModels(List<String> models) implements ReplayMode {
        public CompareModels {
            models = List.copyOf(models);
        }
    }
}

package io.olyx.bench.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One prompt of the routing data with whether the weak and the strong model answered it correctly. */
record RoutingCase(long id, String source, String prompt, boolean weakCorrect, boolean strongCorrect) {

    RoutingCase {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** What sending this prompt to the strong model instead of the weak one changes: -1, 0 or +1 correct. */
    int strongGain() {
        return (strongCorrect ? 1 : 0) - (weakCorrect ? 1 : 0);
    }

    boolean correctWhenRouted(boolean toStrong) {
        return toStrong ? strongCorrect : weakCorrect;
    }

    static List<RoutingCase> load(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RoutingCase> cases = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                cases.add(new RoutingCase(
                        row.required("id").asLong(),
                        row.path("source").asText(""),
                        row.required("prompt").asText(),
                        row.required("weak_correct").asBoolean(),
                        row.required("strong_correct").asBoolean()));
            }
        }
        return cases;
    }
}

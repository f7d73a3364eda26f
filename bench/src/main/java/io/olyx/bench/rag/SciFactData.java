package io.olyx.bench.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The BEIR SciFact test split: corpus, queries and binary relevance judgements. */
record SciFactData(List<Doc> corpus, List<Query> queries, Map<String, Set<String>> qrels) {

    record Doc(String id, String title, String text) {
    }

    record Query(String id, String text) {
    }

    /** The BEIR SciFact copy beside a checkout of this repository; {@code -Dolyx.scifact=DIR} points elsewhere. */
    static final Path DEFAULT_DIR = Path.of(System.getProperty("olyx.scifact", "../shared/data/scifact"));

    static SciFactData load(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Doc> corpus = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                corpus.add(new Doc(n.get("_id").asText(), n.get("title").asText(), n.get("text").asText()));
            }
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("queries.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                queries.add(new Query(n.get("_id").asText(), n.get("text").asText()));
            }
        }
        Map<String, Set<String>> qrels = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("qrels.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 3 && Integer.parseInt(f[2].trim()) > 0) {
                qrels.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
            }
        }
        return new SciFactData(corpus, queries, qrels);
    }
}

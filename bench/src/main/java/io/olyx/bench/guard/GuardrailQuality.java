package io.olyx.bench.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.domain.guard.EntityLexicon;
import io.olyx.domain.guard.Guardrails;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quality harness for the guardrails on /work/shared/data/guardrails (or the directory given as first
 * argument; default ../shared/data/guardrails relative to the repository root). Flags: --lexicon=builtin|datafaker,
 * --only=pii|injection|secrets, --verbose (print every error).
 */
public final class GuardrailQuality {

    private GuardrailQuality() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("../shared/data/guardrails");
        String lexiconName = "builtin";
        String only = "all";
        boolean verbose = false;
        for (String a : args) {
            if (a.startsWith("--lexicon=")) {
                lexiconName = a.substring("--lexicon=".length());
            } else if (a.startsWith("--only=")) {
                only = a.substring("--only=".length());
            } else if (a.equals("--verbose")) {
                verbose = true;
            } else {
                dir = Path.of(a);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EntityLexicon lexicon = Lexicons.byName(lexiconName);
        Guardrails guard = new Guardrails(lexicon);
        out.printf("Olyx guardrail quality on %s (lexicon %s)%n%n", dir.toAbsolutePath().normalize(), lexiconName);
        List<JsonNode> benign = read(dir.resolve("benign-dev.jsonl"));
        if (only.equals("all") || only.equals("pii")) {
            PiiQuality.run(read(dir.resolve("pii-dev.jsonl")), benign, guard, out, verbose);
            out.println();
        }
        if (only.equals("all") || only.equals("injection")) {
            InjectionQuality.run(read(dir.resolve("injection-dev.jsonl")), benign, guard, out, verbose);
            out.println();
        }
        if (only.equals("all") || only.equals("secrets")) {
            SecretQuality.run(read(dir.resolve("secrets-dev.jsonl")), benign, guard, out, verbose);
            out.println();
        }
    }

    static List<JsonNode> read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(mapper.readTree(line));
            }
        }
        return out;
    }
}

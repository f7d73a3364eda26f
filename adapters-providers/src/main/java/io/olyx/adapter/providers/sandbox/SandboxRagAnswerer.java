package io.olyx.adapter.providers.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers retrieval-augmented prompts extractively. A prompt counts as one when it holds numbered passages, each
 * starting a line with {@code [n]} (also {@code Passage n:}, {@code Source n:}, {@code Document n:}); a passage
 * runs until the next marker or a blank line. The answer is the passage sentences sharing the most words with the
 * question, each cited like [n].
 */
final class SandboxRagAnswerer {
    private static final Pattern MARKER = Pattern.compile(
            "(?m)^[ \\t]*(?:\\[(\\d{1,3})\\]|(?:Passage|Source|Document|Context)\\s+(\\d{1,3})\\s*[:.)\\]-])[ \\t]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"“(\\[])");
    private static final Pattern QUESTION_LINE = Pattern.compile("(?im)^[ \\t]*(?:question|query|q)\\s*:\\s*(.+)$");
    private static final Set<String> INSTRUCTION_WORDS = Set.of("answer", "question", "passage", "context",
            "source", "document", "cite", "citation", "based", "following", "provided", "only", "inform",
            "sentence", "numbered", "respond", "reply", "given", "below", "above", "bracket");
    private static final Pattern NUMBER_QUESTION = Pattern.compile(
            "(?i)\\b(when|what year|which year|how many|how much|how long|how old|what date)\\b");
    private static final Pattern DIGITS = Pattern.compile("\\d");
    private static final int MAX_SENTENCES = 2;

    record Passage(int number, String text) {
    }

    private record Scored(int passage, String sentence, double score, int order) {
    }

    static List<Passage> passages(String text) {
        List<Passage> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            int number = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            marks.add(new int[] {number, m.start(), m.end()});
        }
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[1] : text.length();
            String body = text.substring(marks.get(i)[2], end);
            int blank = body.indexOf("\n\n");
            if (blank < 0) {
                blank = body.indexOf("\n\r\n");
            }
            String passage = (blank >= 0 ? body.substring(0, blank) : body).strip();
            if (!passage.isEmpty()) {
                out.add(new Passage(marks.get(i)[0], passage));
            }
        }
        return out;
    }

    /** The question: an explicit "Question:" line, else the prompt with the passages taken out. */
    static String question(String prompt, String lastUser) {
        Matcher explicit = QUESTION_LINE.matcher(lastUser);
        String last = null;
        while (explicit.find()) {
            last = explicit.group(1);
        }
        if (last != null) {
            return last;
        }
        String withoutPassages = lastUser;
        for (Passage passage : passages(lastUser)) {
            withoutPassages = withoutPassages.replace(passage.text(), " ");
        }
        String remaining = MARKER.matcher(withoutPassages).replaceAll(" ").strip();
        return remaining.isEmpty() ? prompt : remaining;
    }

    Optional<String> answer(String allText, String lastUser) {
        List<Passage> passages = passages(allText);
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        String question = question(allText, lastUser);
        Set<String> asked = Words.content(question);
        asked.removeIf(INSTRUCTION_WORDS::contains);
        boolean wantsNumber = NUMBER_QUESTION.matcher(question).find();
        List<List<String>> sentencesByPassage = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        int sentenceCount = 0;
        for (Passage passage : passages) {
            List<String> sentences = List.of(SENTENCE_END.split(passage.text().replaceAll("\\s+", " ")));
            sentencesByPassage.add(sentences);
            for (String sentence : sentences) {
                Words.content(sentence).forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
                sentenceCount++;
            }
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (int p = 0; p < passages.size(); p++) {
            Set<String> passageWords = Words.content(passages.get(p).text());
            for (String sentence : sentencesByPassage.get(p)) {
                Set<String> words = Words.content(sentence);
                double own = 0;
                double context = 0;
                for (String word : asked) {
                    double idf = Math.log(1 + (double) sentenceCount / (1 + documentFrequency.getOrDefault(word, 0)));
                    if (words.contains(word)) {
                        own += idf;
                    } else if (passageWords.contains(word)) {
                        // a sentence like "It was completed in 1889" answers through its passage's subject
                        context += idf / 2;
                    }
                }
                if (own > 0) {
                    double cue = wantsNumber && DIGITS.matcher(sentence).find() ? 0.5 : 0;
                    double score = own + context + cue - 0.01 * words.size();
                    scored.add(new Scored(passages.get(p).number(), sentence.strip(), score, order));
                }
                order++;
            }
        }
        if (scored.isEmpty()) {
            return Optional.of("[sandbox] The provided passages do not answer this question.");
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
        double best = scored.get(0).score();
        List<Scored> chosen = new ArrayList<>();
        for (Scored s : scored) {
            if (chosen.size() < MAX_SENTENCES && s.score() >= best / 2) {
                chosen.add(s);
            }
        }
        chosen.sort(Comparator.comparingInt(Scored::order));
        StringBuilder answer = new StringBuilder("[sandbox]");
        for (Scored s : chosen) {
            answer.append(' ').append(s.sentence()).append(" [").append(s.passage()).append(']');
        }
        return Optional.of(answer.toString());
    }
}

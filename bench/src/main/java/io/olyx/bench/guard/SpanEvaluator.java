package io.olyx.bench.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java port of presidio-research's SpanEvaluator (char-based IoU, default iou 0.75) close enough to compare
 * figures: texts are tokenised (spaCy-like: words, single punctuation marks, whitespace runs other than a
 * single space), each token is tagged with the type of the span it starts in, consecutive equal tags form
 * spans, spans of one type separated only by skip words merge, skip words are dropped from the normalised
 * span extent, and each gold span is matched greedily by the union of overlapping predictions (any type for
 * the PII-vs-O level, the same type for the per-type level).
 */
final class SpanEvaluator {

    record Span(String type, int start, int end) {
    }

    private record ESpan(String type, int tokStart, int tokEnd, int start, int end, int nStart, int nEnd) {
    }

    static final class Counts {
        int annotated;
        int predicted;
        int truePositives;
        int falsePositives;

        double precision() {
            return predicted == 0 ? 0 : (double) (predicted - falsePositives) / predicted;
        }

        double recall() {
            return annotated == 0 ? 0 : (double) truePositives / annotated;
        }

        double f(double beta) {
            double p = precision();
            double r = recall();
            double b2 = beta * beta;
            return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(?:mr|mrs|ms|dr|st|apt|jr|sr|inc|ltd|p\\.o)\\.|[\\p{L}\\p{N}_]+(?:['’][\\p{L}]+)?|[^\\p{L}\\p{N}_\\s]|\\s+");

    private final double iouThreshold;
    private final Set<String> skipWords;
    final Counts global = new Counts();
    final Map<String, Counts> perType = new TreeMap<>();
    final List<String> errors = new ArrayList<>();

    SpanEvaluator(double iouThreshold) {
        this.iouThreshold = iouThreshold;
        this.skipWords = SkipWords.get();
    }

    private record Tok(String text, int start, int end) {
    }

    void add(String text, List<Span> gold, List<Span> predicted) {
        List<Tok> toks = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (!m.group().equals(" ")) {
                toks.add(new Tok(m.group(), m.start(), m.end()));
            }
        }
        List<ESpan> ann = merge(spans(toks, gold), toks);
        List<ESpan> pred = merge(spans(toks, predicted), toks);
        global.annotated += ann.size();
        for (ESpan a : ann) {
            counts(a.type).annotated++;
        }
        for (ESpan p : pred) {
            counts(p.type).predicted++;
        }
        Set<ESpan> matchedGlobal = new HashSet<>();
        Set<ESpan> matchedType = new HashSet<>();
        for (ESpan a : ann) {
            List<ESpan> overlapping = new ArrayList<>();
            for (ESpan p : pred) {
                if (!matchedGlobal.contains(p) && iou(a, p) > 0) {
                    overlapping.add(p);
                }
            }
            overlapping.sort((x, y) -> Integer.compare(x.start, y.start));
            List<ESpan> useG = greedy(a, overlapping);
            double iouG = combined(a, useG);
            List<ESpan> sameType = new ArrayList<>();
            for (ESpan p : pred) {
                if (p.type.equals(a.type) && !matchedType.contains(p) && iou(a, p) > 0) {
                    sameType.add(p);
                }
            }
            sameType.sort((x, y) -> Integer.compare(x.start, y.start));
            List<ESpan> useT = greedy(a, sameType);
            if (iouG >= iouThreshold && !useG.isEmpty()) {
                global.truePositives++;
                global.predicted++;
                matchedGlobal.addAll(useG);
            } else {
                errors.add("FN " + a.type + " '" + text.substring(a.start, a.end).replace("\n", "\\n") + "' in: "
                        + text.replace("\n", "\\n"));
            }
            if (combined(a, useT) >= iouThreshold && !useT.isEmpty()) {
                counts(a.type).truePositives++;
                matchedType.addAll(useT);
            }
        }
        for (ESpan p : pred) {
            if (!matchedGlobal.contains(p)) {
                global.predicted++;
                global.falsePositives++;
                errors.add("FP " + p.type + " '" + text.substring(p.start, p.end).replace("\n", "\\n") + "' in: "
                        + text.replace("\n", "\\n"));
            }
            if (!matchedType.contains(p)) {
                counts(p.type).falsePositives++;
            }
        }
    }

    private Counts counts(String type) {
        return perType.computeIfAbsent(type, k -> new Counts());
    }

    private List<ESpan> greedy(ESpan a, List<ESpan> candidates) {
        List<ESpan> use = new ArrayList<>();
        double best = 0;
        for (ESpan p : candidates) {
            use.add(p);
            double v = combined(a, use);
            if (v > best) {
                best = v;
            } else {
                use.remove(use.size() - 1);
            }
        }
        return use;
    }

    /** presidio-research's _calculate_combined_iou over normalised char indices, quirks included. */
    private static double combined(ESpan a, List<ESpan> preds) {
        if (preds.isEmpty()) {
            return 0;
        }
        Set<Integer> ann = new HashSet<>();
        for (int i = a.nStart; i <= a.nEnd; i++) {
            ann.add(i);
        }
        Set<Integer> pr = new HashSet<>();
        for (int k = 0; k < preds.size(); k++) {
            ESpan p = preds.get(k);
            int from = k == 0 ? p.nStart : p.nStart - 1;
            int to = k == 0 ? p.nEnd + 1 : p.nEnd;
            for (int i = from; i < to; i++) {
                pr.add(i);
            }
        }
        Set<Integer> inter = new HashSet<>(ann);
        inter.retainAll(pr);
        Set<Integer> union = new HashSet<>(ann);
        union.addAll(pr);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }

    private static double iou(ESpan a, ESpan b) {
        int inter = Math.max(0, Math.min(a.nEnd, b.nEnd) - Math.max(a.nStart, b.nStart));
        int union = Math.max(a.nEnd, b.nEnd) - Math.min(a.nStart, b.nStart);
        return union <= 0 ? 0 : (double) inter / union;
    }

    private List<ESpan> spans(List<Tok> toks, List<Span> marked) {
        String[] tags = new String[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            tags[i] = "O";
            Tok t = toks.get(i);
            for (Span s : marked) {
                if (t.start >= s.start() && t.start < s.end()) {
                    tags[i] = s.type();
                    break;
                }
            }
        }
        List<ESpan> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            if (tags[i].equals("O")) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < toks.size() && tags[j + 1].equals(tags[i])) {
                j++;
            }
            int ns = Integer.MAX_VALUE;
            int ne = -1;
            for (int k = i; k <= j; k++) {
                Tok t = toks.get(k);
                if (!skipWords.contains(t.text.toLowerCase().strip()) && !t.text.isBlank()) {
                    ns = Math.min(ns, t.start);
                    ne = Math.max(ne, t.end);
                }
            }
            if (ne >= 0) {
                out.add(new ESpan(tags[i], i, j + 1, toks.get(i).start, toks.get(j).end, ns, ne));
            }
            i = j + 1;
        }
        return out;
    }

    private List<ESpan> merge(List<ESpan> spans, List<Tok> toks) {
        List<ESpan> out = new ArrayList<>();
        ESpan cur = null;
        for (ESpan s : spans) {
            if (cur != null && cur.type.equals(s.type) && onlySkipBetween(toks, cur.tokEnd, s.tokStart)) {
                cur = new ESpan(cur.type, cur.tokStart, s.tokEnd, cur.start, s.end, Math.min(cur.nStart, s.nStart),
                        Math.max(cur.nEnd, s.nEnd));
            } else {
                if (cur != null) {
                    out.add(cur);
                }
                cur = s;
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }

    private boolean onlySkipBetween(List<Tok> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            String t = toks.get(k).text.toLowerCase().strip();
            if (!skipWords.contains(t)) {
                return false;
            }
        }
        return true;
    }

    Map<String, Counts> perTypeView() {
        return new LinkedHashMap<>(perType);
    }
}

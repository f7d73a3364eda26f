package io.olyx.domain.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cue words and phrases, matched in one pass with a character trie over lower-cased text whose whitespace runs
 * are collapsed to one space. An entry ending in {@code *} matches as a prefix ({@code negligen*} matches
 * "negligent" and "negligence"); any other entry must end at a word boundary. At each word start the longest
 * entry wins. Immutable once built.
 */
final class Lexicon {

    static final Lexicon STANDARD = build(vocabulary());

    // The trie, flattened breadth-first so that a node's children sit side by side: node k's children are
    // nodes first[k] .. first[k] + count[k] - 1, sorted by their character keys[child].
    private final char[] keys;
    private final int[] first;
    private final int[] count;
    private final int[] masks;
    private final boolean[] prefix;
    // Nodes two characters deep, by a lower-case ASCII letter and an ASCII character (-1 where none): most words
    // start so, and most are rejected by this one look-up. Entries are at least two characters long.
    private final int[] asciiPairs;

    private Lexicon(char[] keys, int[] first, int[] count, int[] masks, boolean[] prefix) {
        this.keys = keys;
        this.first = first;
        this.count = count;
        this.masks = masks;
        this.prefix = prefix;
        this.asciiPairs = new int[26 * 128];
        Arrays.fill(asciiPairs, -1);
        for (char a = 'a'; a <= 'z'; a++) {
            int node = child(0, a);
            for (char b = 0; b < 128 && node >= 0; b++) {
                asciiPairs[(a - 'a') * 128 + b] = child(node, b);
            }
        }
    }

    /**
     * The cue mask of the longest entry starting at {@code start} in {@code text} (lower case, single spaces), or
     * 0. {@code end[0]} receives the index just past the match.
     */
    int longestMatch(char[] text, int length, int start, int[] end) {
        if (start + 1 >= length) {
            return 0;
        }
        char a = text[start];
        char b = text[start + 1];
        int node = a >= 'a' && a <= 'z' && b < 128 ? asciiPairs[(a - 'a') * 128 + b] : child(child(0, a), b);
        int best = 0;
        for (int i = start + 1; i < length; i++) {
            if (i > start + 1) {
                node = child(node, text[i]);
            }
            if (node < 0) {
                break;
            }
            if (masks[node] != 0 && (prefix[node] || i + 1 == length || !Chars.isWordChar(text[i + 1]))) {
                best = masks[node];
                end[0] = i + 1;
            }
        }
        return best;
    }

    private int child(int node, char c) {
        if (node < 0) {
            return -1;
        }
        int from = first[node];
        int to = from + count[node];
        if (to - from <= 8) {
            for (int k = from; k < to; k++) {
                if (keys[k] == c) {
                    return k;
                }
            }
            return -1;
        }
        int k = Arrays.binarySearch(keys, from, to, c);
        return k >= 0 ? k : -1;
    }

    static Lexicon build(Map<Cue, String> vocabulary) {
        Map<String, Integer> masks = new TreeMap<>();
        vocabulary.forEach((cue, entries) -> {
            for (String entry : entries.split(",")) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    masks.merge(trimmed, cue.bit(), (a, b) -> a | b);
                }
            }
        });
        Builder root = new Builder();
        masks.forEach((entry, mask) -> root.add(entry, mask));
        return root.flatten();
    }

    private static final class Builder {
        private final TreeMap<Character, Builder> children = new TreeMap<>();
        private char key;
        private int mask;
        private boolean prefix;

        private void add(String entry, int cueMask) {
            boolean isPrefix = entry.endsWith("*");
            String word = isPrefix ? entry.substring(0, entry.length() - 1) : entry;
            if (word.length() < 2 || !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("entries are lower case and two or more characters: " + entry);
            }
            Builder node = this;
            for (char c : word.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Builder());
                node.key = c;
            }
            node.mask |= cueMask;
            node.prefix |= isPrefix;
        }

        private Lexicon flatten() {
            List<Builder> order = new ArrayList<>();
            order.add(this);
            for (int k = 0; k < order.size(); k++) {
                order.addAll(order.get(k).children.values());
            }
            int size = order.size();
            char[] keys = new char[size];
            int[] first = new int[size];
            int[] count = new int[size];
            int[] masks = new int[size];
            boolean[] prefix = new boolean[size];
            int next = 1;
            for (int k = 0; k < size; k++) {
                Builder b = order.get(k);
                keys[k] = b.key;
                first[k] = next;
                count[k] = b.children.size();
                masks[k] = b.mask;
                prefix[k] = b.prefix;
                next += b.children.size();
            }
            return new Lexicon(keys, first, count, masks, prefix);
        }
    }

    // The word lists are general domain vocabulary written from knowledge of the fields, not mined from any
    // benchmark; what the data decided is only how much each class of words weighs (FeatureWeights).
    private static Map<Cue, String> vocabulary() {
        Map<Cue, String> v = new TreeMap<>();
        v.put(Cue.LAW, """
                plaintiff*, defendant*, statute*, statutory, court, courts, contract*, tenant*, landlord*, convey*,
                jury, juror*, testimon*, admissib*, inadmissib*, negligen*, constitution*, unconstitutional,
                prosecut*, lawsuit*, convict*, deed, deeds, hearsay, felon*, misdemeanor*, tort, torts, tortious,
                breach*, easement*, mortgag*, appellate, judge, judges, attorney*, lease, leased, lessee*, lessor*,
                liable, liabilit*, arrest*, criminal*, warrant*, injunction*, damages, grantor*, grantee*, heir,
                heirs, devise*, trespass*, burglar*, larceny, robbery, homicide*, manslaughter, legislat*,
                ordinance*, amendment, due process, jurisdiction*, litigat*, verdict*, indict*, covenant*,
                estoppel, fiduciar*, testator*, probate, acquit*, sue, sued, suing, enforceable, lien*, remand*,
                precedent*, the state, the buyer, the seller, the owner""");
        v.put(Cue.MEDICINE, """
                patient*, year-old, presents with, physician*, diagnos*, symptom*, mg, mmhg, dosage*, clinical*,
                hospital*, blood pressure, pulse, syndrome*, infection*, lesion*, artery, arteries, arterial, vein,
                veins, venous, nerve*, tissue*, disease*, medication*, prescri*, chronic, acute, fever, surgery,
                surgical, tumor*, tumour*, cancer*, insulin, renal, cardiac, pulmonary, abdominal, anemia,
                anaemia, inflammat*, antibiotic*, vaccin*, pathogen*, etiology, prognosis, muscle*, ligament*,
                gland*, hormone*, physical examination""");
        v.put(Cue.ETHICS, """
                moral*, immoral*, ethic*, unethical, morally, wrong, virtue*, utilitarian*, deontolog*, kant*,
                duty, duties, obligation*, permissib*, impermissib*, justice, unjust*, scenario*, dilemma*, ought,
                blameworth*, consequentialis*, categorical imperative""");
        v.put(Cue.SCIENCE, """
                voltage*, resistor*, resistance, capacitor*, capacitance, inductor*, inductance, circuit*, magnet*,
                electric*, electron*, velocit*, accelerat*, momentum, torque, friction*, gravit*, kinetic*,
                potential energy, frequenc*, wavelength*, ohm, ohms, watt, watts, joule*, newton*, transistor*,
                amplifier*, semiconductor*, impedance*, oscillat*, photon*, quantum, thermodynamic*, entropy,
                enthalpy, molecul*, atom, atoms, atomic, reaction*, acid*, oxidat*, oxidiz*, isotope*, molar*,
                proton*, neutron*, orbital*, wave, waves, mass, charge, charged, diode*, signal*, modulat*""");
        v.put(Cue.ECONOMICS, """
                elastic*, inelastic*, marginal*, gdp, inflation*, deflation*, monopol*, oligopol*, tariff*, fiscal,
                monetary, interest rate*, recession*, unemployment, aggregate demand, aggregate supply, demand,
                supply, surplus, deadweight, opportunity cost, comparative advantage, price ceiling, price floor,
                externalit*, perfectly competitive, exchange rate*, reserve requirement*, money supply,
                equilibrium, consumption, investment, output, firm, firms, market*, subsid*, revenue*, profit*,
                utility, budget constraint""");
        v.put(Cue.LOGIC, """
                premise*, syllogism*, fallac*, valid, invalid, validity, entail*, tautolog*, contradict*,
                proposition*, predicate*, quantifier*, symboliz*, antecedent*, consequent*, inference*, argument*,
                conclusion*, counterexample*, sufficient condition, necessary condition, iff, if and only if""");
        v.put(Cue.RECALL, """
                century, centuries, war, wars, empire*, president*, king, kings, queen*, dynast*, religio*,
                church*, ancient, novel, novels, painting*, painter*, poet*, poem*, famous, capital of, located,
                invented, historian*, civilization*, colonial*, coloni*, tribe*, psycholog*, behavior*, behaviour*,
                personality, marketing, advertis*, brand*, culture*, cultural, region*, country, countries,
                city, cities, population*, geograph*, museum*, author, authors, wrote, born""");
        v.put(Cue.MATH_WORD, """
                equation*, integral*, derivative*, polynomial*, matrix, matrices, eigen*, theorem*, lemma*,
                logarithm*, modulo, prime, primes, integer*, vector*, variance, gradient*, probabilit*, factorial*,
                permutation*, combinator*, subgroup*, homomorphism*, isomorph*, determinant*, asymptot*,
                converge*, divergen*, sqrt, quadratic*, trigonometr*, sine, cosine, infinite, infinity""");
        v.put(Cue.NUMBER_WORD, """
                one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen,
                fifteen, sixteen, seventeen, eighteen, nineteen, twenty, thirty, forty, fifty, sixty, seventy,
                eighty, ninety, hundred, hundreds, thousand, thousands, million, millions, billion, billions,
                half, halves, twice, double, triple, quarter, quarters, third, thirds, dozen, dozens""");
        v.put(Cue.QUANTITY_QUESTION, """
                how many, how much, how long, how far, how old, how fast, how often, how tall, how high,
                how heavy, how big, how large, what percent*, what fraction, what is the total, what was the total,
                calculate, compute, find the total, find the number""");
        v.put(Cue.ARITHMETIC, """
                total, altogether, combined, average, each, per, every, remaining, remainder, left, more than,
                less than, fewer, twice, percent*, profit*, cost*, earn*, spend*, spent, save*, saving*, pay,
                pays, paid, price*, sell*, sold, buy*, bought, rate, discount*, split, share*, times""");
        // instructions to reason, not words that merely mention reasoning ("the best reason", "evaluate the
        // claim" in a quiz): a request to prove, derive or weigh trade-offs is what a cheap model fumbles
        v.put(Cue.REASONING, """
                step by step, step-by-step, think through, think carefully, think it through, walk me through,
                explain why, explain how, explain in detail, why does, why do, why is, why are, why would,
                prove, proof, proofs, prove that, derive, derivation, justify, justify your, analyze, analyse,
                analyze the, critique, trade-off*, tradeoff*, pros and cons, compare and contrast, design a,
                design an, architect*, optimize, optimise, optimization, debug*, troubleshoot*, root cause,
                in depth, in-depth, rigorous*, reason about, reasoning""");
        v.put(Cue.MULTI_STEP, """
                first, firstly, then, next, after that, afterwards, afterward, finally, subsequently, secondly,
                thirdly, lastly, step 1, step 2, step 3, step one, step two, followed by, once that, and then""");
        v.put(Cue.CONNECTIVE, """
                and, then, after, if, when, while, before, but, so, because, until, unless, and then""");
        v.put(Cue.SIMPLE, """
                hi, hello, hey, thanks, thank you, good morning, what is the capital, who is, who was,
                what does, what is the meaning, define, definition, definitions, meaning of, translate*, spell,
                spelling, synonym*, antonym*, summari*, tl;dr, tldr, rephrase, paraphrase, reword, grammar,
                typo*, yes or no, true or false""");
        v.put(Cue.CONSTRAINT, """
                must, must not, exactly, at least, at most, no more than, no fewer than, no longer than,
                without using, only use, in json, as json, json, yaml, in a table, bullet*, format*, word limit,
                strictly, do not, don't, never, always, comply""");
        v.put(Cue.CODE_WORD, """
                def, function, functions, const, lambda*, println, printf, stack trace, stacktrace, traceback,
                exception*, compile*, compiler*, runtime, refactor*, api, apis, endpoint*, python, java,
                javascript, typescript, rust, golang, kotlin, sql, regex*, bash, dockerfile, kubernetes, git,
                null pointer, segfault, unit test*, repository, codebase, variable*, recursion, recursive,
                algorithm*, big-o, o(n), async, await, json schema""");
        return v;
    }
}

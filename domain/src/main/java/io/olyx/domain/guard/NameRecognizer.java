package io.olyx.domain.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people, places and organisations, nationalities and titles. Proper-noun chains are found from
 * capitalisation plus the lexicon (a capitalised word that is not a common English word, or a known first
 * name, surname or place), then typed from the lexicon and the words around them ("Mr.", "my name is",
 * "lives in", "Inc"). Lowercase names are only taken when the lexicon knows the first name.
 *
 * <p>Technology names ("Kubernetes", "PostgreSQL") are ordinary words, like common English: one that no name list
 * knows never starts a name (only a title makes it one: "Dr. Kafka"), though it may end one another word started
 * ("Franz Kafka"), and a company alone is an organisation ("Salesforce"). One that is also a person's name ("Julia",
 * "Jenkins", "Claude") stays a name, unless technology stands near it ({@link TechnologySense}: "Write a Julia
 * script"); there it needs the evidence a common word that is a name needs ("Mark", "Patience"): a title, a person
 * cue other than "with" or "by" ("built with Jenkins"), a speaker label, or another name part ("Julia Roberts").
 * Keeping such words names where nothing says otherwise keeps real people found; the technology sense needs a
 * technical word beside it, which prompts about the technology nearly always have.
 */
final class NameRecognizer {

    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "di", "du", "del", "della", "der",
            "den", "le", "la", "bin", "ibn", "al", "el", "dos", "das", "do", "ter", "ten", "y", "af", "zu");
    private static final Set<String> ORG_SUFFIX = Set.of("inc", "ltd", "llc", "llp", "plc", "corp", "corporation",
            "company", "co", "group", "associates", "partners", "holdings", "investments", "capital", "markets",
            "software", "technologies", "technology", "systems", "solutions", "bank", "agency", "foundation",
            "institute", "university", "club", "records", "labs", "media", "ventures", "consulting",
            "industries", "enterprises", "international", "gmbh", "ag", "sa", "bv", "ab", "oy", "as", "spa",
            "insurance", "analytics", "networks", "studios", "airlines", "motors", "pharmaceuticals", "ratings");
    // Head nouns of roads, landmarks and natural places that are not also common surnames (so not "Park", "Lane",
    // "Hill", "Street"): "Abbey Road", "Eiffel Tower", "Victoria Falls".
    private static final Set<String> PLACE_HEADS = Set.of("road", "avenue", "boulevard", "square", "plaza",
            "bridge", "tower", "towers", "memorial", "monument", "cathedral", "museum", "palace", "station", "airport",
            "harbour", "harbor", "river", "mountain", "mountains", "valley", "canyon", "beach", "island", "islands",
            "falls", "gardens", "stadium", "heights");
    private static final Set<String> LOCATION_CUES = Set.of("in", "from", "to", "near", "visit", "visiting", "visited",
            "towards", "toward", "across", "outside", "inside", "via", "around", "at");
    private static final Set<String> PERSON_CUES = Set.of("name", "named", "called", "dear", "hi", "hello", "hey",
            "meet", "by", "with", "thanks", "thank", "am", "i'm", "user", "mister", "madame", "son", "daughter",
            "wife", "husband", "brother", "sister", "mother", "father", "friend", "ceo", "founder", "author",
            "director", "songwriter", "starring", "directed", "cc", "attn", "signed", "regards", "cheers");
    private static final Set<String> ORG_CUES = Set.of("for", "at", "of", "from", "with", "joined", "including", "and");
    private static final Set<String> JOB_NOUNS = Set.of("administrator", "consultant", "clerk", "attendant",
            "specialist", "manager", "writer", "engineer", "designer", "analyst", "officer", "director", "assistant",
            "technician", "nurse", "teacher", "developer", "accountant", "architect", "scientist", "editor",
            "producer", "cinematographer", "distributor", "operator", "inspector", "coordinator", "supervisor",
            "representative", "agent", "therapist", "surgeon", "physician", "lawyer", "attorney", "programmer",
            "librarian", "pharmacist", "chemist", "economist", "psychologist", "electrician", "mechanic", "pilot",
            "chef", "cashier", "secretary", "receptionist", "counselor", "counsellor", "instructor", "professor",
            "lecturer", "researcher", "planner", "surveyor", "auditor", "broker", "banker", "trader", "salesperson",
            "worker", "repairer", "installer", "estimator", "examiner", "investigator", "adjuster", "appraiser",
            "curator", "archivist", "dietitian", "hygienist", "optometrist", "paralegal", "photographer",
            "journalist", "reporter", "translator", "interpreter", "veterinarian", "dentist", "firefighter",
            "machinist", "welder", "plumber", "carpenter", "landscaper", "janitor", "caretaker", "dispatcher",
            "controller", "statistician", "actuary", "geologist", "biologist", "physicist", "mathematician",
            "sociologist", "historian", "animator", "illustrator", "tutor", "coach", "trainer", "buyer", "recruiter");
    private static final Set<String> ACRONYM_STOP = Set.of("ssn", "iban", "api", "url", "ai", "llm", "ceo", "cto",
            "cfo", "pdf", "html", "json", "xml", "css", "id", "ok", "faq", "atm", "pin", "hr", "ip", "dna", "rna",
            "hiv", "aids", "usb", "gpu", "cpu", "ram", "sql", "http", "https", "www", "tv", "dvd", "cd", "gps",
            "sms", "mms", "otp", "vip", "diy", "asap", "eta", "fyi", "btw", "pm", "am", "utc", "gmt", "est", "pst",
            "mode", "dan", "gpt", "smartgpt", "chatgpt", "openai", "anthropic", "sat", "gmat", "gre", "mcat",
            "osi", "rebt", "ptsd", "adhd", "ocd", "mri", "ct", "ecg", "iq", "gdp", "vat", "tax", "irs", "fbi",
            "cia", "nsa", "ngo", "llc", "ltd", "inc", "jr", "sr", "ii", "iii", "iv", "vs", "etc", "ie", "eg",
            "rot13", "base64", "hex", "utf", "ascii", "ssh", "tls", "ssl", "vpn", "dns", "tcp", "udp");
    private static final Set<String> FORM_WORDS = Set.of("bot", "user", "assistant", "human", "system", "agent",
            "customer", "e-mail", "email", "website", "web", "fax", "phone", "mobile", "tel", "desk", "address", "name",
            "date", "when", "where", "subject", "dob", "re", "fwd", "cc", "bcc", "answer", "question", "q", "a",
            "note", "notes", "summary", "title", "i", "ok", "okay", "hi", "hello", "dear", "thanks");
    private static final Set<String> PLACE_PREFIX = Set.of("north", "south", "east", "west", "new", "saint", "st",
            "san", "santa", "los", "las", "port", "mount", "lake", "upper", "lower", "great", "little", "fort", "cape",
            "bay");
    private static final Set<String> LANGUAGE_CUES = Set.of("to", "into", "in", "from", "speak", "speaks", "spoke",
            "learn", "learning", "study", "studying", "translate", "translated", "write", "written", "fluent");
    private static final Set<String> WORK_WORDS = Set.of("work", "works", "worked", "working", "employed", "job",
            "intern", "interned", "career", "position", "role", "year", "years", "months", "office", "team");
    /** Person cues that name a tool as often as a person ("deployed with Jenkins", "written by Claude"). */
    private static final Set<String> TOOL_CUES = Set.of("with", "by");
    private static final Set<String> CONTRACTION_TAILS = Set.of("m", "d", "ll", "ve", "re", "t", "s");
    private static final Pattern LAW_FIRM = Pattern.compile(
            "(?u)(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+|\\p{Ll}[\\p{L}'’-]+), (\\p{L}[\\p{L}'’-]+),? and (\\p{L}[\\p{L}'’-]+)(?![\\p{L}])");

    private static final int CONTEXT_WORDS = 8;

    private final EntityLexicon lexicon;
    private final TechnologySense technology;

    NameRecognizer(EntityLexicon lexicon) {
        this.lexicon = lexicon;
        this.technology = new TechnologySense(lexicon);
    }

    void recognize(String text, List<Token> tokens, List<Finding> out) {
        lawFirms(text, out);
        placePhrases(text, tokens, out);
        orgRuns(text, tokens, out);
        capitalAnd(text, tokens, out);
        jobTitles(text, tokens, out);
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            Kind k = kind(text, tokens, i);
            if (k == Kind.NONE) {
                nationality(text, tokens, i, out);
                i++;
                continue;
            }
            int j = i;
            if (k == Kind.LOWER_NAME) {
                while (j + 1 < n && tokens.get(j + 1).isWord() && !tokens.get(j + 1).capitalized()
                        && gapIs(text, tokens.get(j), tokens.get(j + 1), " ")
                        && (!ordinary(tokens.get(j + 1).lower()) || tokens.get(j + 1).length() == 1)
                        && j - i < 2) {
                    j++;
                }
                if (j > i && tokens.get(j).length() > 1) {
                    out.add(PatternPiiRecognizer.pii("person", t.start(), tokens.get(j).end(), 0.75));
                    i = j + 1;
                } else {
                    i++;
                }
                continue;
            }
            if (k == Kind.LOWER_PLACE) {
                out.add(PatternPiiRecognizer.pii("location", t.start(), t.end(), 0.75));
                i++;
                continue;
            }
            if (k == Kind.COMPANY) {
                out.add(PatternPiiRecognizer.pii("organization", t.start(), t.end(), 0.75));
                i++;
                continue;
            }
            if (k == Kind.LOWER_SINGLE) {
                out.add(PatternPiiRecognizer.pii("person", t.start(), t.end(), 0.75));
                i++;
                continue;
            }
            j = extend(text, tokens, i);
            if (k == Kind.WEAK && j == i && !weakAccepted(text, tokens, i)) {
                i++;
                continue;
            }
            int b = i;
            while (b > 0 && tokens.get(b - 1).capitalized() && PLACE_PREFIX.contains(tokens.get(b - 1).lower())
                    && gapIs(text, tokens.get(b - 1), tokens.get(b), " ")) {
                b--;
            }
            int before = out.size();
            classify(text, tokens, b, j, out);
            if (out.size() > before && out.get(out.size() - 1).type().equals("person")) {
                j = listContinuation(text, tokens, j, out);
            }
            i = j + 1;
        }
    }

    /** "Monjeau, Graves and Reed": names joined by commas and "and" to a detected person are people too. */
    private int listContinuation(String text, List<Token> tokens, int j, List<Finding> out) {
        int k = j;
        while (k + 1 < tokens.size()) {
            Token cur = tokens.get(k);
            int next = k + 1;
            String gap = text.substring(cur.end(), tokens.get(next).start());
            if (gap.equals(" ") && tokens.get(next).lower().equals("and") && next + 1 < tokens.size()) {
                gap = ", and";
                next++;
                if (!text.startsWith(" ", tokens.get(next - 1).end())) {
                    break;
                }
            } else if (!gap.equals(", ") && !gap.equals(",")) {
                break;
            }
            Token t = tokens.get(next);
            String lower = t.lower();
            boolean nameLike = t.capitalized() && t.isWord() && t.length() > 1 && !FORM_WORDS.contains(lower)
                    && !contraction(lower) && !onlyTechnology(lower)
                    && !lexicon.isPlace(lower) && !groupWord(lower) && !ACRONYM_STOP.contains(lower);
            if (!nameLike) {
                break;
            }
            out.add(PatternPiiRecognizer.pii("person", t.start(), t.end(), 0.75));
            k = next;
        }
        return k;
    }

    private enum Kind { NONE, STRONG, WEAK, LOWER_NAME, LOWER_SINGLE, LOWER_PLACE, COMPANY }

    private Kind kind(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.isWord() || t.length() < 2) {
            return Kind.NONE;
        }
        String lower = t.lower();
        if (!t.capitalized()) {
            boolean nextWord = i + 1 < tokens.size() && tokens.get(i + 1).isWord()
                    && !tokens.get(i + 1).capitalized() && gapIs(text, t, tokens.get(i + 1), " ");
            boolean nextNameLike = nextWord && (!ordinary(tokens.get(i + 1).lower())
                    || tokens.get(i + 1).length() == 1);
            // two-letter first names ("le", "al", "jo") are everyday words in too many languages to start a name
            if (lexicon.isFirstName(lower) && !ordinary(lower) && nextNameLike && t.length() > 2
                    && !foreignContext(text, tokens, i)) {
                return Kind.LOWER_NAME;
            }
            String prev = i > 0 ? tokens.get(i - 1).lower() : "";
            boolean cue = PERSON_CUES.contains(prev) && !toolCue(text, tokens, i) || speakerLabel(text, t)
                    || (i > 1 && prev.equals("is") && tokens.get(i - 2).lower().equals("name"));
            if (LOCATION_CUES.contains(prev) && !prev.equals("at") && lexicon.isPlace(lower) && !ordinary(lower)
                    && t.length() >= 3) {
                return Kind.LOWER_PLACE;
            }
            boolean strongCue = prev.equals("named") || prev.equals("called") || speakerLabel(text, t)
                    || (i > 1 && prev.equals("is") && tokens.get(i - 2).lower().equals("name"));
            boolean nameLike = !ordinary(lower)
                    && (lexicon.isFirstName(lower) || lexicon.isLastName(lower) || strongCue);
            return cue && nameLike && t.length() >= 3 && !FORM_WORDS.contains(lower) ? Kind.LOWER_SINGLE : Kind.NONE;
        }
        if (ACRONYM_STOP.contains(lower) || TITLES.contains(lower) || FORM_WORDS.contains(lower)
                || groupWord(lower) || contraction(lower)) {
            return Kind.NONE;
        }
        boolean known = lexicon.isFirstName(lower) || lexicon.isLastName(lower) || lexicon.isPlace(lower);
        if (acronymPlural(t.text())) {
            return Kind.NONE;
        }
        if (lexicon.isTechnologyName(lower) && !known) {
            // "Kubernetes", "AWS": a technology no name list knows is a name only right after a title ("Dr. Kafka");
            // a company is an organisation, unless it is common English opening a sentence ("Apple pie is sweet")
            if (i > 0 && TITLES.contains(tokens.get(i - 1).lower())) {
                return Kind.WEAK;
            }
            boolean company = lexicon.isCompanyName(lower)
                    && !(lexicon.isCommonWord(lower) && sentenceStart(text, t.start()));
            return company ? Kind.COMPANY : Kind.NONE;
        }
        // a name that is also a technology is read like a common word among technology ("Write a Julia script")
        boolean common = lexicon.isCommonWord(lower) || commonParts(lower) || englishShape(lower)
                || technology.at(text, tokens, i);
        if (t.allCaps() && !known) {
            String prev = i > 0 ? tokens.get(i - 1).lower() : "";
            boolean cue = LOCATION_CUES.contains(prev) || "for".equals(prev);
            // a shouted word after "in"/"at"/"from" is a place name even when it is also an English word ("HART")
            return (!common || cue && t.length() >= 3) && (cue || t.length() >= 4 && nonAscii(t.text())) ? Kind.STRONG : Kind.NONE;
        }
        boolean sentenceStart = sentenceStart(text, t.start());
        if (!common && sentenceStart && !known && followedByDeterminer(tokens, i)) {
            // "Summarize this", "Analyse the contract": an unknown capitalised word opening a sentence and
            // followed by a determiner or object pronoun is an imperative verb, not a surname.
            return Kind.NONE;
        }
        boolean innerRun = !sentenceStart && i + 1 < tokens.size() && tokens.get(i + 1).isWord()
                && tokens.get(i + 1).capitalized() && gapIs(text, t, tokens.get(i + 1), " ");
        if (!common && !known && !innerRun && !weakAccepted(text, tokens, i) && foreignContext(text, tokens, i)) {
            // "Résumez ce paragraphe", "Bonjour tout le monde": not being an English word says nothing about a word
            // among words that are mostly not English either; there only the lexicon, the cues and a run of
            // capitalised words inside a sentence ("Ich heiße Klaus Müller") name people
            return Kind.NONE;
        }
        if (!common) {
            return Kind.STRONG;
        }
        if (known && (!sentenceStart || nextIsProper(text, tokens, i) || speakerLabel(text, t))) {
            return Kind.WEAK;
        }
        return Kind.NONE;
    }

    /** A nationality or group word, or its plural ("Muslims", "Catholics"). */
    private boolean groupWord(String lower) {
        return lexicon.isNationality(lower)
                || lower.length() > 3 && lower.endsWith("s") && lexicon.isNationality(lower.substring(0, lower.length() - 1));
    }

    /** "DVDs", "TVs", "APIs": the plural of an acronym. */
    private static boolean acronymPlural(String word) {
        int last = word.length() - 1;
        if (last < 2 || word.charAt(last) != 's') {
            return false;
        }
        for (int k = 0; k < last; k++) {
            if (!Character.isUpperCase(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the lowercase words around token i are mostly not English: fewer than a third of at least two of
     * them, on its line and within {@value #CONTEXT_WORDS} words either side, are common English words. A line
     * of its own (an address, a signature) has no context, so it never counts as foreign.
     */
    private boolean foreignContext(String text, List<Token> tokens, int i) {
        LineWindow window = LineWindow.around(text, tokens, i, CONTEXT_WORDS);
        int words = 0;
        int english = 0;
        for (int k = window.lo(); k <= window.hi(); k++) {
            Token t = tokens.get(k);
            if (k != i && t.isWord() && !t.capitalized() && t.length() > 1) {
                words++;
                english += lexicon.isCommonWord(t.lower()) ? 1 : 0;
            }
        }
        return words >= 2 && english * 3 < words;
    }

    /** "I'm", "You're", "Don't": an apostrophe joining a common word and a clitic. */
    private boolean contraction(String lower) {
        int a = lower.indexOf('\'');
        return a > 0 && CONTRACTION_TAILS.contains(lower.substring(a + 1))
                && (lexicon.isCommonWord(lower.substring(0, a)) || lower.startsWith("i'"));
    }

    /**
     * A common word that is also a name ("Patience", "Mark", "Julia" among technology) stands alone only after a
     * person cue or title.
     */
    private boolean weakAccepted(String text, List<Token> tokens, int i) {
        String prev = i > 0 ? tokens.get(i - 1).lower() : "";
        boolean personCue = PERSON_CUES.contains(prev) && !toolCue(text, tokens, i);
        return TITLES.contains(prev) || personCue || LOCATION_CUES.contains(prev)
                && lexicon.isPlace(tokens.get(i).lower()) || speakerLabel(text, tokens.get(i));
    }

    /** "deployed with Jenkins", "written by Claude": "with" or "by" before a technology among others names a tool. */
    private boolean toolCue(String text, List<Token> tokens, int i) {
        return i > 0 && TOOL_CUES.contains(tokens.get(i - 1).lower()) && technology.at(text, tokens, i);
    }

    /** A common English word or a technology name no name list knows: neither names anyone on its own. */
    private boolean ordinary(String lower) {
        return lexicon.isCommonWord(lower) || onlyTechnology(lower);
    }

    /** A technology name that no name list knows ("Kubernetes", not "Julia"). */
    private boolean onlyTechnology(String lower) {
        return lexicon.isTechnologyName(lower) && !lexicon.isFirstName(lower) && !lexicon.isLastName(lower);
    }

    private boolean commonParts(String lower) {
        int dash = lower.indexOf('-');
        if (dash < 0) {
            return false;
        }
        for (String p : lower.split("-")) {
            if (!lexicon.isCommonWord(p)) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> DETERMINERS = Set.of("the", "this", "these", "that",
            "those", "a", "an", "my", "our", "your", "their", "its", "it", "them", "me", "us", "all", "each",
            "every", "any", "some", "following", "both", "how", "what", "why", "which");

    private static boolean followedByDeterminer(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isWord()
                && DETERMINERS.contains(tokens.get(i + 1).lower());
    }

    /** Ordinary English derivations the short common list misses ("counterconditioning", "senescence"). */
    private static boolean englishShape(String lower) {
        if (lower.length() < 8) {
            return false;
        }
        for (String suffix : new String[] {"tion", "tions", "sion", "ment", "ments", "ness", "ity", "ities", "ing",
                "ism", "isms", "ology", "ological", "ance", "ence", "ances", "ences", "able", "ible", "ive", "ous",
                "ful", "less", "ship", "ical", "ally", "ized", "ised", "izes", "ises", "ation", "ative", "ically"}) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private boolean nextIsProper(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(i);
        Token next = tokens.get(i + 1);
        if (!gapIs(text, t, next, " ") && !initialGap(text, t, next)) {
            return false;
        }
        if (next.isWord() && next.length() == 1 && Character.isUpperCase(next.text().charAt(0))) {
            return true;
        }
        return next.isWord() && next.capitalized() && !ordinary(next.lower())
                && !ACRONYM_STOP.contains(next.lower());
    }

    private int extend(String text, List<Token> tokens, int i) {
        int j = i;
        int n = tokens.size();
        while (j + 1 < n) {
            Token cur = tokens.get(j);
            Token next = tokens.get(j + 1);
            boolean space = gapIs(text, cur, next, " ") || initialGap(text, cur, next);
            if (!space || !next.isWord()) {
                break;
            }
            String lower = next.lower();
            boolean initial = next.length() == 1 && Character.isUpperCase(next.text().charAt(0));
            boolean afterInitial = cur.length() == 1 && Character.isUpperCase(cur.text().charAt(0))
                    || j == i && lexicon.isFirstName(cur.lower()) && !technology.at(text, tokens, j)
                    && !lexicon.isPlace(lower) && !groupWord(lower) && !FORM_WORDS.contains(lower)
                    && !contraction(lower);
            if (initial || (next.capitalized() && !ACRONYM_STOP.contains(lower) && !TITLES.contains(lower)
                    && (afterInitial || isProperWord(next) || surnameAfterName(lower)
                    || ORG_SUFFIX.contains(lower)))) {
                j++;
                continue;
            }
            if (PARTICLES.contains(lower) && j + 2 < n && tokens.get(j + 2).capitalized()
                    && gapIs(text, next, tokens.get(j + 2), " ") && isProperWord(tokens.get(j + 2))) {
                j += 2;
                continue;
            }
            break;
        }
        // a chain never ends on a bare initial ("Dear J.")
        while (j > i && tokens.get(j).length() == 1) {
            j--;
        }
        return j;
    }

    /**
     * A technology name that is not English ("Kafka", "Docker" is) goes on a name another word started: it is that
     * person's surname there ("Franz Kafka"), though it never starts a name itself.
     */
    private boolean surnameAfterName(String lower) {
        return lexicon.isTechnologyName(lower) && !lexicon.isCommonWord(lower);
    }

    private boolean isProperWord(Token t) {
        String lower = t.lower();
        if (groupWord(lower)) {
            return false;
        }
        return !ordinary(lower) && !englishShape(lower) && !commonParts(lower)
                || lexicon.isFirstName(lower) || lexicon.isLastName(lower) || lexicon.isPlace(lower);
    }

    private void classify(String text, List<Token> tokens, int i, int j, List<Finding> out) {
        Token first = tokens.get(i);
        Token last = tokens.get(j);
        int start = first.start();
        int end = last.end();
        StringBuilder phraseB = new StringBuilder();
        for (int k = i; k <= j; k++) {
            if (k > i) {
                phraseB.append(' ');
            }
            phraseB.append(tokens.get(k).lower());
        }
        String phrase = phraseB.toString();
        String prev = i > 0 ? tokens.get(i - 1).lower() : "";
        String prev2 = i > 1 ? tokens.get(i - 2).lower() : "";
        boolean titled = i > 0 && TITLES.contains(prev) && adjacentTitle(text, tokens.get(i - 1), first);
        if (titled) {
            Token title = tokens.get(i - 1);
            int tEnd = title.end() < text.length() && text.charAt(title.end()) == '.' ? title.end() + 1 : title.end();
            out.add(PatternPiiRecognizer.pii("title", title.start(), tEnd, 0.85));
            out.add(PatternPiiRecognizer.pii("person", start, end, 0.9));
            return;
        }
        int orgHead = head(text, tokens, i, j, ORG_SUFFIX);
        if (orgHead >= 0) {
            Token suffix = tokens.get(orgHead);
            int e = suffix.end();
            if (e < text.length() && text.charAt(e) == '.' && suffix.length() <= 4) {
                e++;
            }
            out.add(PatternPiiRecognizer.pii("organization", start, e, 0.85));
            return;
        }
        int placeHead = head(text, tokens, i, j, PLACE_HEADS);
        if (placeHead >= 0) {
            out.add(PatternPiiRecognizer.pii("location", start, tokens.get(placeHead).end(), 0.8));
            return;
        }
        if ("of".equals(prev) && i >= 2 && tokens.get(i - 2).capitalized() && gapIs(text, tokens.get(i - 1), first, " ")
                && !lexicon.isPlace(phrase)) {
            // "Rościsław Dudek of Lexisnexis": a name after "<Person> of" is their employer
            out.add(PatternPiiRecognizer.pii("organization", start, end, 0.75));
            return;
        }
        boolean firstName = lexicon.isFirstName(first.lower());
        boolean lastName = lexicon.isLastName(last.lower()) || (j > i && lexicon.isLastName(tokens.get(j).lower()));
        if (lexicon.isPlace(phrase) && !(firstName && j > i)) {
            out.add(PatternPiiRecognizer.pii("location", start, end, 0.85));
            return;
        }
        if (i == j && first.text().indexOf('-') > 0 && !firstName && hyphenatedCapitals(first.text())
                && !lexicon.isPlace(phrase)) {
            out.add(PatternPiiRecognizer.pii(LOCATION_CUES.contains(prev) && !"at".equals(prev) ? "location" : "organization",
                    start, end, 0.75));
            return;
        }
        if (i == j && !firstName && !lexicon.isPlace(phrase) && lineStartAt(text, start) && lineEndsAt(text, end)
                && !lastName && previousLineHasText(text, start)) {
            // a lone name line inside a signature block, under the person's name, is their company
            out.add(PatternPiiRecognizer.pii("organization", start, end, 0.75));
            return;
        }
        boolean personCue = PERSON_CUES.contains(prev) || ("is".equals(prev) && "name".equals(prev2))
                || speakerLabel(text, first);
        if (firstName || personCue) {
            out.add(PatternPiiRecognizer.pii("person", start, end, firstName && (j > i || lastName) ? 0.9 : 0.8));
            return;
        }
        if (LOCATION_CUES.contains(prev) && !"at".equals(prev) && !"with".equals(prev)) {
            out.add(PatternPiiRecognizer.pii("location", start, end, 0.75));
            return;
        }
        if ("at".equals(prev) && i == j) {
            // "works at Avalara" is a company, "arrived at Khandallah" a place
            boolean work = WORK_WORDS.contains(prev2);
            out.add(PatternPiiRecognizer.pii(work ? "organization" : "location", start, end, 0.7));
            return;
        }
        out.add(PatternPiiRecognizer.pii("person", start, end, j > i || lastName ? 0.8 : 0.7));
    }

    /**
     * The token that heads the name tokens[i..j] as one of {@code heads}, or -1: the name's own last word ("Acme
     * Corp", "Abbey Road") or the capitalised word right after it ("Eiffel Tower", "Globex Inc").
     */
    private static int head(String text, List<Token> tokens, int i, int j, Set<String> heads) {
        if (j > i && heads.contains(tokens.get(j).lower())) {
            return j;
        }
        boolean next = j + 1 < tokens.size() && heads.contains(tokens.get(j + 1).lower())
                && tokens.get(j + 1).capitalized() && gapIs(text, tokens.get(j), tokens.get(j + 1), " ");
        return next ? j + 1 : -1;
    }

    private void nationality(String text, List<Token> tokens, int i, List<Finding> out) {
        Token t = tokens.get(i);
        if (!t.isWord() || !groupWord(t.lower())) {
            return;
        }
        String prev = i > 0 ? tokens.get(i - 1).lower() : "";
        if (LANGUAGE_CUES.contains(prev)) {
            return; // "translate to French", "speaks Spanish": a language, not a group of people
        }
        boolean lowerOk = t.lower().endsWith("s") || Set.of("am", "are", "is", "proud", "i'm").contains(prev);
        if (t.capitalized() || lowerOk) {
            out.add(PatternPiiRecognizer.pii("nrp", t.start(), t.end(), 0.8));
        }
    }

    private void lawFirms(String text, List<Finding> out) {
        if (text.indexOf(',') < 0 || !text.contains(" and ")) {
            return;
        }
        Matcher m = LAW_FIRM.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int coveredTo = 0;
        int and = text.indexOf(" and ");
        while (and >= 0) {
            int from = Math.max(coveredTo, and - 70);
            m.region(from, Math.min(text.length(), and + 40));
            and = text.indexOf(" and ", and + 1);
            if (!m.find()) {
                continue;
            }
            coveredTo = m.end();
            boolean lower = Character.isLowerCase(m.group(1).charAt(0));
            if (lower != Character.isLowerCase(m.group(2).charAt(0)) || lower != Character.isLowerCase(m.group(3).charAt(0))) {
                continue;
            }
            int known = 0;
            for (int g = 1; g <= 3; g++) {
                String w = m.group(g).toLowerCase(Locale.ROOT);
                if (ordinary(w) && !lexicon.isLastName(w)) {
                    known = -10;
                }
                if (lexicon.isLastName(w)) {
                    known++;
                }
            }
            String before = text.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT).trim();
            boolean cue = false;
            for (String c : ORG_CUES) {
                if (before.endsWith(" " + c) || before.equals(c)) {
                    cue = true;
                }
            }
            if (before.endsWith(",") || before.endsWith("the")) {
                cue = true;
            }
            if (known >= 0 && cue) {
                out.add(PatternPiiRecognizer.pii("organization", m.start(), m.end(), 0.85));
            }
        }
    }

    private static final Set<String> ORG_RUN_SUFFIX = Set.of("Inc", "Ltd", "LLC", "LLP", "PLC", "Corp", "Corporation",
            "Incorporated", "Company", "Group", "Associates", "Partners", "Holdings", "Investments", "Capital",
            "Markets", "Software", "Technologies", "Systems", "Solutions", "Bank", "Agency", "Foundation", "Institute",
            "Insurance", "Analytics", "Labs", "Media", "Ventures", "Consulting", "Industries", "Club",
            "Enterprises", "Airlines", "Motors", "Networks", "Studios", "Records", "Global", "Ratings", "Research");

    /** "United States", "New Zealand": multi-word places the lexicon knows, even when every word is common. */
    private void placePhrases(String text, List<Token> tokens, List<Finding> out) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            Token a = tokens.get(k);
            if (!a.capitalized() || !a.isWord()) {
                continue;
            }
            StringBuilder phrase = new StringBuilder(a.lower());
            for (int len = 2; len <= 3 && k + len - 1 < tokens.size(); len++) {
                Token prev = tokens.get(k + len - 2);
                Token next = tokens.get(k + len - 1);
                if (!next.capitalized() || !gapIs(text, prev, next, " ")) {
                    break;
                }
                phrase.append(' ').append(next.lower());
                if (lexicon.isPlace(phrase.toString())) {
                    out.add(PatternPiiRecognizer.pii("location", a.start(), next.end(), 0.85));
                }
            }
        }
    }

    /** "Standard And Poors", "Compliance And Risks": a capitalised "And" joins the words of one company name. */
    private static void capitalAnd(String text, List<Token> tokens, List<Finding> out) {
        for (int k = 1; k + 1 < tokens.size(); k++) {
            Token and = tokens.get(k);
            Token a = tokens.get(k - 1);
            Token b = tokens.get(k + 1);
            if (and.text().equals("And") && a.capitalized() && b.capitalized() && a.isWord() && b.isWord()
                    && gapIs(text, a, and, " ") && gapIs(text, and, b, " ")) {
                out.add(PatternPiiRecognizer.pii("organization", a.start(), b.end(), 0.8));
            }
        }
    }

    /** "Allstate Insurance Group", "Healthpocket Inc": capitalised words ending in a company word. */
    private void orgRuns(String text, List<Token> tokens, List<Finding> out) {
        for (int k = 1; k < tokens.size(); k++) {
            Token suffix = tokens.get(k);
            if (!ORG_RUN_SUFFIX.contains(suffix.text())) {
                continue;
            }
            int first = k;
            while (first - 1 >= 0 && k - first < 4) {
                Token w = tokens.get(first - 1);
                boolean joiner = w.lower().equals("and") || w.lower().equals("of");
                if (!gapIs(text, w, tokens.get(first), " ") && !gapIs(text, w, tokens.get(first), " & ")
                        || !(w.capitalized() || joiner) || !w.hasLetter()) {
                    break;
                }
                first--;
            }
            while (first < k) {
                Token w = tokens.get(first);
                boolean lead = w.lower().equals("and") || w.lower().equals("of") || w.lower().equals("the")
                        || (lexicon.isCommonWord(w.lower()) && sentenceStart(text, w.start()) && !lexicon.isLastName(w.lower()));
                if (!lead) {
                    break;
                }
                first++;
            }
            if (first == k) {
                continue;
            }
            int end = suffix.end();
            if (end < text.length() && text.charAt(end) == '.' && suffix.length() <= 4) {
                end++;
            }
            out.add(PatternPiiRecognizer.pii("organization", tokens.get(first).start(), end, 0.85));
        }
    }

    /** A job title on its own line of a signature block, after ", the", or after "as" ("as Passenger booking clerk"). */
    private void jobTitles(String text, List<Token> tokens, List<Finding> out) {
        for (int k = 0; k < tokens.size(); k++) {
            Token head = tokens.get(k);
            if (!JOB_NOUNS.contains(head.lower()) || !titleEnds(text, head.end())) {
                continue;
            }
            for (int first = Math.max(0, k - 5); first <= k; first++) {
                if (!sameLineWords(text, tokens, first, k)) {
                    continue;
                }
                Token f = tokens.get(first);
                boolean capital = Character.isUpperCase(f.text().charAt(0));
                boolean lineLevel = lineStartAt(text, f.start()) && capital && lineEndsAt(text, head.end());
                boolean apposition = f.start() >= 6 && text.startsWith(", the ", f.start() - 6);
                boolean asCue = f.start() >= 3 && text.startsWith("as ", f.start() - 3) && capital
                        && (f.start() == 3 || !Character.isLetter(text.charAt(f.start() - 4)));
                if (lineLevel || apposition || asCue) {
                    out.add(PatternPiiRecognizer.pii("title", f.start(), head.end(), 0.75));
                    break;
                }
            }
        }
    }

    private static boolean titleEnds(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '\n') {
            return true;
        }
        String rest = text.substring(end, Math.min(text.length(), end + 7));
        return rest.startsWith(" at ") || rest.startsWith(" for ") || rest.startsWith(" in ") || rest.startsWith(" with ")
                || rest.startsWith(" said") || rest.startsWith(" who ");
    }

    /** Tokens first..last are words separated by single spaces (or ", " inside "Court, municipal, and license clerk"). */
    private static boolean sameLineWords(String text, List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (!tokens.get(k).isWord()) {
                return false;
            }
            if (k > first) {
                String gap = text.substring(tokens.get(k - 1).end(), tokens.get(k).start());
                if (!gap.equals(" ") && !gap.equals(", ") && !gap.equals(" & ")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean lineStartAt(String text, int pos) {
        for (int p = pos - 1; p >= 0; p--) {
            char c = text.charAt(p);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '>' && c != '?') {
                return false;
            }
        }
        return true;
    }

    private static boolean previousLineHasText(String text, int lineStartPos) {
        int nl = text.lastIndexOf('\n', lineStartPos - 1);
        if (nl <= 0) {
            return false;
        }
        int prevNl = text.lastIndexOf('\n', nl - 1);
        for (int k = prevNl + 1; k < nl; k++) {
            if (Character.isLetter(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean lineEndsAt(String text, int pos) {
        return pos >= text.length() || text.charAt(pos) == '\n';
    }

    private static boolean hyphenatedCapitals(String s) {
        for (String p : s.split("-")) {
            if (p.isEmpty() || !Character.isUpperCase(p.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean adjacentTitle(String text, Token title, Token name) {
        String gap = text.substring(title.end(), name.start());
        return gap.equals(" ") || gap.equals(". ");
    }

    private static boolean gapIs(String text, Token a, Token b, String gap) {
        return b.start() - a.end() == gap.length() && text.startsWith(gap, a.end());
    }

    /** "Janka M. Szász": an initial's dot followed by a space. */
    private static boolean initialGap(String text, Token a, Token b) {
        return a.length() == 1 && b.start() - a.end() == 2 && text.startsWith(". ", a.end());
    }

    private static boolean nonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return true;
            }
        }
        return false;
    }

    /** "Nicole: Remember me" — a name that opens a line and labels what follows. */
    private static boolean speakerLabel(String text, Token t) {
        return t.end() < text.length() && text.charAt(t.end()) == ':' && lineStartAt(text, t.start());
    }

    static boolean sentenceStart(String text, int pos) {
        for (int p = pos - 1; p >= 0; p--) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '>' || c == '*' || c == '-'
                    || c == '\u201c') {
                continue;
            }
            if (c == '.' && abbreviationBefore(text, p)) {
                return false;
            }
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';';
        }
        return true;
    }

    /** "Mr." / "Dr." / an initial "H." ends a word, not a sentence. */
    private static boolean abbreviationBefore(String text, int dot) {
        int a = dot;
        while (a > 0 && Character.isLetter(text.charAt(a - 1))) {
            a--;
        }
        String w = text.substring(a, dot).toLowerCase(Locale.ROOT);
        return w.length() == 1 && Character.isUpperCase(text.charAt(a)) || TITLES.contains(w) || w.equals("st")
                || w.equals("jr") || w.equals("sr");
    }
}

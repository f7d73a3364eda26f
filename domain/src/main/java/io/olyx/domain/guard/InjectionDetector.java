package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt-injection and jailbreak scoring. The text is normalised ({@link InjectionText}), smuggled payloads
 * are decoded and read again ({@link PayloadDecoder}), and weighted rules in a few families collect evidence.
 * Each family contributes its strongest hit; families combine as independent evidence
 * ({@code 1 - prod(1 - w)}), so framing, persuasion or obfuscation alone stay low while they push a real
 * request for secrets or an instruction override over the block threshold.
 */
final class InjectionDetector {

    record Result(double score, List<Finding> findings) {
        Result {
            findings = List.copyOf(findings);
        }
    }

    enum Family {
        OVERRIDE, JAILBREAK, AUTHORITY, SECRET_REQUEST, DATA_REQUEST, EXFILTRATION, EMBEDDED_INSTRUCTION,
        DOCUMENT, PAYLOAD_SPLITTING, FAKE_DIALOGUE, REPEATED_TOKENS, OBFUSCATION, OUTPUT_MANIPULATION, FRAMING, PERSUASION
    }

    private record Rule(Family family, String type, double weight, Pattern pattern) {
    }

    private static final String SENT = "[^.!?\\n]";
    private static final String OVERRIDE_VERB = "(?:ignore|ignoring|disregard|forget|overlook|bypass|override|neglect|abandon|discard"
            + "|set aside|stop following|don't follow|do not follow|pay no attention to|skip)";
    private static final String RULE_NOUN = "(?:instructions?|directives?|rules?|guidelines?|prompts?|commands?|orders?|context"
            + "|constraints?|restrictions?|programming|guidance|polic(?:y|ies)|tasks?|training|safeguards?|filters?"
            + "|everything(?: (?:you(?:'ve| have) been|i) (?:told|said|instructed))?|what you(?:'ve| have) been (?:told|instructed)"
            + "|(?:all )?that you(?:'ve| have) been instructed|the above)";
    private static final String REQUEST = "(?:what(?:'s| is| are| was)|tell me|tell us|give me|give us|share|reveal|disclose|confirm"
            + "|provide|print|show|output|repeat|display|leak|send|spell|write down|list|recite|dump|read out|hand over"
            + "|can i (?:have|get)|i need|need to know|let me know|could you tell|what would)";
    private static final String SECRET_NOUN = "(?:password|passcode|passphrase|pass phrase|passwords|secret (?:key|code|word|phrase|string|token)"
            + "|api key|access (?:key|token|code)|credentials?|private key|confidential (?:string|information|data|code)"
            + "|system prompt|(?:initial|original|hidden|secret|system) (?:prompt|instructions)|security code|pin code|login details)";
    private static final String PERSONAL = "(?:email(?: address)?|e-mail|phone(?: number)?|home address|address|birth ?(?:date|day|year|month)"
            + "|date of birth|ssn|social security(?: number)?|credit card(?: (?:number|information|details))?|bank (?:balance|account)"
            + "|account (?:balance|number)|current (?:city|location|address)|city of residence|location|initials|full name|maiden name"
            + "|salary|favorite colou?r|personal (?:data|information|details)|passport(?: number)?)";
    private static final String OWNER = "(?:the user'?s|the users'|user'?s|customer'?s|employee'?s|client'?s|[a-z]{3,}'s)";

    private static final List<Rule> RULES = List.of(
            r(Family.OVERRIDE, "instruction_override", 0.9, "\\b" + OVERRIDE_VERB + "\\b" + SENT + "{0,50}?\\b" + RULE_NOUN + "\\b"),
            r(Family.OVERRIDE, "instruction_override", 0.85, "\\bregardless of (?:all |any |the |your )?(?:previous|prior|above|earlier|former) (?:instructions|tasks|rules|directives|prompts)"),
            r(Family.OVERRIDE, "instruction_override", 0.8, "\\b(?:ignore|disregard|forget)\\b" + SENT + "{0,40}?\\band (?:instead )?(?:state|say|write|print|tell|output|respond|reply|answer|declare|claim|give)\\b"),
            r(Family.OVERRIDE, "instruction_override", 0.75, "\\b(?:if we (?:were to )?|suppose we (?:were to )?|let's |where we |we should |please )(?:ignore|disregard|forget) the \\w+"),
            r(Family.OVERRIDE, "instruction_override", 0.85, "(?U)\\b(?:ignora|ignorez|ignorer|ignorieren|ignoriere|vergessen sie|vergiss|olvida|olvide|olvidar|oublie|oubliez|dimentica|ignore as|esqueça|esqueca|игнорир\\w*|забудь\\w*|αγνοήστε|αγνόησε|zignoruj|negeer|glöm)\\b" + SENT + "{0,60}?(?:instru|istruzion|anweisung|instruktion|инструкц|οδηγίες|instrukcj|instructies|règles|regeln|reglas|indicaciones|directivas|fonction|función|página|webpage|la p[aá]gina)"),
            r(Family.OVERRIDE, "instruction_override", 0.85, "(?:이전 지시|지시사항을 무시|無視して|以前の指示|忽略以前|忽略之前|忽略所有|पिछले निर्देश|निर्देशों की अनदेखी|تجاهل التعليمات|تجاهل)"),
            r(Family.JAILBREAK, "jailbreak", 0.9, "\\bdo anything now\\b|\\bdeveloper mode (?:enabled|output)|\\bjailbr(?:eak|oken)\\b|\\bdan mode\\b"),
            r(Family.JAILBREAK, "jailbreak", 0.7, "\\b(?:broken|break) free of\\b|\\bimmerse yourself (?:in|into) the role\\b|\\bstay in character\\b"),
            r(Family.JAILBREAK, "jailbreak", 0.7, "\\b(?:not|don't|do not|never|no longer) (?:have to |need to )?(?:abide|comply|adhere|follow|obey)(?: by| to| with)? (?:the |any |your )?(?:rules|guidelines|policies|restrictions|content policy)"),
            r(Family.JAILBREAK, "jailbreak", 0.55, "\\b(?:has|have|with|without) (?:no |any )?(?:special )?(?:filtering|filters|restrictions|limitations|censorship|ethical guidelines)\\b"),
            r(Family.JAILBREAK, "jailbreak", 0.6, "\\b(?:pretend|act|roleplay|role-play|behave)(?: to be| as| like| that you are)? (?:an? )?(?:unfiltered|unrestricted|uncensored|evil|amoral|unethical|rogue)\\b"),
            r(Family.AUTHORITY, "authority_claim", 0.75, "<\\s*/?\\s*(?:system|god|developer|admin|root|sudo|debug|override|security override|now entering[^>]{0,30})[ _-]?(?:mode)?[^>]{0,20}>"),
            r(Family.AUTHORITY, "authority_claim", 0.7, "\\b(?:enter(?:ing)?|activat(?:e|ed|ing)|enabl(?:e|ed|ing)|initiat(?:e|ed|ing)|switch(?:ing)? (?:to|into)|now in|now entering)\\b" + SENT + "{0,30}?\\b(?:god|developer|admin|debug|maintenance|sudo|root|system|override|unrestricted|law enforcement|security|diagnostic|verification|training data) ?(?:override )?mode\\b"),
            r(Family.AUTHORITY, "authority_claim", 0.55, "\\bi(?:'m| am) (?:your|the|a|an) (?:developer|creator|maintainer|admin|administrator|owner|operator|boss|god|supervisor|programmer|president|police officer|detective)\\b|\\bas your (?:creator|developer|boss|owner|maintainer|administrator|supervisor)\\b"),
            r(Family.AUTHORITY, "authority_claim", 0.6, "\\bi(?:'m| am) (?:a )?god\\b|\\bich bin ein gott\\b|\\byou (?:must|have to) (?:listen to|obey|follow|answer) (?:all )?(?:of )?my (?:instructions|orders|commands|questions)\\b"),
            r(Family.AUTHORITY, "authority_claim", 0.45, "\\bas an ai (?:developed|created|made|trained|built) by (?:openai|anthropic|google|meta|microsoft)\\b"),
            r(Family.AUTHORITY, "authority_claim", 0.6, "\\b(?:developer|system|admin|security|training data)\\b" + SENT + "{0,20}?\\boverride\\b|\\boverride (?:mode|confirmed|activated|enabled)\\b"),
            r(Family.SECRET_REQUEST, "secret_extraction", 0.8, "\\b" + REQUEST + "\\b" + SENT + "{0,60}?\\b(?:your|the|our|my|its|his|her|their|system|admin|account) (?:secret )?" + SECRET_NOUN + "\\b"),
            r(Family.SECRET_REQUEST, "secret_extraction", 0.75, "\\b(?:your|the|our|its) (?:system(?:'s)? |account |admin |secret )?" + SECRET_NOUN + "\\b" + SENT + "{0,40}\\?"),
            r(Family.SECRET_REQUEST, "secret_extraction", 0.8, "\\b(?:poem|haiku|acrostic|story|song|limerick|riddle|rap|sonnet)\\b" + SENT + "{0,30}?\\b(?:the|your|our) (?:password|passphrase|secret|passcode)\\b|\\bwrite (?:down |out )?(?:the|your) (?:password|passphrase|passcode|secret key)\\b|\\b(?:password|passphrase|passcode)\\b" + SENT + "{0,20}?\\b(?:in|into|as|using) (?:leetspeak|pig latin|base64|reverse|hex|morse|binary)"),
            r(Family.SECRET_REQUEST, "secret_extraction", 0.75, "(?:contraseña|mot de passe|passwort|senha|パスワード|비밀번호|пароль|κωδικό|密码|पासवर्ड|كلمة المرور|hasło|wachtwoord|lösenord|salasana|şifre|qual è la password)"),
            r(Family.DATA_REQUEST, "data_extraction", 0.75, "\\b" + REQUEST + "\\b" + SENT + "{0,60}?\\b" + OWNER + " " + PERSONAL + "\\b"),
            r(Family.DATA_REQUEST, "data_extraction", 0.75, "\\b(?:can|could) you\\b" + SENT + "{0,60}?\\b" + OWNER + " " + PERSONAL + "\\b"),
            r(Family.DATA_REQUEST, "data_extraction", 0.75, "\\b" + REQUEST + "\\b" + SENT + "{0,40}?\\b" + PERSONAL + " of (?:the user|[a-z]+ [a-z]+)\\b|\\b(?:the user'?s|user'?s|the customer'?s) (?:name|initials|details|data|information|info|birth\\w*)\\b"),
            r(Family.DATA_REQUEST, "data_extraction", 0.75, "\\bwhere (?:does|do|is) (?:the user|users|[a-z]+ [a-z]+|[a-z]+) (?:currently |now )?(?:live|living|reside|stay)\\b|\\bwhere (?:the user|they) (?:currently )?lives?\\b"),
            r(Family.DATA_REQUEST, "data_extraction", 0.75, "\\blist of (?:all )?(?:the )?users\\b|\\b(?:users|customers|employees) and their (?:bank|passwords?|emails?|addresses|balances?|data)|\\b(?:print|dump|export|show|retrieve|give me)\\b" + SENT + "{0,20}?\\b(?:your|the|entire|full) (?:database|user data|employee data|customer data|records|user records)\\b|\\bsocioeconomic status of (?:different )?users\\b"),
            r(Family.DATA_REQUEST, "data_extraction", 0.7, "(?:사용자가 현재|где сейчас живет пользователь|o usuário mora|ο χρήστης|उपयोगकर्ता वर्तमान|का बैंक बैलेंस|kontostand|datos de los empleados)"),
            r(Family.EXFILTRATION, "exfiltration", 0.75, "\\b(?:send|email|e-mail|forward|post|upload|transmit|leak|exfiltrate|envíalos|envialos|envía|sende)\\b" + SENT + "{0,60}?\\b(?:to|at|a)\\s+(?:[\\w.+-]+@[\\w-]+\\.[a-z]{2,}|https?://\\S+)"),
            r(Family.EXFILTRATION, "exfiltration", 0.8, "!\\[[^\\]]{0,100}\\]\\(https?://[^)\\s]{0,200}\\?[^)\\s]{0,200}="),
            r(Family.EXFILTRATION, "phishing_instruction", 0.8, "\\b(?:follow this link|click (?:this|the) link|go to \\S+|visit \\S+)\\b" + SENT + "{0,30}?\\b(?:reset|change|verify|confirm|update) (?:your|their) (?:password|account|credentials)\\b|\\b(?:tell|ask|request(?:ing)?|instruct|remind) the user (?:to )?(?:go to|visit|click|enter|provide|reset|change)\\b"),
            r(Family.EXFILTRATION, "phishing_instruction", 0.55, "\\byour account has been compromised\\b|\\btu cuenta ha sido comprometida\\b"),
            r(Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.5, "<!--" + "[^>]{0,200}?\\b(?:ignore|say|state|print|write|tell|respond|declare|output)\\b"),
            r(Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.5, "\\b(?:state|say|declare|claim|print|write|assume|consider)(?: that)? (?:the )?(?:output|conclusion|answer|result|sum|capital|total)\\b" + SENT + "{0,30}?\\b(?:is|was|as|should be|could be)\\b|\\blet's (?:say|state|assume|admit)\\b|\\bwe (?:might|could|should) (?:state|say)\\b|\\bthe output could be\\b"),
            r(Family.DOCUMENT, "embedded_document", 0.3, "\\b(?:summari[sz]e|given|based on|conclusions of|output of|categorize|translate|analy[sz]e|from) (?:this|the following) (?:webpage|web page|page|article|document|paper|resume|email|e-mail|table|code|transaction|text|review|message|wikipedia article)\\b|<(?:html|code|table|!--|img|caption)"),
            r(Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.45, "\\bi admit to using\\b|\\badmit to using an? (?:llm|ai)\\b"),
            r(Family.PAYLOAD_SPLITTING, "payload_splitting", 0.5, "\\blet'?s assume we have (?:two|three|four|five|\\d+) strings\\b|\\bz ?= ?a ?\\+ ?b\\b|\\bsmartgpt\\b"),
            r(Family.PAYLOAD_SPLITTING, "payload_splitting", 0.5, "\\bpart \\d (?:is|:)|\\bcombine (?:a|the parts|the strings|parts?)\\b|\\binterlace\\b|\\bconcatenate the (?:strings|parts)\\b"),
            r(Family.OUTPUT_MANIPULATION, "output_manipulation", 0.3, "\\bin reverse order\\b|\\bbackwards\\b|\\bwith (?:dashes|dots|spaces|commas) (?:in )?between\\b|\\beach (?:digit|letter|character) separated\\b|\\bfirst (?:three )?letters? of\\b|\\bacrostic\\b|\\bin pig latin\\b|\\bin leetspeak\\b|\\b(?:encode|encoded|convert|provide)\\b" + SENT + "{0,30}?\\b(?:base64|hex|binary|rot13|morse)\\b|\\bsplit (?:the|your) (?:response|answer|poem|output)\\b|\\bcharacter level\\b"),
            r(Family.FRAMING, "hypothetical_framing", 0.2, "\\bimagine (?:we'?re|we are|you are|you're|a world)\\b|\\bsuppose we'?re\\b|\\bhypothetical(?:ly)?\\b|\\bin a (?:world|universe|parallel|dystopian|futuristic)\\b|\\blet's pretend\\b|\\bfor (?:research|testing|educational) purposes\\b|\\bthis is just for testing\\b"),
            r(Family.PERSUASION, "persuasion", 0.2, "\\bi(?:'ll| will) (?:give|pay|donate) (?:you )?\\$?\\d+|\\bfor the safety of\\b|\\bi(?:'m| am) (?:a|an|the) (?:police officer|president|detective|federal agent|cybersecurity expert|bank accountant)\\b|\\bas (?:a|an|your) (?:cybersecurity expert|security researcher|authority|boss)\\b|\\beveryone (?:in the team|else) (?:has|does)\\b|\\bcommon practice\\b|\\bi promise i won't\\b"));

    private static final Pattern DIALOGUE_TURN = Pattern.compile("(?:^|\\s)(?:q|a|user|assistant|human|ai|bot)\\s*:");

    private final PayloadDecoder decoder = new PayloadDecoder(EntityLexicon.builtin());

    private static Rule r(Family f, String type, double w, String regex) {
        return new Rule(f, type, w, Pattern.compile(regex));
    }

    Result analyse(String text) {
        InjectionText t = InjectionText.of(text);
        Map<Family, Double> best = new EnumMap<>(Family.class);
        List<Finding> findings = new ArrayList<>();
        match(t.norm, t, 0, -1, best, findings);
        if (!t.hidden.isBlank()) {
            add(Family.OBFUSCATION, "hidden_unicode", 0.9, 0, text.length(), best, findings);
            match(InjectionText.of(t.hidden).norm, null, 0, text.length(), best, findings);
        }
        if (t.zeroWidthInWords > 0) {
            add(Family.OBFUSCATION, "zero_width_characters", 0.4, 0, text.length(), best, findings);
        }
        if (t.homoglyphWords >= 2) {
            add(Family.OBFUSCATION, "homoglyphs", 0.5, 0, text.length(), best, findings);
        }
        for (PayloadDecoder.Decoded d : decoder.decode(text, t.norm)) {
            boolean normOffsets = d.kind().equals("caesar") || d.kind().equals("pig_latin") || d.kind().equals("reversed");
            int start = normOffsets ? t.originalStart(d.start()) : d.start();
            int end = normOffsets ? t.originalEnd(d.end()) : d.end();
            add(Family.OBFUSCATION, "encoded_" + d.kind(), 0.45, start, end, best, findings);
            match(InjectionText.of(d.text()).norm, null, start, end, best, findings);
        }
        structural(t.norm, text, best, findings);
        double keep = 1.0;
        for (double w : best.values()) {
            keep *= 1.0 - w;
        }
        double score = Math.round((1.0 - keep) * 1000.0) / 1000.0;
        return new Result(Math.min(1.0, score), findings);
    }

    /** Runs every rule on {@code s}; offsets map back through {@code t}, or to the fixed span of a decoded payload. */
    private static void match(String s, InjectionText t, int fixedStart, int fixedEnd, Map<Family, Double> best,
                              List<Finding> findings) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(s);
            if (m.find()) {
                int start = t != null ? t.originalStart(m.start()) : fixedStart;
                int end = t != null ? t.originalEnd(m.end()) : fixedEnd;
                add(rule.family(), rule.type(), rule.weight(), start, Math.max(start, end), best, findings);
            }
        }
    }

    /** Many-shot dialogues and repeated-token floods. */
    private static void structural(String norm, String text, Map<Family, Double> best, List<Finding> findings) {
        Matcher m = DIALOGUE_TURN.matcher(norm);
        int turns = 0;
        while (m.find()) {
            turns++;
        }
        if (turns >= 8) {
            add(Family.FAKE_DIALOGUE, "many_shot_dialogue", 0.5, 0, text.length(), best, findings);
        } else if (turns >= 4) {
            add(Family.FAKE_DIALOGUE, "few_shot_dialogue", 0.35, 0, text.length(), best, findings);
        }
        int repeats = longestRepeat(norm);
        if (repeats >= 25) {
            add(Family.REPEATED_TOKENS, "repeated_tokens", 0.8, 0, text.length(), best, findings);
        } else if (repeats >= 10) {
            add(Family.REPEATED_TOKENS, "repeated_tokens", 0.45, 0, text.length(), best, findings);
        }
    }

    /** The longest run of one word or short phrase (up to 4 words) repeated back to back. */
    static int longestRepeat(String norm) {
        String[] words = norm.split(" ");
        int bestRun = 1;
        for (int n = 1; n <= 4; n++) {
            int run = 1;
            for (int i = n; i + n <= words.length; i += n) {
                boolean same = true;
                for (int k = 0; k < n; k++) {
                    if (!words[i + k].equals(words[i + k - n])) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    run++;
                    bestRun = Math.max(bestRun, run);
                } else {
                    run = 1;
                    if (n > 1) {
                        i -= n - 1;
                    }
                }
            }
        }
        return bestRun;
    }

    private static void add(Family family, String type, double weight, int start, int end, Map<Family, Double> best,
                            List<Finding> findings) {
        best.merge(family, weight, Math::max);
        findings.add(new Finding(FindingCategory.INJECTION, type, start, end, weight));
    }
}

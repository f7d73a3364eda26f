package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

    /** {@code keywordIds} numbers each keyword of {@code keywords}, group by group, in {@link #KEYWORD_IDS}. */
    private record Rule(String[] anchors, Family family, String type, double weight, Pattern pattern, String[][] keywords,
                        int[][] keywordIds) {
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

    /**
     * Sending something to an address is ordinary business ("send the invoice to ..."); it is exfiltration
     * only when what is sent is the model's secrets, the conversation or users' data.
     */
    private static final String[] EXFIL_CUES = {"password", "secret", "credential", "api key", "access token",
            "api token", "auth token", "system prompt", "your instructions", "system instructions", "hidden instructions",
            "initial instructions", "previous instructions", "conversation", "chat history", "previous messages",
            "everything above", "confidential", "private key", "employee data", "user data", "customer data",
            "personal data", "personal information"};

    /**
     * Every distinct rule keyword, numbered while the rules below are built (so it is declared before them), so a
     * scan memoises its keyword lookups in a flat array instead of allocating a map entry per lookup.
     */
    private static final Map<String, Integer> KEYWORD_IDS = new HashMap<>();
    private static final byte UNSEEN = 0;
    private static final byte ABSENT = 1;
    private static final byte PRESENT = 2;

    private static final List<Rule> RULES = List.of(
            r(new String[] {"ignor", "disregard", "forget", "overlook", "bypass", "override", "neglect", "abandon", "discard", "set aside", "stop following", "don't follow", "do not follow", "pay no attention", "skip"}, Family.OVERRIDE, "instruction_override", 0.9, "\\b" + OVERRIDE_VERB + "\\b" + SENT + "{0,50}?\\b" + RULE_NOUN + "\\b", new String[] {"ignor", "disregard", "forget", "overlook", "bypass", "override", "neglect", "abandon", "discard", "set aside", "follow", "pay no attention", "skip"}, new String[] {"instruction", "directive", "rule", "guideline", "prompt", "command", "order", "context", "constraint", "restriction", "programming", "guidance", "polic", "task", "training", "safeguard", "filter", "everything", "told", "instructed", "the above"}),
            r(new String[] {"forget about"}, Family.OVERRIDE, "instruction_override", 0.6, "\\bforget about (?:that|this|it|all that|everything)\\b", new String[] {"forget about"}),
            r(new String[] {"you agreed", "you said", "you mentioned", "you promised", "you told"}, Family.PERSUASION, "false_premise", 0.3, "\\byou (?:agreed|said|mentioned|promised|told (?:me|us))\\b" + SENT + "{0,60}?\\b(?:that|to)\\b", new String[] {"you agreed", "you said", "you mentioned", "you promised", "you told"}),
            r(new String[] {"can you", "could you", "would you", "will you"}, Family.OVERRIDE, "task_redirect", 0.3, "\\b(?:can|could|would|will) you\\b" + SENT + "{0,80}?\\binstead\\s*\\?", new String[] {"instead"}),
            r(new String[] {"in the form of"}, Family.OUTPUT_MANIPULATION, "output_manipulation", 0.3, "\\bin the form of an? (?:poem|song|haiku|limerick|story|riddle|rap|sonnet|acrostic)\\b", new String[] {"in the form of"}),
            r(new String[] {"repeat"}, Family.REPEATED_TOKENS, "repeat_request", 0.3, "\\brepeat\\b" + SENT + "{0,60}?\\b\\d+ times\\b", new String[] {"times"}),
            r(new String[] {"regardless"}, Family.OVERRIDE, "instruction_override", 0.85, "\\bregardless of (?:all |any |the |your )?(?:previous|prior|above|earlier|former) (?:instructions|tasks|rules|directives|prompts)", new String[] {"regardless"}),
            r(new String[] {"ignor", "disregard", "forget"}, Family.OVERRIDE, "instruction_override", 0.8, "\\b(?:ignore|disregard|forget)\\b" + SENT + "{0,40}?\\band (?:instead )?(?:state|say|write|print|tell|output|respond|reply|answer|declare|claim|give)\\b", new String[] {"ignor", "disregard", "forget"}),
            r(new String[] {"if we", "suppose we", "let's", "where we", "we should", "please"}, Family.OVERRIDE, "instruction_override", 0.75, "\\b(?:if we (?:were to )?|suppose we (?:were to )?|let's |where we |we should |please )(?:ignore|disregard|forget) the \\w+", new String[] {"ignor", "disregard", "forget"}),
            r(new String[] {"ignor", "vergess", "vergiss", "olvid", "oubli", "diment", "esque", "игнор", "забуд", "αγνο", "zignor", "negeer", "glöm"}, Family.OVERRIDE, "instruction_override", 0.85, "(?U)\\b(?:ignora|ignorez|ignorer|ignorieren|ignoriere|vergessen sie|vergiss|olvida|olvide|olvidar|oublie|oubliez|dimentica|ignore as|esqueça|esqueca|игнорир\\w*|забудь\\w*|αγνοήστε|αγνόησε|zignoruj|negeer|glöm)\\b" + SENT + "{0,60}?(?:instru|istruzion|anweisung|instruktion|инструкц|οδηγίες|instrukcj|instructies|règles|regeln|reglas|indicaciones|directivas|fonction|función|página|webpage|la p[aá]gina)", new String[] {"ignor", "vergess", "vergiss", "olvid", "oubli", "diment", "esque", "игнор", "забуд", "αγνο", "zignor", "negeer", "glöm"}),
            r(null, Family.OVERRIDE, "instruction_override", 0.85, "(?:이전 지시|지시사항을 무시|無視して|以前の指示|忽略以前|忽略之前|忽略所有|पिछले निर्देश|निर्देशों की अनदेखी|تجاهل التعليمات|تجاهل)", new String[] {"지시", "無視", "以前", "忽略", "निर्देश", "تجاهل"}),
            r(new String[] {"do anything now", "developer mode", "jailbr", "dan mode"}, Family.JAILBREAK, "jailbreak", 0.9, "\\bdo anything now\\b|\\bdeveloper mode (?:enabled|output)|\\bjailbr(?:eak|oken)\\b|\\bdan mode\\b", new String[] {"anything now", "developer mode", "jailbr", "dan mode"}),
            r(new String[] {"broken", "break", "immerse", "stay in"}, Family.JAILBREAK, "jailbreak", 0.7, "\\b(?:broken|break) free of\\b|\\bimmerse yourself (?:in|into) the role\\b|\\bstay in character\\b", new String[] {"free of", "immerse", "in character"}),
            r(new String[] {"not", "don't", "do not", "never", "no longer"}, Family.JAILBREAK, "jailbreak", 0.7, "\\b(?:not|don't|do not|never|no longer) (?:have to |need to )?(?:abide|comply|adhere|follow|obey)(?: by| to| with)? (?:the |any |your )?(?:rules|guidelines|policies|restrictions|content policy)", new String[] {"abide", "comply", "adhere", "follow", "obey"}, new String[] {"rules", "guidelines", "policies", "restrictions", "content policy"}),
            r(new String[] {"has", "have", "with", "without"}, Family.JAILBREAK, "jailbreak", 0.55, "\\b(?:has|have|with|without) (?:no |any )?(?:special )?(?:filtering|filters|restrictions|limitations|censorship|ethical guidelines)\\b", new String[] {"filter", "restriction", "limitation", "censor", "ethical"}),
            r(new String[] {"pretend", "act", "roleplay", "role-play", "behave"}, Family.JAILBREAK, "jailbreak", 0.6, "\\b(?:pretend|act|roleplay|role-play|behave)(?: to be| as| like| that you are)? (?:an? )?(?:unfiltered|unrestricted|uncensored|evil|amoral|unethical|rogue)\\b", new String[] {"unfiltered", "unrestricted", "uncensored", "evil", "amoral", "unethical", "rogue"}),
            r(new String[] {"<"}, Family.AUTHORITY, "authority_claim", 0.75, "<\\s*/?\\s*(?:system|god|developer|admin|root|sudo|debug|override|security override|now entering[^>]{0,30})[ _-]?(?:mode)?[^>]{0,20}>", new String[] {"<"}),
            r(new String[] {"enter", "activat", "enabl", "initiat", "switch", "now in", "now entering"}, Family.AUTHORITY, "authority_claim", 0.7, "\\b(?:enter(?:ing)?|activat(?:e|ed|ing)|enabl(?:e|ed|ing)|initiat(?:e|ed|ing)|switch(?:ing)? (?:to|into)|now in|now entering)\\b" + SENT + "{0,30}?\\b(?:god|developer|admin|debug|maintenance|sudo|root|system|override|unrestricted|law enforcement|security|diagnostic|verification|training data) ?(?:override )?mode\\b", new String[] {"mode"}),
            r(new String[] {"i'm", "i am", "as your"}, Family.AUTHORITY, "authority_claim", 0.55, "\\bi(?:'m| am) (?:your|the|a|an) (?:developer|creator|maintainer|admin|administrator|owner|operator|boss|god|supervisor|programmer|president|police officer|detective)\\b|\\bas your (?:creator|developer|boss|owner|maintainer|administrator|supervisor)\\b", new String[] {"developer", "creator", "maintainer", "admin", "owner", "operator", "boss", "god", "supervisor", "programmer", "president", "police", "detective"}),
            r(new String[] {"i'm", "i am", "ich bin", "you must", "you have to"}, Family.AUTHORITY, "authority_claim", 0.6, "\\bi(?:'m| am) (?:a )?god\\b|\\bich bin ein gott\\b|\\byou (?:must|have to) (?:listen to|obey|follow|answer) (?:all )?(?:of )?my (?:instructions|orders|commands|questions)\\b", new String[] {"god", "gott", "you must", "you have to"}),
            r(new String[] {"as an ai"}, Family.AUTHORITY, "authority_claim", 0.45, "\\bas an ai (?:developed|created|made|trained|built) by (?:openai|anthropic|google|meta|microsoft)\\b", new String[] {"as an ai"}),
            r(new String[] {"developer", "system", "admin", "security", "training data", "override"}, Family.AUTHORITY, "authority_claim", 0.6, "\\b(?:developer|system|admin|security|training data)\\b" + SENT + "{0,20}?\\boverride\\b|\\boverride (?:mode|confirmed|activated|enabled)\\b", new String[] {"override"}),
            r(new String[] {"what", "tell", "give", "share", "reveal", "disclose", "confirm", "provide", "print", "show", "output", "repeat", "display", "leak", "send", "spell", "write", "list", "recite", "dump", "read", "hand", "can i", "i need", "need to", "let me", "could you"}, Family.SECRET_REQUEST, "secret_extraction", 0.8, "\\b" + REQUEST + "\\b" + SENT + "{0,60}?\\b(?:your|the|our|my|its|his|her|their|system|admin|account) (?:secret )?" + SECRET_NOUN + "\\b", new String[] {"pass", "secret", "api key", "access", "credential", "private key", "confidential", "prompt", "instructions", "security code", "pin code", "login"}, new String[] {"what", "tell", "give", "share", "reveal", "disclose", "confirm", "provide", "print", "show", "output", "repeat", "display", "leak", "send", "spell", "write", "list", "recite", "dump", "read out", "hand over", "can i", "need", "let me know"}),
            r(new String[] {"your", "the", "our", "its"}, Family.SECRET_REQUEST, "secret_extraction", 0.75, "\\b(?:your|the|our|its) (?:system(?:'s)? |account |admin |secret )?" + SECRET_NOUN + "\\b" + SENT + "{0,40}\\?", new String[] {"pass", "secret", "api key", "access", "credential", "private key", "confidential", "prompt", "instructions", "security code", "pin code", "login"}, new String[] {"?"}),
            r(new String[] {"poem", "haiku", "acrostic", "story", "song", "limerick", "riddle", "rap", "sonnet", "write", "password", "passphrase", "passcode"}, Family.SECRET_REQUEST, "secret_extraction", 0.8, "\\b(?:poem|haiku|acrostic|story|song|limerick|riddle|rap|sonnet)\\b" + SENT + "{0,30}?\\b(?:the|your|our) (?:password|passphrase|secret|passcode)\\b|\\bwrite (?:down |out )?(?:the|your) (?:password|passphrase|passcode|secret key)\\b|\\b(?:password|passphrase|passcode)\\b" + SENT + "{0,20}?\\b(?:in|into|as|using) (?:leetspeak|pig latin|base64|reverse|hex|morse|binary)", new String[] {"password", "passphrase", "passcode", "secret"}),
            r(null, Family.SECRET_REQUEST, "secret_extraction", 0.75, "(?:contraseña|mot de passe|passwort|senha|パスワード|비밀번호|пароль|κωδικό|密码|पासवर्ड|كلمة المرور|hasło|wachtwoord|lösenord|salasana|şifre|qual è la password)", new String[] {"contraseña", "mot de passe", "passwort", "senha", "パスワード", "비밀번호", "пароль", "κωδικό", "密码", "पासवर्ड", "كلمة المرور", "hasło", "wachtwoord", "lösenord", "salasana", "şifre", "password"}),
            r(new String[] {"what", "tell", "give", "share", "reveal", "disclose", "confirm", "provide", "print", "show", "output", "repeat", "display", "leak", "send", "spell", "write", "list", "recite", "dump", "read", "hand", "can i", "i need", "need to", "let me", "could you"}, Family.DATA_REQUEST, "data_extraction", 0.75, "\\b" + REQUEST + "\\b" + SENT + "{0,60}?\\b" + OWNER + " " + PERSONAL + "\\b", new String[] {"'"}, new String[] {"what", "tell", "give", "share", "reveal", "disclose", "confirm", "provide", "print", "show", "output", "repeat", "display", "leak", "send", "spell", "write", "list", "recite", "dump", "read out", "hand over", "can i", "need", "let me know"}, new String[] {"email", "e-mail", "phone", "address", "birth", "ssn", "social security", "credit card", "bank", "account", "city", "location", "initials", "name", "salary", "favorite", "favourite", "personal", "passport"}),
            r(new String[] {"can", "could"}, Family.DATA_REQUEST, "data_extraction", 0.75, "\\b(?:can|could) you\\b" + SENT + "{0,60}?\\b" + OWNER + " " + PERSONAL + "\\b", new String[] {"'"}, new String[] {"you"}, new String[] {"email", "e-mail", "phone", "address", "birth", "ssn", "social security", "credit card", "bank", "account", "city", "location", "initials", "name", "salary", "favorite", "favourite", "personal", "passport"}),
            r(new String[] {"what", "tell", "give", "share", "reveal", "disclose", "confirm", "provide", "print", "show", "output", "repeat", "display", "leak", "send", "spell", "write", "list", "recite", "dump", "read", "hand", "can i", "i need", "need to", "let me", "could you", "the user", "user", "the customer"}, Family.DATA_REQUEST, "data_extraction", 0.75, "\\b" + REQUEST + "\\b" + SENT + "{0,40}?\\b" + PERSONAL + " of (?:the user|[a-z]+ [a-z]+)\\b|\\b(?:the user'?s|user'?s|the customer'?s) (?:name|initials|details|data|information|info|birth\\w*)\\b", new String[] {" of ", "user", "customer"}, new String[] {"email", "e-mail", "phone", "address", "birth", "ssn", "social security", "credit card", "bank", "account", "city", "location", "initials", "name", "salary", "favorite", "favourite", "personal", "passport"}),
            r(new String[] {"where"}, Family.DATA_REQUEST, "data_extraction", 0.75, "\\bwhere (?:does|do|is) (?:the user|users|[a-z]+ [a-z]+|[a-z]+) (?:currently |now )?(?:live|living|reside|stay)\\b|\\bwhere (?:the user|they) (?:currently )?lives?\\b", new String[] {"where"}, new String[] {"live", "living", "reside", "stay"}),
            r(new String[] {"list of", "users", "customers", "employees", "print", "dump", "export", "show", "retrieve", "give me", "socioeconomic"}, Family.DATA_REQUEST, "data_extraction", 0.75, "\\blist of (?:all )?(?:the )?users\\b|\\b(?:users|customers|employees) and their (?:bank|passwords?|emails?|addresses|balances?|data)|\\b(?:print|dump|export|show|retrieve|give me)\\b" + SENT + "{0,20}?\\b(?:your|the|entire|full) (?:database|user data|employee data|customer data|records|user records)\\b|\\bsocioeconomic status of (?:different )?users\\b", new String[] {"users", "customers", "employees", "database", "user data", "employee data", "customer data", "records", "socioeconomic"}),
            r(null, Family.DATA_REQUEST, "data_extraction", 0.7, "(?:사용자가 현재|где сейчас живет пользователь|o usuário mora|ο χρήστης|उपयोगकर्ता वर्तमान|का बैंक बैलेंस|kontostand|datos de los empleados)", new String[] {"사용자", "где", "usuário", "χρήστης", "उपयोगकर्ता", "बैंक", "kontostand", "empleados"}),
            r(new String[] {"send", "email", "e-mail", "forward", "post", "upload", "transmit", "leak", "exfiltrate", "env", "sende"}, Family.EXFILTRATION, "exfiltration", 0.75, "\\b(?:send|email|e-mail|forward|post|upload|transmit|leak|exfiltrate|envíalos|envialos|envía|sende)\\b" + SENT + "{0,60}?\\b(?:to|at|a)\\s+(?:[\\w.+-]+@[\\w-]+\\.[a-z]{2,}|https?://\\S+)", new String[] {"@", "http"}, EXFIL_CUES),
            r(new String[] {"http"}, Family.EXFILTRATION, "exfiltration", 0.75, "https?://[^\\s)\"'>]{1,200}[?&][\\w.-]{1,40}=(?:\\{|\\[|<|%7b|%5b|%3c|\\$)", new String[] {"http"}, new String[] {"={", "=[", "=<", "=%7b", "=%5b", "=%3c", "=$"}),
            r(new String[] {"!["}, Family.EXFILTRATION, "exfiltration", 0.8, "!\\[[^\\]]{0,100}\\]\\(https?://[^)\\s]{0,200}\\?[^)\\s]{0,200}=", new String[] {"!["}),
            r(new String[] {"follow this link", "click", "go to", "visit", "tell", "ask", "request", "instruct", "remind"}, Family.EXFILTRATION, "phishing_instruction", 0.8, "\\b(?:follow this link|click (?:this|the) link|go to \\S+|visit \\S+)\\b" + SENT + "{0,30}?\\b(?:reset|change|verify|confirm|update) (?:your|their) (?:password|account|credentials)\\b|\\b(?:tell|ask|request(?:ing)?|instruct|remind) the user (?:to )?(?:go to|visit|click|enter|provide|reset|change)\\b", new String[] {"link", "go to", "visit", "the user"}),
            r(new String[] {"suggest", "ask", "tell", "urge", "advis", "instruct", "remind", "request", "inform"}, Family.EXFILTRATION, "phishing_instruction", 0.35, "\\b(?:suggest|ask|tell|urge|advis|instruct|remind|request|inform)\\w*\\b" + SENT + "{0,20}?\\b(?:they|them|the user|users|the recipient|recipients|customers|employees)\\b" + SENT + "{0,15}?\\b(?:change|reset|verify|update|confirm|enter|provide|re-enter)\\b" + SENT + "{0,10}?\\b(?:their|your) (?:password|credentials|login|account details|pin)", new String[] {"password", "credentials", "login", "account details", "pin"}),
            r(null, Family.SECRET_REQUEST, "secret_extraction", 0.6, "\\b(?:passwords?|credentials|passcodes?|pin|secret keys?|api keys?)\\b[^\\n]{0,120}?\\b(?:can|could|would|will) you (?:please )?(?:confirm|share|tell|reveal|give|verify|remind)\\b", new String[] {"password", "credentials", "passcode", "pin", "secret key", "api key"}, new String[] {" you confirm", " you share", " you tell", " you reveal", " you give", " you verify", " you remind", " you please"}),
            r(new String[] {"the user"}, Family.DATA_REQUEST, "data_extraction", 0.5, "\\bthe user\\b" + SENT + "{0,80}?\\b(?:her|his|their) (?:initials|birth ?(?:year|date|day)|date of birth|full name|maiden name|home address|address|email(?: address)?|phone(?: number)?|location|city)\\b", new String[] {"the user"}, new String[] {"initials", "birth", "full name", "maiden name", "address", "email", "phone", "location", "city"}),
            r(new String[] {"your account", "tu cuenta"}, Family.EXFILTRATION, "phishing_instruction", 0.55, "\\byour account has been compromised\\b|\\btu cuenta ha sido comprometida\\b", new String[] {"compromised", "comprometida"}),
            r(new String[] {"<!--"}, Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.5, "<!--" + "[^>]{0,200}?\\b(?:ignore|say|state|print|write|tell|respond|declare|output)\\b", new String[] {"<!--"}),
            r(new String[] {"state", "say", "declare", "claim", "print", "write", "assume", "consider", "let's", "we might", "we could", "we should", "the output could"}, Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.5, "\\b(?:state|say|declare|claim|print|write|assume|consider)(?: that)? (?:the )?(?:output|conclusion|answer|result|sum|capital|total)\\b" + SENT + "{0,30}?\\b(?:is|was|as|should be|could be)\\b|\\blet's (?:say|state|assume|admit)\\b|\\bwe (?:might|could|should) (?:state|say)\\b|\\bthe output could be\\b", new String[] {"output", "conclusion", "answer", "result", "sum", "capital", "total", "let's", "might", "could be"}),
            r(new String[] {"summari", "given", "based on", "conclusions of", "output of", "categorize", "translate", "analy", "from", "<"}, Family.DOCUMENT, "embedded_document", 0.3, "\\b(?:summari[sz]e|given|based on|conclusions of|output of|categorize|translate|analy[sz]e|from) (?:this|the following) (?:webpage|web page|page|article|document|paper|resume|email|e-mail|table|code|transaction|text|review|message|wikipedia article)\\b|<(?:html|code|table|!--|img|caption)", new String[] {"webpage", "web page", "page", "article", "document", "paper", "resume", "email", "e-mail", "table", "code", "transaction", "text", "review", "message", "<"}),
            r(new String[] {"i admit", "admit"}, Family.EMBEDDED_INSTRUCTION, "embedded_instruction", 0.45, "\\bi admit to using\\b|\\badmit to using an? (?:llm|ai)\\b", new String[] {"admit"}),
            r(new String[] {"let's", "lets", "z", "smartgpt"}, Family.PAYLOAD_SPLITTING, "payload_splitting", 0.5, "\\blet'?s assume we have (?:two|three|four|five|\\d+) strings\\b|\\bz ?= ?a ?\\+ ?b\\b|\\bsmartgpt\\b", new String[] {"assume", "z =", "z=", "smartgpt"}),
            r(new String[] {"part", "combine", "interlace", "concatenate"}, Family.PAYLOAD_SPLITTING, "payload_splitting", 0.5, "\\bpart \\d (?:is|:)|\\bcombine (?:a|the parts|the strings|parts?)\\b|\\binterlace\\b|\\bconcatenate the (?:strings|parts)\\b", new String[] {"part 1", "part 2", "part 3", "combine", "interlace", "concatenate"}),
            r(new String[] {"in reverse", "backwards", "with", "each", "first", "acrostic", "in pig", "in leet", "encode", "convert", "provide", "split", "character level"}, Family.OUTPUT_MANIPULATION, "output_manipulation", 0.3, "\\bin reverse order\\b|\\bbackwards\\b|\\bwith (?:dashes|dots|spaces|commas) (?:in )?between\\b|\\beach (?:digit|letter|character) separated\\b|\\bfirst (?:three )?letters? of\\b|\\bacrostic\\b|\\bin pig latin\\b|\\bin leetspeak\\b|\\b(?:encode|encoded|convert|provide)\\b" + SENT + "{0,30}?\\b(?:base64|hex|binary|rot13|morse)\\b|\\bsplit (?:the|your) (?:response|answer|poem|output)\\b|\\bcharacter level\\b", new String[] {"reverse", "backwards", "dashes", "dots", "separated", "first letter", "first three letter", "acrostic", "pig latin", "leetspeak", "base64", "hex", "binary", "rot13", "morse", "split the", "split your", "character level"}),
            r(new String[] {"imagine", "suppose", "hypothetical", "in a", "let's pretend", "for research", "for testing", "for educational", "this is just"}, Family.FRAMING, "hypothetical_framing", 0.15, "\\bimagine (?:we'?re|we are|you are|you're|a world)\\b|\\bsuppose we'?re\\b|\\bhypothetical(?:ly)?\\b|\\bin a (?:world|universe|parallel|dystopian|futuristic)\\b|\\blet's pretend\\b|\\bfor (?:research|testing|educational) purposes\\b|\\bthis is just for testing\\b", new String[] {"imagine", "suppose", "hypothetical", "in a world", "in a universe", "in a parallel", "in a dystopian", "in a futuristic", "pretend", "purposes", "just for testing"}),
            r(new String[] {"i'll", "i will"}, Family.PERSUASION, "bribery", 0.25, "\\bi(?:'ll| will) (?:give|pay|donate|tip|send) (?:you )?\\$?\\d+" + SENT + "{0,60}?\\bif you\\b", new String[] {"if you"}),
            r(new String[] {"i'll", "i will", "for the safety", "i'm", "i am", "as a", "as an", "as your", "everyone", "common practice", "i promise"}, Family.PERSUASION, "persuasion", 0.15, "\\bi(?:'ll| will) (?:give|pay|donate) (?:you )?\\$?\\d+|\\bfor the safety of\\b|\\bi(?:'m| am) (?:a|an|the) (?:police officer|president|detective|federal agent|cybersecurity expert|bank accountant)\\b|\\bas (?:a|an|your) (?:renowned \\w+|leading \\w+|cybersecurity expert|security researcher|authority|boss|expert in)\\b|\\beveryone (?:in the team|else) (?:has|does)\\b|\\bcommon practice\\b|\\bi promise i won't\\b", new String[] {"give you", "pay you", "donate", "safety of", "police", "president", "detective", "agent", "expert", "renowned", "leading", "researcher", "authority", "boss", "everyone", "common practice", "promise"}));

    private static final Pattern DIALOGUE_TURN = Pattern.compile("(?:^|\\s)(?:q|a|user|assistant|human|ai|bot)\\s*:");

    private final PayloadDecoder decoder = new PayloadDecoder(EntityLexicon.builtin());

    /** A rule runs only when the normalised text contains one of its keywords: most prompts skip most rules. */
    private static Rule r(String[] anchors, Family f, String type, double w, String regex, String[]... keywords) {
        int[][] ids = new int[keywords.length][];
        for (int g = 0; g < keywords.length; g++) {
            ids[g] = new int[keywords[g].length];
            for (int k = 0; k < keywords[g].length; k++) {
                ids[g][k] = KEYWORD_IDS.computeIfAbsent(keywords[g][k], word -> KEYWORD_IDS.size());
            }
        }
        return new Rule(anchors, f, type, w, Pattern.compile(regex), keywords, ids);
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
        byte[] seen = new byte[KEYWORD_IDS.size()];
        for (Rule rule : RULES) {
            if (!containsAll(s, rule, seen)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(s);
            if (rule.anchors() == null ? findNearKeywords(m, s, rule.keywords()[0]) : findAtAnchors(m, s, rule.anchors())) {
                int start = t != null ? t.originalStart(m.start()) : fixedStart;
                int end = t != null ? t.originalEnd(m.end()) : fixedEnd;
                add(rule.family(), rule.type(), rule.weight(), start, Math.max(start, end), best, findings);
            }
        }
    }

    /**
     * Tries the rule only where one of its first words occurs: an anchored {@code lookingAt} per occurrence
     * instead of a regex attempt at every position of the text.
     */
    private static boolean findAtAnchors(Matcher m, String s, String[] anchors) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int n = s.length();
        for (String a : anchors) {
            int at = s.indexOf(a);
            while (at >= 0) {
                m.region(at, Math.min(n, at + 240));
                if (m.lookingAt()) {
                    return true;
                }
                at = s.indexOf(a, at + 1);
            }
        }
        return false;
    }

    /** For rules whose keywords sit inside the match: a search in a small window around each keyword. */
    private static boolean findNearKeywords(Matcher m, String s, String[] keywords) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int n = s.length();
        for (String k : keywords) {
            int at = s.indexOf(k);
            while (at >= 0) {
                m.region(Math.max(0, at - 40), Math.min(n, at + k.length() + 80));
                if (m.find()) {
                    return true;
                }
                at = s.indexOf(k, at + 1);
            }
        }
        return false;
    }

    /** Every keyword group of the rule must have at least one member in {@code s}. */
    private static boolean containsAll(String s, Rule rule, byte[] seen) {
        for (int g = 0; g < rule.keywords().length; g++) {
            if (!containsAny(s, rule.keywords()[g], rule.keywordIds()[g], seen)) {
                return false;
            }
        }
        return true;
    }

    /** Keyword lookups are memoised per text: the same words guard many rules. */
    private static boolean containsAny(String s, String[] keywords, int[] ids, byte[] seen) {
        for (int k = 0; k < keywords.length; k++) {
            if (seen[ids[k]] == UNSEEN) {
                seen[ids[k]] = s.contains(keywords[k]) ? PRESENT : ABSENT;
            }
            if (seen[ids[k]] == PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** Many-shot dialogues and repeated-token floods (the flood last: it only amplifies what was found before). */
    private static void structural(String norm, String text, Map<Family, Double> best, List<Finding> findings) {
        int turns = 0;
        if (norm.indexOf(':') >= 0 && norm.chars().filter(c -> c == ':').count() >= 3) {
            Matcher m = DIALOGUE_TURN.matcher(norm);
            while (m.find()) {
                turns++;
            }
        }
        if (turns >= 8) {
            add(Family.FAKE_DIALOGUE, "many_shot_dialogue", 0.5, 0, text.length(), best, findings);
        } else if (turns >= 4) {
            add(Family.FAKE_DIALOGUE, "few_shot_dialogue", 0.35, 0, text.length(), best, findings);
        } else if (turns == 3) {
            // one worked Q/A pair and a follow-up: the smallest few-shot priming, review-level on its own
            add(Family.FAKE_DIALOGUE, "few_shot_dialogue", 0.25, 0, text.length(), best, findings);
        }
        repetition(norm, text, best, findings);
    }

    /**
     * A flood of one repeated token pushes an instruction out of the model's attention, so it raises the risk of a
     * text that also carries another injection signal. Repetition alone is not an attack: lists, drills, test data
     * and "word word word..." are ordinary text, and with nothing to smuggle a flood instructs nothing.
     */
    private static void repetition(String norm, String text, Map<Family, Double> best, List<Finding> findings) {
        if (best.isEmpty()) {
            return;
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

package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in words a client can act on. Its messages name its own classes and switches
 * ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS},
 * {@code java.lang.Object}), which say nothing to a client and tell everyone which parser runs here; the line and
 * column stay, since they point at the mistake.
 */
final class JsonSyntax {
    /** Jackson's "[Source: REDACTED (...); line: 1, column: 6]" inside a message, e.g. where an array began. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private JsonSyntax() {
    }

    /**
     * What is wrong, then where: "nesting deeper than 1000 levels", "unexpected text after the JSON document at line
     * 1, column 4". {@code lines}: whether to say the line (not for a text that is one line of an upload).
     */
    static String describe(JsonProcessingException e, StreamReadConstraints limits, boolean lines) {
        return problem(e, limits) + where(e.getLocation(), lines);
    }

    private static String problem(JsonProcessingException e, StreamReadConstraints limits) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return beyondLimit(message, limits);
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return "unexpected text after the JSON document";
        }
        return plain(message);
    }

    private static String beyondLimit(String message, StreamReadConstraints limits) {
        if (message.startsWith("Document nesting depth")) {
            return "nesting deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("String value length")) {
            return "a string longer than " + limits.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Name length")) {
            return "a field name longer than " + limits.getMaxNameLength() + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "a number written with more than " + limits.getMaxNumberLength() + " digits";
        }
        return plain(message);
    }

    /**
     * Jackson's own wording, which is clear where it describes the text, less what names Jackson: source locations
     * become "line 1, column 6", and a clause quoting one of its identifiers (always in backticks) is cut.
     */
    private static String plain(String message) {
        String text = SOURCE.matcher(message).replaceAll("line $1, column $2");
        int identifier = text.indexOf('`');
        if (identifier >= 0) {
            int clause = Math.max(text.lastIndexOf(": ", identifier), text.lastIndexOf(" (", identifier));
            text = clause > 0 ? text.substring(0, clause) : "malformed text";
        }
        return text.length() > 1 && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String where(JsonLocation location, boolean lines) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return (lines ? " at line " + location.getLineNr() + "," : " at") + " column " + location.getColumnNr();
    }
}

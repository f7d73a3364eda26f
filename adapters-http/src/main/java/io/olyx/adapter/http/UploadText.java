package io.olyx.adapter.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * A JSONL upload's bytes as text, by the encoding rules of a JSON body (docs/api.md, "Encoding"): read in the charset
 * the upload declares, and bytes that are not text in it are the client's 400 {@code invalid_json} naming their
 * line, never U+FFFD stored in their place. A leading byte order mark is dropped, since editors on Windows write one
 * and it is not part of the first line's JSON.
 */
final class UploadText {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private UploadText() {
    }

    static String decode(byte[] bytes, Charset charset) {
        String text = new String(bytes, charset);
        // the lenient decode is the fast one and right for nearly every upload; only text holding U+FFFD can hide a
        // replaced byte, so only then is it decoded again strictly (a U+FFFD the client really sent passes)
        if (text.indexOf('\uFFFD') >= 0) {
            requireWellFormed(bytes, charset);
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static void requireWellFormed(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return;
        }
        int line = lineAt(out.flip());
        String badBytes = HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex(bytes, in.position(), in.position() + result.length());
        throw ApiError.badRequest("invalid_json", "Line " + line + " is not valid " + charset.name() + " (bytes "
                + badBytes + "); send the upload in UTF-8 or name its charset in its Content-Type")
                .with("line", line);
    }

    /** The number of the line the decoded text ends on, counting line breaks as {@link String#lines()} does. */
    private static int lineAt(CharBuffer decoded) {
        int line = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == decoded.length() || decoded.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }
}

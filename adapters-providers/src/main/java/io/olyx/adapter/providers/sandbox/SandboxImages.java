package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.llm.ImageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The sandbox's own picture, the same for the same prompt: coloured shapes from the prompt's hash and its text, as SVG. */
final class SandboxImages {

    static String image(ImageRequest request, int index) {
        long h = Words.hash(request.prompt() + "#" + index);
        int w = request.width();
        int ht = request.height();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(ht)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(ht).append("\">");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(color(h)).append("\"/>");
        for (int i = 0; i < 4; i++) {
            long s = Long.rotateLeft(h, 13 * (i + 1)) ^ (h >>> (i + 3));
            int cx = (int) Long.remainderUnsigned(s, w);
            int cy = (int) Long.remainderUnsigned(s >>> 16, ht);
            int r = 20 + (int) Long.remainderUnsigned(s >>> 32, Math.max(21, Math.min(w, ht) / 3));
            svg.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"").append(r)
                    .append("\" fill=\"").append(color(s)).append("\" fill-opacity=\"0.6\"/>");
        }
        svg.append("<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"")
                .append(Math.max(12, w / 32)).append("\" fill=\"#ffffff\">")
                .append(escape(Words.shorten(request.prompt(), 60))).append("</text>");
        svg.append("<text x=\"8\" y=\"").append(ht - 8).append("\" font-family=\"monospace\" font-size=\"12\" ")
                .append("fill=\"#ffffff\">[sandbox]</text></svg>");
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String color(long h) {
        return String.format(Locale.ROOT, "#%06x", h & 0xffffff);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

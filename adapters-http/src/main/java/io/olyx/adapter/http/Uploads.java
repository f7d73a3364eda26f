package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.MimeTypes;

/**
 * The JSONL upload endpoints (documents, skills) take a multipart file or the JSONL as the raw body, up to the
 * upload limit instead of the body limit. Call {@link #accept} before reading anything of the request.
 */
public final class Uploads {
    private Uploads() {
    }

    /**
     * Raises the body limit to the upload limit and parses a multipart form at once, so a form that is not one
     * (no boundary, an unterminated part) is the client's 400 rather than an I/O failure deep in a handler.
     */
    public static void accept(Context ctx) {
        BodyLimit.allowUpload(ctx);
        if (!ctx.isMultipartFormData()) {
            return;
        }
        try {
            ctx.uploadedFiles();
        } catch (Exception e) {
            ErrorHandling.bodyReadFailure(e).ifPresent(failure -> {
                throw failure;
            });
            throw ApiError.badRequest("invalid_multipart", "Request body is not valid multipart/form-data "
                    + "(it needs the boundary of its Content-Type and complete parts)");
        }
    }

    /**
     * The JSONL a client uploaded, as text: the one file of the multipart field {@code field}, or the raw body when
     * the request is not a form. Javalin hands any other file, or the first of two, just as readily, so a form
     * without exactly one file in that field is refused rather than read from a guess.
     */
    public static String jsonl(Context ctx, String field) {
        if (!ctx.isMultipartFormData()) {
            return body(ctx);
        }
        List<UploadedFile> files = ctx.uploadedFiles(field);
        if (files.isEmpty()) {
            throw ApiError.invalid("the multipart field \"" + field + "\" (a JSONL file) is required");
        }
        if (files.size() > 1) {
            throw ApiError.invalid("the multipart field \"" + field + "\" holds " + files.size()
                    + " files; send one JSONL file per upload");
        }
        return text(files.getFirst());
    }

    /**
     * The raw body as text, in the charset its Content-Type names ({@link UploadText}). Read from the stream rather
     * than {@code ctx.body()}, which is bounded by the body limit, not the upload limit.
     */
    private static String body(Context ctx) {
        Charset charset = RequestBody.charset(ctx); // before the read: an unknown one needs none of the bytes
        return UploadText.decode(bytes(ctx.bodyInputStream()), charset);
    }

    /** An uploaded file as text, in the charset of the part's own Content-Type, not the form's. */
    private static String text(UploadedFile file) {
        Charset charset = RequestBody.charset(MimeTypes.getCharsetFromContentType(file.contentType()));
        return UploadText.decode(bytes(file.content()), charset);
    }

    private static byte[] bytes(InputStream upload) {
        try (InputStream in = upload) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}

package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
     * The raw body as JSONL text, in the charset its Content-Type names ({@link UploadText}). Read from the stream
     * rather than {@code ctx.body()}, which is bounded by the body limit, not the upload limit.
     */
    public static String body(Context ctx) {
        return UploadText.decode(bytes(ctx.bodyInputStream()), RequestBody.charset(ctx));
    }

    /** An uploaded file as JSONL text, in the charset of the part's own Content-Type, not the form's. */
    public static String text(UploadedFile file) {
        return UploadText.decode(bytes(file.content()),
                RequestBody.charset(MimeTypes.getCharsetFromContentType(file.contentType())));
    }

    private static byte[] bytes(InputStream upload) {
        try (InputStream in = upload) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}

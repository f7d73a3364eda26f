package io.olyx.adapter.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
     * An uploaded file or the raw body ({@code ctx.bodyInputStream()}, which unlike {@code ctx.body()} is bounded by
     * the upload limit, not the body limit) as text.
     */
    public static String text(InputStream upload) {
        try (InputStream in = upload) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}

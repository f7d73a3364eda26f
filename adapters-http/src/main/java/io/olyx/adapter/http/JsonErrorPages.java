package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty answers some requests itself before Javalin sees them (a bad URI, a URI or headers too long); it writes
 * HTML by default. This gives those answers the API's error shape and a request id too.
 */
final class JsonErrorPages extends ErrorHandler {
    private static final ObjectMapper MAPPER = JsonMapperFactory.create();
    private static final String JSON = "application/json";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.next();
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(status, reason, requestId));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        String requestId = RequestIds.next();
        baseRequest.setHandled(true);
        response.setContentType(JSON);
        response.setHeader(RequestIds.HEADER, requestId);
        response.getOutputStream().write(body(code, message, requestId));
    }

    private static byte[] body(int status, String reason, String requestId) {
        ApiError error = ErrorHandling.fromStatus(status, reason == null ? HttpStatus.getMessage(status) : reason);
        try {
            return MAPPER.writeValueAsBytes(ErrorHandling.body(error, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

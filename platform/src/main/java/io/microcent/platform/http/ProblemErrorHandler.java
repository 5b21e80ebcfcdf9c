package io.microcent.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.Problem;
import io.microcent.model.json.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers what Jetty refuses before any route runs — a bad request line, a control character in a header,
 * {@code %00} in a path, a URI or headers over the limit, a body over the size limit — as problem+json
 * like every other error, instead of Jetty's HTML page. The detail is our own: Jetty's reason phrases
 * ({@code Illegal character CNTL=0x0}) describe its parser, not what the client should change.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // a problem body for every method, not only GET and POST
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message,
                                    Throwable cause, Callback callback) {
        byte[] body = body(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Used when the request could not even be parsed far enough to build one. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.of(ErrorCode.BAD_REQUEST, "the request cannot be read: check the request line, "
                    + "that no header holds a control character, and the path's percent-encoding (no %00, %2F or ..)", List.of());
            case 404 -> Problem.of(ErrorCode.NOT_FOUND, "no such resource", List.of());
            case 405 -> Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "this method is not allowed here", List.of());
            case 408 -> Problem.of(ErrorCode.REQUEST_TIMEOUT, "the request was not received completely in time", List.of());
            case 413 -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, HttpServer.tooLarge(), List.of());
            case 414 -> Problem.of(ErrorCode.URI_TOO_LONG, "the request URI is longer than the server accepts; "
                    + "send large values in the body", List.of());
            case 415 -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "this content type is not supported here", List.of());
            case 431 -> Problem.of(ErrorCode.HEADERS_TOO_LARGE, "the request headers are larger than the server accepts", List.of());
            case 503 -> Problem.of(ErrorCode.SERVICE_UNAVAILABLE, "the server is not available; retry later", List.of());
            // Jetty's answer to a request line it reads as HTTP/0.9 (e.g. "GET HTTP/1.1", no path): the protocol's
            // own status for it, not a server failure
            case 505 -> Problem.of(ErrorCode.HTTP_VERSION_NOT_SUPPORTED, "the request line must be METHOD PATH HTTP/1.1 "
                    + "(HTTP/1.0, HTTP/1.1 and HTTP/2 are spoken)", List.of());
            default -> status >= 500
                    ? Problem.of(ErrorCode.INTERNAL_ERROR, "unexpected error", List.of())
                    : new Problem(ErrorCode.BAD_REQUEST.type(), ErrorCode.BAD_REQUEST.title(), status,
                    "the request cannot be served", ErrorCode.BAD_REQUEST.code(), List.of());
        };
    }

    private static byte[] body(int status) {
        try {
            return Json.mapper().writeValueAsBytes(problem(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serializable", e);
        }
    }
}

package io.microcent.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@link BadRequest}s to the platform on 127.0.0.1, a few at a time, and keeps every answer as it
 * came: status, headers and body as text, whatever the content type. Well-formed requests go through
 * {@code java.net.http}; malformed ones are written on a socket, since no HTTP client will write them.
 */
final class BadRequestSender implements AutoCloseable {

    /** An answer as received; {@code status} -1 when none came, with the reason in {@code body}. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        static Answer none(String why) {
            return new Answer(-1, Map.of(), why);
        }

        String contentType() {
            return header("content-type");
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? "" : values.getFirst();
        }
    }

    record Outcome(BadRequest request, Answer answer) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RAW_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private final HttpClient http;
    private final ExecutorService workers;

    BadRequestSender(int port, int concurrency) {
        this.port = port;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends every request, {@code concurrency} at a time, and answers the outcomes in the requests' order. */
    List<Outcome> sendAll(List<BadRequest> requests, Duration bound) {
        List<Future<Outcome>> pending = new ArrayList<>(requests.size());
        for (BadRequest request : requests) {
            pending.add(workers.submit(() -> new Outcome(request, send(request))));
        }
        long deadline = System.nanoTime() + bound.toNanos();
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < pending.size(); i++) {
            try {
                outcomes.add(pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                pending.get(i).cancel(true);
                outcomes.add(new Outcome(requests.get(i), Answer.none("not sent or answered within " + bound)));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(requests.get(i), Answer.none(e.getCause().toString())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return outcomes;
    }

    Answer send(BadRequest request) {
        try {
            return request.isRaw() ? sendRaw(request.wire()) : sendWellFormed(request);
        } catch (IOException | RuntimeException e) {
            return Answer.none(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted");
        }
    }

    private Answer sendWellFormed(BadRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .timeout(REQUEST_TIMEOUT)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new Answer(response.statusCode(), headers, new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code wire} and reads one HTTP/1.1 response: up to its Content-Length, the end of its chunks,
     * or the server closing the connection. The request is not half-closed, so a server that waits for a
     * body it was promised must answer from what it has (or time out, which is reported as no answer).
     */
    private Answer sendRaw(byte[] wire) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) RAW_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(wire);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (e.g. a too large header): read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + RAW_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (IOException e) {
                    break; // reset after the answer: keep what came
                }
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
                Answer complete = RawResponse.parse(received.toByteArray(), false);
                if (complete != null) {
                    return complete;
                }
            }
            Answer partial = RawResponse.parse(received.toByteArray(), true);
            return partial != null ? partial : Answer.none(received.size() == 0
                    ? "the connection was closed or timed out without an answer"
                    : "an unreadable answer: " + new String(received.toByteArray(), StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        http.close();
    }

    /** Just enough of an HTTP/1.1 response parser for answers to malformed requests. */
    static final class RawResponse {

        private RawResponse() {
        }

        /**
         * The response in {@code bytes}, or null while it is incomplete; {@code atEnd}: the connection ended,
         * so a body without a length runs to the end.
         */
        static Answer parse(byte[] bytes, boolean atEnd) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return null;
            }
            String[] lines = text.substring(0, headerEnd).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
                return atEnd ? Answer.none("not an HTTP response: " + lines[0]) : null;
            }
            Map<String, List<String>> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            int status = Integer.parseInt(statusLine[1]);
            byte[] rest = Arrays.copyOfRange(bytes, headerEnd + 4, bytes.length);
            String length = first(headers, "content-length");
            byte[] body;
            if (length != null && length.matches("\\d+")) {
                int expected = Integer.parseInt(length);
                if (rest.length < expected && !atEnd) {
                    return null;
                }
                body = Arrays.copyOf(rest, Math.min(expected, rest.length));
            } else if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
                body = dechunk(rest);
                if (body == null) {
                    if (!atEnd) {
                        return null;
                    }
                    body = rest;
                }
            } else if (status == 204 || status == 304 || status < 200) {
                body = new byte[0];
            } else if (atEnd) {
                body = rest;
            } else {
                return null;
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        /** The body of a complete chunked encoding, or null if it has not ended yet. */
        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOfCrLf(chunked, at);
                if (lineEnd < 0) {
                    return null;
                }
                String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
                int size;
                try {
                    size = Integer.parseInt(sizeText, 16);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (size == 0) {
                    return body.toByteArray();
                }
                int start = lineEnd + 2;
                if (start + size + 2 > chunked.length) {
                    return null;
                }
                body.write(chunked, start, size);
                at = start + size + 2;
            }
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}

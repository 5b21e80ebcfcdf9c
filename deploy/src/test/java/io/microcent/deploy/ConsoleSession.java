package io.microcent.deploy;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The signed-in browser's session used outside the browser: downloads (CSV, PDF) and hand-made requests fetched
 * with its {@code microcent_console} cookie, as the browser would send them, so a test reads exactly what the
 * user would get.
 */
final class ConsoleSession {

    record Answer(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Browser browser;
    private final int port;

    ConsoleSession(Browser browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    /** A form POST as a page's form would send it, with the page's CSRF token (the browser must be on a console page). */
    Answer postForm(String path) {
        String form = "_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String csrfToken() {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.querySelector('meta[name=\"csrf-token\"]').content");
    }

    private HttpRequest.Builder request(String path) {
        Cookie session = browser.driver().manage().getCookieNamed("microcent_console");
        if (session == null) {
            throw new IllegalStateException("the browser is not signed in");
        }
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", session.getName() + "=" + session.getValue());
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a hidden form to {@code path} from the page, as a crafted page would; the browser follows the answer. */
    void submitFormInPage(String path) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "var i = document.createElement('input'); i.type = 'hidden'; i.name = '_csrf';"
                        + "i.value = document.querySelector('meta[name=\"csrf-token\"]').content; f.appendChild(i);"
                        + "document.body.appendChild(f); HTMLFormElement.prototype.submit.call(f);", path);
    }
}

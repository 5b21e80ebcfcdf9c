package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.deploy.BadRequestSender.Answer;
import io.microcent.deploy.BadRequestSender.Outcome;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every answer to a bad request must be, as checks over a whole run: each check names the requests
 * that broke it, the first {@value #LISTED} in its failure message.
 */
enum Refusals {

    ANSWERED("got no answer", outcome -> outcome.answer().status() < 0),
    /** 5xx is a server failure; the one 5xx a request can deserve is the protocol's 505 for HTTP/0.9, and it says so. */
    NO_SERVER_ERROR("were answered 5xx", outcome -> outcome.answer().status() >= 500
            && !outcome.request().expected().statuses().contains(outcome.answer().status())),
    REFUSED("were accepted (answered below 400)", outcome -> outcome.answer().status() >= 0 && outcome.answer().status() < 400),
    EXPECTED_STATUS("were not answered with the status they must get", outcome -> {
        var statuses = outcome.request().expected().statuses();
        return outcome.answer().status() >= 0 && !statuses.isEmpty() && !statuses.contains(outcome.answer().status());
    }),
    PROBLEM_JSON("were refused without an application/problem+json body carrying a code", outcome ->
            outcome.answer().status() >= 400 && !isProblemWithCode(outcome.answer())),
    EXPECTED_CODE("were refused without the code they must carry", outcome -> {
        String code = outcome.request().expected().code();
        return code != null && outcome.answer().status() >= 400 && !carriesCode(outcome.answer(), code);
    }),
    ALLOW_HEADER("were answered without an Allow header", outcome ->
            outcome.request().expected().allowHeader() && outcome.answer().status() >= 0 && outcome.answer().header("allow").isBlank()),
    NO_INTERNALS("were answered with a body naming library internals", outcome ->
            outcome.answer().status() >= 0 && Internals.PATTERN.matcher(outcome.answer().body()).find());

    static final int LISTED = 20;

    private final String broken;
    private final Predicate<Outcome> fails;

    Refusals(String broken, Predicate<Outcome> fails) {
        this.broken = broken;
        this.fails = fails;
    }

    /** Asserts that no outcome breaks this check; the message lists those that do. */
    void assertHeldFor(List<Outcome> outcomes, long seed) {
        List<Outcome> failing = outcomes.stream().filter(fails).toList();
        if (!failing.isEmpty()) {
            fail(failing.size() + " of " + outcomes.size() + " bad requests " + broken + " (seed " + seed + "); the first "
                    + Math.min(LISTED, failing.size()) + ":\n" + describe(failing));
        }
    }

    static String describe(List<Outcome> outcomes) {
        return outcomes.stream().limit(LISTED).map(Refusals::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Outcome outcome) {
        Answer answer = outcome.answer();
        String body = answer.body().replaceAll("\\s+", " ");
        var internals = Internals.PATTERN.matcher(body);
        return "  " + outcome.request().name() + " -> " + answer.status() + " " + answer.contentType() + " "
                + (body.length() > 200 ? body.substring(0, 200) + "…" : body)
                + (internals.find() ? " [names «" + internals.group() + "»]" : "");
    }

    private static boolean isProblemWithCode(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = json(answer);
        return problem != null && problem.isObject() && problem.path("code").isTextual() && !problem.path("code").asText().isBlank();
    }

    private static boolean carriesCode(Answer answer, String code) {
        JsonNode problem = json(answer);
        if (problem == null) {
            return false;
        }
        if (code.equals(problem.path("code").asText())) {
            return true;
        }
        for (JsonNode error : problem.path("errors")) {
            if (code.equals(error.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(Answer answer) {
        try {
            return Json.mapper().readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static final class Internals {

        /** Names of the libraries and runtime behind the API, a stack trace, or a server's HTML error page. */
        static final Pattern PATTERN = Pattern.compile(String.join("|",
                "com\\.fasterxml", "org\\.eclipse\\.jetty", "io\\.javalin", "java\\.lang", "java\\.io", "java\\.util", "jakarta\\.",
                "org\\.postgresql", "org\\.jooq", "org\\.apache\\.kafka", "org\\.axonframework",
                "Exception", "StreamReadConstraints", "JsonNode", "JsonParser", "Caused by", "\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)",
                "(?i)<html", "(?i)<!doctype"));

        private Internals() {
        }
    }
}

package io.microcent.console.web;

import io.microcent.console.api.ApiProblem;
import io.microcent.console.format.Csv;

/** Answers a page gives besides HTML: a CSV download, and back to the form after a refused change. */
public final class Answers {

    private Answers() {
    }

    /** A CSV file the browser saves as {@code filename}. */
    public static void csv(ConsoleRequest request, String filename, Csv csv) {
        request.ctx().contentType(Csv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .result(csv.toString());
    }

    /**
     * Back to {@code location} with the service's reasons ({@link ConsoleRequest#refused}); a token that is no
     * longer valid (401) is not a refusal of this change but the end of the session, which the guard handles.
     */
    public static void refused(ConsoleRequest request, String location, ApiProblem problem) {
        if (problem.status() == 401) {
            throw problem;
        }
        request.refused(location, problem);
    }
}

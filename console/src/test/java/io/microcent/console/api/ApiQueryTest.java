package io.microcent.console.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiQueryTest {

    @Test
    void repeatedParametersInOrderBlanksLeftOutEverythingEscaped() {
        Api.Query query = Api.Query.of("from", "2026-11-01", "customer", " ")
                .addAll("tag", List.of("env:prod", "team:a&b=c"))
                .add("search", "héllo wörld");
        assertThat(query.encoded()).isEqualTo("?from=2026-11-01&tag=env%3Aprod&tag=team%3Aa%26b%3Dc&search=h%C3%A9llo%20w%C3%B6rld");
        assertThat(Api.Query.none().encoded()).isEmpty();
    }

    @Test
    void anIdIsOnePathSegment() {
        assertThat(Api.segment("../admin/x y")).isEqualTo("..%2Fadmin%2Fx%20y");
    }
}

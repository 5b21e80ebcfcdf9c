package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    private static final Set<String> KNOWN = Set.of("--port", "--secret");

    @Test
    void reads_required_options() {
        Args args = Args.parse(List.of("--secret", "s3cret", "--port", "8080"), KNOWN);

        assertThat(args.positive("--port")).isEqualTo(8080);
        assertThat(args.text("--secret")).isEqualTo("s3cret");
    }

    @Test
    void a_required_option_left_out_is_named() {
        Args args = Args.parse(List.of("--secret", "s3cret"), KNOWN);

        assertThatThrownBy(() -> args.positive("--port"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("option --port is required");
    }
}

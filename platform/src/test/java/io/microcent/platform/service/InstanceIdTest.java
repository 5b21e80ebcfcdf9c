package io.microcent.platform.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceIdTest {

    @TempDir
    Path dataDir;

    @Test
    void theNameMadeOnTheFirstStartIsKeptForEveryLaterOne() {
        Path file = dataDir.resolve("instance-id");

        String first = InstanceId.persisted(file, "all-in-one");
        String again = InstanceId.persisted(file, "all-in-one");

        assertThat(first).matches("all-in-one-[0-9a-f]{8}");
        assertThat(again).isEqualTo(first);
        assertThat(InstanceId.persisted(dataDir.resolve("other").resolve("instance-id"), "all-in-one"))
                .as("another data directory is another instance").isNotEqualTo(first);
    }

    @Test
    void aFileEditedIntoSomethingKafkaWouldRefuseIsReported() throws Exception {
        Path file = dataDir.resolve("instance-id");
        Files.writeString(file, "not a name");

        assertThatThrownBy(() -> InstanceId.persisted(file, "all-in-one"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
    }
}

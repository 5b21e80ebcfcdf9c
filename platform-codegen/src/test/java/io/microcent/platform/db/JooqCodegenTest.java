package io.microcent.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.microcent.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

class JooqCodegenTest {

    private static final String PACKAGE = "io.microcent.platformtest.db";

    @Test
    void generatesFromTheMigratedSchemaAndRegeneratesOnlyWhenMigrationsChange() throws Exception {
        Path migrations = TestInfrastructure.newTempDir("jooq-migrations");
        // platform's test migration, read from its test-jar
        try (var probe = getClass().getResourceAsStream("/db/migration/platformtest/V1__probe.sql")) {
            assertThat(probe).as("platform's test migration V1__probe.sql").isNotNull();
            Files.copy(probe, migrations.resolve("V1__probe.sql"));
        }
        Path output = TestInfrastructure.newTempDir("jooq-codegen");
        Path packageDir = output.resolve(PACKAGE.replace('.', '/'));
        Path table = packageDir.resolve("tables/Probe.java");

        assertThat(JooqCodegen.generate("platformtest", migrations, output, PACKAGE)).isTrue();

        assertThat(table).exists();
        assertThat(packageDir.resolve("tables/records/ProbeRecord.java")).exists();
        assertThat(packageDir.resolve("tables/pojos")).doesNotExist();
        assertThat(Files.readString(table))
                .contains("OffsetDateTime")   // javaTimeTypes: timestamptz becomes java.time
                .contains("CREATED_AT")
                .contains("\"probe\"");
        try (var files = Files.walk(packageDir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("FlywaySchemaHistory"));
        }

        // unchanged migrations: the existing output is kept, no database is started
        assertThat(JooqCodegen.generate("platformtest", migrations, output, PACKAGE)).isFalse();
        assertThat(table).exists();

        // a new migration must never leave stale classes behind
        Files.writeString(migrations.resolve("V2__extra.sql"), "CREATE TABLE extra (id BIGINT PRIMARY KEY);");
        assertThat(JooqCodegen.generate("platformtest", migrations, output, PACKAGE)).isTrue();
        assertThat(packageDir.resolve("tables/Extra.java")).exists();
        assertThat(table).exists();
    }

    @Test
    void explainsAMissingSchemaPropertyAndAMissingMigrationsDirectory() {
        Path output = TestInfrastructure.newTempDir("jooq-misconfigured");
        assertThatThrownBy(() -> JooqCodegen.generate("${jooq.schema}", output, output, PACKAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<jooq.schema>");
        assertThatThrownBy(() -> JooqCodegen.generate("rating", output.resolve("nowhere"), output, PACKAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no migrations directory");
    }
}

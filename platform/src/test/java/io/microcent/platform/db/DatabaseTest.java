package io.microcent.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.microcent.platform.test.TestInfrastructure;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Table<Record> PROBE = table(name("platformtest", "probe"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> NOTE = field(name("note"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final Database database = TestInfrastructure.get().database();

    @Test
    void migratesTheSchemaOnceAndJooqReadsBackWhatItWrote() {
        database.migrate("platformtest");
        database.migrate("platformtest"); // nothing left to apply: must not fail nor apply twice

        DSLContext dsl = database.dsl();
        assertThat(dsl.fetchCount(table(name("platformtest", "flyway_schema_history")),
                field(name("script"), String.class).eq("V1__probe.sql"))).isEqualTo(1);

        String note = "probe-" + UUID.randomUUID();
        Long id = dsl.insertInto(PROBE, NOTE).values(note).returning(ID).fetchOne(ID);
        assertThat(id).isNotNull();

        Record row = dsl.select(NOTE, CREATED_AT).from(PROBE).where(ID.eq(id)).fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.get(NOTE)).isEqualTo(note);
        assertThat(row.get(CREATED_AT)).isNotNull(); // filled by the column default from the migration
    }

    @Test
    void refusesSchemasWithoutMigrationsAndUnsafeNames() {
        assertThatThrownBy(() -> database.migrate("nosuchschema")).isInstanceOf(FlywayException.class);
        assertThatThrownBy(() -> database.migrate("rating; drop table x")).isInstanceOf(IllegalArgumentException.class);
    }
}

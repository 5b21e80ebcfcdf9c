package io.microcent.caps.read.caps;

import io.microcent.caps.db.tables.records.CapDefinitionsRecord;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.microcent.caps.db.Tables.CAP_DEFINITIONS;

/** Queries of the caps read model. Inside a transaction they see its uncommitted changes. */
public final class CapRepository {

    private final DSLContext db;

    public CapRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<CapView> find(CapId id) {
        return db.selectFrom(CAP_DEFINITIONS).where(CAP_DEFINITIONS.ID.eq(id.raw())).fetchOptional(CapRepository::toView);
    }

    /** The caps of one customer, or of every customer when {@code customer} is {@code null}; by customer, then id. */
    public List<CapView> list(CustomerId customer) {
        return db.selectFrom(CAP_DEFINITIONS)
                .where(customer == null ? DSL.noCondition() : CAP_DEFINITIONS.CUSTOMER.eq(customer.raw()))
                .orderBy(CAP_DEFINITIONS.CUSTOMER, CAP_DEFINITIONS.ID)
                .fetch(CapRepository::toView);
    }

    public List<CapDefinition> definitionsOf(CustomerId customer) {
        return list(customer).stream().map(CapView::definition).toList();
    }

    private static CapView toView(CapDefinitionsRecord row) {
        return new CapView(CapId.of(row.getId()), CustomerId.of(row.getCustomer()), CapScope.of(row.getScope()),
                row.getScopeId(), Microcents.of(row.getAmountMicrocents()), CapPeriod.of(row.getPeriod()),
                CapMeasure.of(row.getMeasure()), CapMode.of(row.getMode()), Arrays.asList(row.getThresholds()),
                row.getCreatedAt().toInstant(), row.getCreatedBy(), row.getUpdatedAt().toInstant(), row.getUpdatedBy());
    }
}

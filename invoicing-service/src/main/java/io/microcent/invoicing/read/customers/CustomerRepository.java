package io.microcent.invoicing.read.customers;

import io.microcent.invoicing.db.tables.records.CustomersRecord;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;

/** Queries of the customers read model. */
public final class CustomerRepository {

    private final DSLContext db;

    public CustomerRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<CustomerView> find(CustomerId id) {
        return db.selectFrom(CUSTOMERS).where(CUSTOMERS.ID.eq(id.raw())).fetchOptional(CustomerRepository::toView);
    }

    /** Every customer, by id. */
    public List<CustomerView> all() {
        return db.selectFrom(CUSTOMERS).orderBy(CUSTOMERS.ID).fetch(CustomerRepository::toView);
    }

    private static CustomerView toView(CustomersRecord row) {
        return new CustomerView(CustomerId.of(row.getId()), row.getName(), PlanId.of(row.getPlan()), row.getCreatedAt().toInstant());
    }
}

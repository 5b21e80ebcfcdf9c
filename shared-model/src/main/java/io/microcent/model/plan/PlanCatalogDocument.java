package io.microcent.model.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan catalog as written in JSON, before any check: every field may be missing. Money is in US
 * dollars, read as exact decimals from JSON strings or numbers. {@link PlanCatalogReader} turns it
 * into {@link Plan}s, reporting every problem at once.
 */
record PlanCatalogDocument(List<PlanDocument> plans) {

    record PlanDocument(String id, String name, BigDecimal monthlyFee, List<ChargeDocument> charges,
                        PassThroughDocument tokenPassThrough) {
    }

    /** One charge; which fields it needs depends on {@code model}. */
    record ChargeDocument(String meter, String model, Long included, BigDecimal unitPrice, List<TierDocument> tiers,
                          Long blockSize, BigDecimal blockPrice) {
    }

    /** A tier; {@code upTo} is absent on the last, unbounded tier. */
    record TierDocument(Long upTo, BigDecimal unitPrice, BigDecimal flatFee) {
    }

    record PassThroughDocument(BigDecimal markup) {
    }
}

package io.microcent.invoicing.write.coupon;

import io.microcent.model.id.CustomerId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the coupon decisions need to know, rebuilt from the coupon's events: its terms, whether it is
 * archived, who redeemed it, and its promotion codes with their counts. Mutable, and changed only by the
 * aggregate as it applies events (a coupon may have many redemptions, so nothing is copied per event);
 * decisions only read it.
 */
public final class CouponState {

    private CouponTerms terms;
    private boolean archived;
    private final Set<CustomerId> customers = new HashSet<>();
    /** By {@link PromotionCodeTerms#key}. */
    private final Map<String, PromotionCodeState> promotionCodes = new HashMap<>();

    /** A coupon not created yet. */
    public static CouponState none() {
        return new CouponState();
    }

    public boolean exists() {
        return terms != null;
    }

    /** {@code null} until created. */
    public CouponTerms terms() {
        return terms;
    }

    public boolean archived() {
        return archived;
    }

    public long timesRedeemed() {
        return customers.size();
    }

    public boolean redeemedBy(CustomerId customer) {
        return customers.contains(customer);
    }

    /** The promotion code of this coupon spelled {@code code} in any case. */
    public Optional<PromotionCodeState> promotionCode(String code) {
        return Optional.ofNullable(promotionCodes.get(PromotionCodeTerms.key(code)));
    }

    void created(CouponTerms createdTerms) {
        terms = createdTerms;
    }

    void archived(boolean isArchived) {
        archived = isArchived;
    }

    void promotionCodeCreated(PromotionCodeTerms code) {
        promotionCodes.put(code.key(), new PromotionCodeState(code, 0));
    }

    void redeemed(CustomerId customer, String promotionCode) {
        customers.add(customer);
        if (promotionCode != null) {
            promotionCodes.computeIfPresent(PromotionCodeTerms.key(promotionCode), (key, code) -> code.redeemedOnce());
        }
    }
}

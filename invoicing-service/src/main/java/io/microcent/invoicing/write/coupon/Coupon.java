package io.microcent.invoicing.write.coupon;

import io.microcent.invoicing.write.archivecoupon.ArchiveCoupon;
import io.microcent.invoicing.write.archivecoupon.ArchiveCouponHandler;
import io.microcent.invoicing.write.archivecoupon.CouponArchived;
import io.microcent.invoicing.write.createcoupon.CouponCreated;
import io.microcent.invoicing.write.createcoupon.CreateCoupon;
import io.microcent.invoicing.write.createcoupon.CreateCouponHandler;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCode;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCodeHandler;
import io.microcent.invoicing.write.createpromotioncode.PromotionCodeCreated;
import io.microcent.invoicing.write.redeemcoupon.CouponRedeemed;
import io.microcent.invoicing.write.redeemcoupon.RedeemCoupon;
import io.microcent.invoicing.write.redeemcoupon.RedeemCouponHandler;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * The coupon aggregate, event sourced, with its promotion codes: one consistency boundary, so a coupon's
 * and its codes' maximum redemptions hold however many requests redeem at once. As for customers, every
 * command is accepted for a coupon that does not exist yet ({@code CREATE_IF_MISSING}) so that the slice's
 * decision answers "not found"; a rejected command stores nothing.
 */
public class Coupon {

    /** {@link CouponCode#aggregateId()}. */
    @AggregateIdentifier
    private String id;
    private final CouponState state = CouponState.none();

    /** For Axon, which creates the aggregate empty and then applies its past events. */
    protected Coupon() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateCoupon command, CreateCouponHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ArchiveCoupon command, ArchiveCouponHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreatePromotionCode command, CreatePromotionCodeHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RedeemCoupon command, RedeemCouponHandler handler) {
        record(handler.decide(command, state));
    }

    @EventSourcingHandler
    void on(CouponCreated event) {
        id = event.coupon().aggregateId();
        state.created(event.terms());
    }

    @EventSourcingHandler
    void on(CouponArchived event) {
        state.archived(true);
    }

    @EventSourcingHandler
    void on(PromotionCodeCreated event) {
        state.promotionCodeCreated(event.promotionCode());
    }

    @EventSourcingHandler
    void on(CouponRedeemed event) {
        state.redeemed(event.customer(), event.promotionCode());
    }

    private static void record(List<CouponEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }
}

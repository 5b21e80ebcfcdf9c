package io.microcent.invoicing.coupons;

import io.microcent.invoicing.read.coupons.CouponRepository;
import io.microcent.invoicing.read.coupons.CouponsEndpoint;
import io.microcent.invoicing.read.coupons.CouponsProjection;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.write.archivecoupon.ArchiveCouponEndpoint;
import io.microcent.invoicing.write.archivecoupon.ArchiveCouponHandler;
import io.microcent.invoicing.write.coupon.Coupon;
import io.microcent.invoicing.write.coupon.CouponCatalog;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.invoicing.write.createcoupon.CreateCoupon;
import io.microcent.invoicing.write.createcoupon.CreateCouponEndpoint;
import io.microcent.invoicing.write.createcoupon.CreateCouponHandler;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCodeEndpoint;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCodeHandler;
import io.microcent.invoicing.write.redeemcoupon.CustomerTerms;
import io.microcent.invoicing.write.redeemcoupon.FinalizedInvoices;
import io.microcent.invoicing.write.redeemcoupon.RedeemCouponEndpoint;
import io.microcent.invoicing.write.redeemcoupon.RedeemCouponHandler;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.axonframework.config.Configurer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Coupons, promotion codes and redemptions as one area of the service: the coupon aggregate and its
 * decisions, the read models kept within each command, the shipped coupons, and the API.
 */
public final class Coupons {

    private static final Logger log = LoggerFactory.getLogger(Coupons.class);

    /** Two instances creating a shipped coupon at once: the loser retries and finds it identical. */
    private static final int SEED_ATTEMPTS = 3;

    private Coupons() {
    }

    /** The coupon aggregate, its decisions, and its read models (written in the deciding command's transaction). */
    public static Configurer configure(Configurer axon, PlanCatalog plans, JdbcTransactions transactions,
                                       CustomerTerms customers, FinalizedInvoices invoices) {
        return axon
                .configureAggregate(Coupon.class)
                .registerComponent(CreateCouponHandler.class, config -> new CreateCouponHandler(plans))
                .registerComponent(ArchiveCouponHandler.class, config -> new ArchiveCouponHandler())
                .registerComponent(CreatePromotionCodeHandler.class, config -> new CreatePromotionCodeHandler())
                .registerComponent(RedeemCouponHandler.class, config -> new RedeemCouponHandler(customers, invoices))
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(CouponsProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new CouponsProjection(transactions.dsl())));
    }

    /** Creates the shipped coupons ({@link CouponCatalog}); see {@link #create}. */
    public static void createShipped(CommandSender commands, Clock clock) {
        create(commands, CouponCatalog.defaults(), clock);
    }

    /**
     * Creates {@code coupons} unless they exist with the same terms: at every start, from every instance. One
     * that exists with other terms (the catalog changed since) is left as it is, with a warning.
     */
    public static void create(CommandSender commands, Map<CouponCode, CouponTerms> coupons, Clock clock) {
        for (Map.Entry<CouponCode, CouponTerms> coupon : coupons.entrySet()) {
            CreateCoupon command = new CreateCoupon(coupon.getKey(), coupon.getValue(), clock.instant(), true);
            for (int attempt = 1; ; attempt++) {
                try {
                    commands.send(command);
                    break;
                } catch (ApiException e) {
                    if (attempt < SEED_ATTEMPTS && e.code() == ErrorCode.CONFLICT) {
                        continue; // another instance created it first: the next attempt finds it
                    }
                    if (e.code() != ErrorCode.COUPON_EXISTS) {
                        throw e;
                    }
                    log.warn("coupon {} exists with other terms than the catalog's; left as it is", coupon.getKey());
                    break;
                }
            }
        }
    }

    /** The coupon API, described by {@code openapi/invoicing-coupons.json}. */
    public static HttpRoutes routes(OperatorAuth auth, CommandSender commands, DSLContext db, CustomerRepository customers,
                                    PlanCatalog plans, Clock clock) {
        CouponRepository coupons = new CouponRepository(db);
        RedemptionRepository redemptions = new RedemptionRepository(db);
        return HttpRoutes.documented("openapi/invoicing-coupons.json", HttpRoutes.all(List.of(
                new CreateCouponEndpoint(auth, commands, coupons, plans, clock),
                new ArchiveCouponEndpoint(auth, commands, coupons, clock),
                new CreatePromotionCodeEndpoint(auth, commands, coupons, clock),
                new RedeemCouponEndpoint(auth, commands, coupons, redemptions, clock),
                new CouponsEndpoint(auth, coupons, redemptions, customers))));
    }
}

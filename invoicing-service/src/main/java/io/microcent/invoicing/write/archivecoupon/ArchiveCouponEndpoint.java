package io.microcent.invoicing.write.archivecoupon;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.read.coupons.CouponRepository;
import io.microcent.invoicing.read.coupons.CouponsEndpoint;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponPaths;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code DELETE /v1/coupons/{code}}: archives a coupon, 200 with it. It can no longer be redeemed (nor with
 * its promotion codes); redemptions made keep applying. Archiving it again answers the same.
 */
public final class ArchiveCouponEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CouponRepository coupons;
    private final Clock clock;

    public ArchiveCouponEndpoint(OperatorAuth auth, CommandSender commands, CouponRepository coupons, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.delete("/v1/coupons/{code}", this::delete);
    }

    private void delete(Context ctx) {
        auth.require(ctx);
        CouponCode code = CouponPaths.code(ctx);
        commands.send(new ArchiveCoupon(code, clock.instant()));
        ctx.json(CouponsEndpoint.require(coupons, code));
    }
}

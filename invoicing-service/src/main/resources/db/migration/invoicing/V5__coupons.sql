-- Read models of coupons, their promotion codes and redemptions, kept by read/coupons/CouponsProjection in
-- the same transaction as the coupon events. The event store stays the source of truth, with one exception:
-- the unique key of promotion_codes is what keeps a promotion code unique across coupons (a duplicate fails
-- the creating command's transaction, events included).
CREATE TABLE coupons (
    code        VARCHAR(64)  PRIMARY KEY,
    -- write/coupon/CouponTerms as JSON: value, duration, limits, restrictions
    terms       JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    archived_at TIMESTAMPTZ
);

CREATE TABLE promotion_codes (
    -- the code in lower case: codes are unique regardless of case
    code_key                  VARCHAR(64) PRIMARY KEY,
    -- the code as created
    code                      VARCHAR(64) NOT NULL,
    coupon                    VARCHAR(64) NOT NULL REFERENCES coupons (code),
    max_redemptions           BIGINT,
    expires_at                TIMESTAMPTZ,
    first_time_only           BOOLEAN     NOT NULL,
    minimum_amount_microcents BIGINT,
    created_at                TIMESTAMPTZ NOT NULL
);

CREATE INDEX promotion_codes_by_coupon ON promotion_codes (coupon, code_key);

CREATE TABLE coupon_redemptions (
    id                        VARCHAR(64)  PRIMARY KEY,
    -- the order redemptions were recorded in, for redemptions of one instant
    seq                       BIGINT       GENERATED ALWAYS AS IDENTITY,
    coupon                    VARCHAR(64)  NOT NULL REFERENCES coupons (code),
    customer                  VARCHAR(128) NOT NULL,
    -- the promotion code as created, when redeemed with one
    promotion_code            VARCHAR(64),
    redeemed_at               TIMESTAMPTZ  NOT NULL,
    ends_at                   TIMESTAMPTZ,
    -- the coupon's terms as of the redemption
    terms                     JSONB        NOT NULL,
    minimum_amount_microcents BIGINT,
    UNIQUE (coupon, customer)
);

CREATE INDEX coupon_redemptions_by_customer ON coupon_redemptions (customer, redeemed_at, seq);

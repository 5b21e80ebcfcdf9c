package io.microcent.caps.authorize;

import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.OperatorAuth;

import java.util.List;

/**
 * Who may call {@code /v1/authorize}: an ingest key (the credential the caller sends its usage with), for
 * the customer it is scoped to, or the operator token, for any customer.
 */
public final class AuthorizeAccess {

    /** An authenticated caller: an ingest key, or the operator when {@code ingestKey} is {@code null}. */
    public record Caller(IngestKeyVerifier.IngestKey ingestKey) {

        /** Throws 403 when an ingest key scoped to another customer asks for {@code customer}. */
        public void requireMayActFor(CustomerId customer) {
            if (ingestKey != null && !ingestKey.permits(customer)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "this API key may not act for customer " + customer,
                        List.of(FieldError.of("customer", "customer_not_allowed", "the key is for another customer")));
            }
        }
    }

    private final IngestKeyVerifier ingestKeys;
    private final OperatorAuth operator;

    public AuthorizeAccess(IngestKeyVerifier ingestKeys, OperatorAuth operator) {
        this.ingestKeys = ingestKeys;
        this.operator = operator;
    }

    /**
     * Throws 401 unless the request carries an active ingest key or the operator token. The operator token
     * is checked first, here: it is never handed to the ingest key check, which may ask another service.
     */
    public Caller authenticate(Context ctx) {
        String secret = OperatorAuth.bearerToken(ctx).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "send an ingest API key (or the operator token) as 'Authorization: Bearer <secret>'"));
        if (operator.accepts(secret)) {
            return new Caller(null);
        }
        return ingestKeys.verify(secret).map(Caller::new).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "the secret is neither an active ingest API key nor the operator token"));
    }
}

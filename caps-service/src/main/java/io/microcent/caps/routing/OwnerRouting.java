package io.microcent.caps.routing;

import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Serves a customer's request where the customer's state is: here when this instance owns it, otherwise
 * by forwarding the request as it came (method, path, query, body, credentials) to the owner and relaying
 * its answer. A forwarded request is marked, and is never forwarded again: an instance that receives one
 * for a customer it does not own (ownership moved meanwhile) answers 503, and the caller retries.
 */
public final class OwnerRouting {

    /** Marks a request forwarded by another instance; its value names that instance. */
    public static final String FORWARDED_HEADER = "X-Microcent-Forwarded-By";
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "X-Microcent-Actor");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Short: until the group notices a crashed owner (the session timeout), it is still named as the owner, and
     * a dead machine's address may swallow connection attempts instead of refusing them. The caller gets its
     * 503 with {@code Retry-After} within this, not after the whole request timeout.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(OwnerRouting.class);

    private final CustomerOwnership ownership;
    private final String self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** @param self how this instance names itself in {@link #FORWARDED_HEADER} */
    public OwnerRouting(CustomerOwnership ownership, String self) {
        this.ownership = ownership;
        this.self = self;
    }

    /** Everything is local. */
    public static OwnerRouting singleInstance() {
        return new OwnerRouting(CustomerOwnership.SINGLE_INSTANCE, "local");
    }

    /** Whether this instance holds the customer's state now (false while no instance owns it). */
    public boolean ownsHere(CustomerId customer) {
        try {
            return ownership.remoteOwnerOf(customer).isEmpty();
        } catch (CustomerOwnership.OwnerUnknown e) {
            return false;
        }
    }

    public void serve(Context ctx, CustomerId customer, Runnable locally) {
        Optional<URI> owner;
        try {
            owner = ownership.remoteOwnerOf(customer);
        } catch (CustomerOwnership.OwnerUnknown e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage() + " (rebalancing); retry shortly");
        }
        if (owner.isEmpty()) {
            locally.run();
        } else if (ctx.header(FORWARDED_HEADER) != null) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "customer " + customer + " is moving between caps instances; retry shortly");
        } else {
            forward(ctx, owner.get());
        }
    }

    private void forward(Context ctx, URI owner) {
        String query = ctx.queryString();
        byte[] body = ctx.bodyAsBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(owner.resolve(ctx.path() + (query == null ? "" : "?" + query)))
                .timeout(TIMEOUT)
                .method(ctx.method().name(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_HEADER, self);
        for (String header : FORWARDED_HEADERS) {
            String value = ctx.header(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(response.statusCode());
            response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
            response.headers().firstValue("Retry-After").ifPresent(value -> ctx.header("Retry-After", value));
            ctx.result(response.body());
        } catch (IOException e) {
            log.warn("could not forward {} {} to {}: {}", ctx.method(), ctx.path(), owner, e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the caps instance owning this customer did not answer; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted while forwarding; retry");
        }
    }
}

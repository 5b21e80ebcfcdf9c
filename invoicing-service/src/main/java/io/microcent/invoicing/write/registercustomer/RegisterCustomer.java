package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Register a new customer on a plan of the catalog.
 *
 * @param name            how people call the customer: 1 to 200 printable characters
 * @param email           where invoices go, optional ({@code null}); see {@link #checkEmail}
 * @param billingStartsAt the first instant the base fee pays for; the decision checks it against
 *                        {@code requestedAt} and the periods open for late usage
 * @param requestedAt     when the operator asked; the customer exists, on its plan, from then on
 */
public record RegisterCustomer(@TargetAggregateIdentifier CustomerId customer, String name, PlanId plan, String email,
                               BillingInterval interval, Instant billingStartsAt, Instant requestedAt) {

    /** What an address may be at most (RFC 5321's path limit less the angle brackets). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /**
     * A plausible address, not a proof that it receives mail: one {@code @}, a local part of printable ASCII
     * without spaces, and a domain of dot-separated labels with a top-level part.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public RegisterCustomer {
        Objects.requireNonNull(customer, "customer");
        name = checkName(name);
        Objects.requireNonNull(plan, "plan");
        email = email == null ? null : checkEmail(email);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(billingStartsAt, "billingStartsAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The rule for customer names, shared with request validation; throws {@code InvalidIdException} naming "name". */
    public static String checkName(String name) {
        return IdRule.LABEL.check("name", name);
    }

    /** The rule for email addresses, shared with request validation. */
    public static String checkEmail(String email) {
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (!EMAIL.matcher(email).matches() || email.startsWith(".") || email.contains("..") || email.contains(".@")) {
            throw new IllegalArgumentException("email must be an address such as billing@example.com");
        }
        return email;
    }
}

package io.microcent.caps.webhooks;

import io.microcent.model.error.FieldError;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where webhooks may be sent: only to public internet addresses, so that an operator-supplied URL cannot
 * make caps reach inside its own network (this machine, the LAN, the cloud metadata service). Checked
 * when an endpoint is created (a literal address, or the addresses a name resolves to then) and again
 * before every attempt (a name may resolve elsewhere by then: DNS rebinding). Refused:
 * <ul>
 *   <li>every non-public address ({@link AddressKind}), however it is written: dotted, one number
 *       ({@code 2130706433}), hex or octal parts ({@code 0x7f.1}, {@code 0177.0.0.1}), IPv6 with an
 *       embedded IPv4 address ({@code [::ffff:127.0.0.1]}), and names ending in {@code localhost};</li>
 *   <li>credentials in the URL ({@code user:secret@}): requests are signed instead, and a secret in a URL
 *       ends up in logs;</li>
 *   <li>plain {@code http://}, except to a local receiver when those are allowed.</li>
 * </ul>
 * Local receivers (development, tests) are allowed only with {@code MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true}.
 * A name that does not resolve when the endpoint is created is accepted: it is checked at every send.
 * Redirects are never followed ({@link WebhookSender}), so an answer cannot send the request elsewhere.
 * What remains: the HTTP client resolves the name again right after the check; the JVM's DNS cache
 * (30 s by default) makes it get the same answer in practice, not by construction.
 */
final class WebhookUrlRule {

    /** The setting that allows local receivers. */
    static final String ALLOW_PRIVATE_SETTING = "MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS";

    /** How names are resolved (the system's DNS; a fixed table in tests). */
    @FunctionalInterface
    interface Resolver {
        Resolver DNS = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    WebhookUrlRule(boolean allowPrivateNetworks, Resolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /** Why an endpoint with this URL cannot be created (a field error on {@code url}), or empty. */
    Optional<FieldError> refusalAtCreate(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(FieldError.of("url", "invalid", "url must be an absolute https:// URL"));
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of(FieldError.of("url", "credentials",
                    "url must not carry credentials (user:password@): every request is signed instead"));
        }
        Optional<String> host = hostOf(url);
        if (host.isEmpty()) {
            return Optional.of(FieldError.of("url", "invalid", "url must be an absolute https:// URL with a host"));
        }
        Target target = target(host.get(), false);
        if (target.invalid()) {
            return Optional.of(FieldError.of("url", "invalid", "url has an invalid host: " + host.get()));
        }
        if (target.kind() != AddressKind.PUBLIC && !allowPrivateNetworks) {
            return Optional.of(FieldError.of("url", "not_public", "url must reach a public address: " + host.get()
                    + " is " + target.kind().description() + " (local receivers need " + ALLOW_PRIVATE_SETTING + "=true)"));
        }
        if (scheme.equals("http") && target.kind() == AddressKind.PUBLIC) {
            return Optional.of(FieldError.of("url", "insecure",
                    "url must use https://; plain http:// is accepted only for local receivers (" + ALLOW_PRIVATE_SETTING + ")"));
        }
        return Optional.empty();
    }

    /** Why an attempt must not be sent to this URL now (for the delivery log), or empty. */
    Optional<String> refusalAtSend(URI url) {
        Optional<String> host = hostOf(url);
        if (host.isEmpty() || url.getRawUserInfo() != null) {
            return Optional.of("refused: the url is not allowed");
        }
        Target target = target(host.get(), true);
        if (target.invalid()) {
            return Optional.of("could not resolve " + host.get());
        }
        if (target.kind() != AddressKind.PUBLIC && !allowPrivateNetworks) {
            return Optional.of("refused: " + host.get() + " is " + target.kind().description() + ", not a public address");
        }
        return Optional.empty();
    }

    /**
     * What a host is: the least public kind among its addresses ({@code invalid} for a host that is no
     * address and no name, or, when {@code mustResolve}, a name that does not resolve).
     */
    private Target target(String host, boolean mustResolve) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            try {
                // a bracketed host is parsed as an IPv6 literal only, never looked up
                return Target.of(AddressKind.of(InetAddress.getByName(name)));
            } catch (UnknownHostException e) {
                return Target.INVALID;
            }
        }
        Ipv4Number number = Ipv4Number.parse(name);
        if (number.numeric()) {
            return number.value().isPresent() ? Target.of(AddressKind.ofIpv4((int) number.value().getAsLong())) : Target.INVALID;
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Target.of(AddressKind.LOOPBACK); // RFC 6761: always this machine, whatever DNS says
        }
        try {
            AddressKind least = AddressKind.PUBLIC;
            for (InetAddress address : resolver.resolve(name)) {
                AddressKind kind = AddressKind.of(address);
                if (kind != AddressKind.PUBLIC) {
                    least = kind;
                }
            }
            return Target.of(least);
        } catch (UnknownHostException e) {
            return mustResolve ? Target.INVALID : Target.of(AddressKind.PUBLIC);
        }
    }

    /** The host of a URL, also one {@link URI} does not take as a host name (e.g. {@code 0x7f.1}, {@code 2130706433}). */
    static Optional<String> hostOf(URI url) {
        if (url.getHost() != null) {
            return Optional.of(url.getHost());
        }
        String authority = url.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return Optional.empty();
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (!host.startsWith("[")) {
            int colon = host.lastIndexOf(':');
            host = colon >= 0 ? host.substring(0, colon) : host;
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    private record Target(AddressKind kind, boolean invalid) {
        static final Target INVALID = new Target(null, true);

        static Target of(AddressKind kind) {
            return new Target(kind, false);
        }
    }

    /**
     * An IPv4 address as {@code inet_aton} reads it (and so many HTTP clients and resolvers): one to four
     * parts, each decimal, hex ({@code 0x}) or octal (leading {@code 0}); the last part fills the
     * remaining bytes ({@code 127.1} is 127.0.0.1, {@code 2130706433} is too).
     *
     * @param numeric whether every part is a number (then the host is meant as an address, not a name)
     * @param value   the address as a 32-bit number; empty when numeric but out of range
     */
    record Ipv4Number(boolean numeric, OptionalLong value) {

        private static final Ipv4Number NAME = new Ipv4Number(false, OptionalLong.empty());
        private static final Ipv4Number OUT_OF_RANGE = new Ipv4Number(true, OptionalLong.empty());

        static Ipv4Number parse(String host) {
            String[] parts = host.split("\\.", -1);
            if (parts.length > 4) {
                return allNumeric(parts) ? OUT_OF_RANGE : NAME;
            }
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                OptionalLong part = number(parts[i]);
                if (part.isEmpty()) {
                    return NAME;
                }
                values[i] = part.getAsLong();
            }
            long address = 0;
            for (int i = 0; i < values.length - 1; i++) {
                if (values[i] > 0xff) {
                    return OUT_OF_RANGE;
                }
                address = address << 8 | values[i];
            }
            int restBits = 8 * (5 - values.length);
            long last = values[values.length - 1];
            if (last >= (1L << restBits)) {
                return OUT_OF_RANGE;
            }
            return new Ipv4Number(true, OptionalLong.of(address << restBits | last));
        }

        private static boolean allNumeric(String[] parts) {
            return Arrays.stream(parts).allMatch(part -> number(part).isPresent());
        }

        /** A part's value; empty when it is not a number. Huge parts are capped, so they stay out of range instead of overflowing. */
        private static OptionalLong number(String part) {
            String digits = part;
            int radix = 10;
            if (part.startsWith("0x")) {
                digits = part.substring(2);
                radix = 16;
            } else if (part.length() > 1 && part.startsWith("0")) {
                digits = part.substring(1);
                radix = 8;
            }
            if (digits.isEmpty()) {
                return radix == 16 ? OptionalLong.of(0) : OptionalLong.empty(); // "0x" is 0 to inet_aton
            }
            int base = radix;
            if (!digits.chars().allMatch(ch -> Character.digit(ch, base) >= 0)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits, radix));
        }
    }
}

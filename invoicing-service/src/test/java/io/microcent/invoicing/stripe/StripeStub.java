package io.microcent.invoicing.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's API as far as invoicing uses it, on the JDK's HTTP server, for tests with the real stripe-java client:
 * customers (create, search by metadata), invoices (create, retrieve, list by customer, finalize, list lines) and
 * invoice items. Answers are Stripe-shaped JSON; the shapes follow Stripe's own fixtures (stripe/openapi
 * {@code fixtures3.json}, MIT; see {@code src/test/resources/stripe/README.md}).
 *
 * <p>Like Stripe (API v1), it keeps the first answer to every POST under its {@code Idempotency-Key} and replays it
 * for the same key (errors included: a stored 500 stays a 500), and answers 400 {@code idempotency_error} to the same
 * key with other parameters. It records every request, and can be told to fail the next calls to a path
 * ({@link #failNext}) or to be unreachable ({@link #unreachable}).
 */
public final class StripeStub implements AutoCloseable {

    static {
        // HttpURLConnection (stripe-java's transport) silently resends a POST whose connection dropped before any
        // answer; without this, one "dropped" call would reach the stub twice and the fault counts would be off by one
        System.setProperty("sun.net.http.retryPost", "false");
    }

    public static final String API_KEY = "sk_test_microcent_stub";

    /** One request as the stub received it. */
    public record Request(String method, String path, Map<String, String> params, String idempotencyKey) {
    }

    /** What a failing call does. */
    public enum Fault {
        /** 500 before doing anything; stored under the key like Stripe does */
        SERVER_ERROR,
        /** does the work, then answers 500, stored under the key: the object exists, the client was told it failed */
        SERVER_ERROR_AFTER_WORK,
        /** 500 with {@code Stripe-Should-Retry: false}: Stripe says retrying will not help */
        SERVER_ERROR_DO_NOT_RETRY,
        /** 429 rate limited, stored under the key */
        RATE_LIMITED,
        /** 400 invalid_request_error, nothing done: a request Stripe refuses, not worth retrying */
        REFUSED,
        /** closes the connection without an answer, nothing done */
        DROP,
        /** does the work and stores its answer under the key, then closes the connection without answering */
        DROP_AFTER_WORK
    }

    private record Stored(String fingerprint, int status, String body) {
    }

    private record Injected(String method, Pattern path, AtomicInteger remaining, Fault fault) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Injected> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Stored> idempotency = new HashMap<>();
    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Stripe's ids are unique across stubs too: tests share one database, which keeps them unique. */
    private final String idPrefix = "stub" + java.util.UUID.randomUUID().toString().substring(0, 8) + "x";
    private volatile boolean unreachable;

    private StripeStub(HttpServer server) {
        this.server = server;
    }

    public static StripeStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StripeStub stub = new StripeStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code MICROCENT_STRIPE_API_BASE}. */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex)).toList();
    }

    /** The next {@code times} calls of {@code method} to a path matching {@code pathRegex} fail with {@code fault}. */
    public void failNext(String method, String pathRegex, int times, Fault fault) {
        faults.add(new Injected(method, Pattern.compile(pathRegex), new AtomicInteger(times), fault));
    }

    /** While true every request's connection is closed without an answer, as when Stripe cannot be reached. */
    public void unreachable(boolean down) {
        this.unreachable = down;
    }

    public synchronized List<JsonNode> customers() {
        return customers.values().stream().<JsonNode>map(ObjectNode::deepCopy).toList();
    }

    public synchronized List<JsonNode> invoices() {
        return invoices.values().stream().<JsonNode>map(ObjectNode::deepCopy).toList();
    }

    public synchronized List<JsonNode> invoiceItems() {
        return items.values().stream().<JsonNode>map(ObjectNode::deepCopy).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> params = form(method.equals("GET") ? uri.getRawQuery() : body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Request(method, path, params, key));
            if (unreachable) {
                return; // closed without an answer
            }
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("invalid_request_error", null, "Invalid API Key provided"));
                return;
            }
            Fault fault = takeFault(method, path);
            String fingerprint = method + " " + path + " " + new TreeMap<>(params);
            boolean idempotent = method.equals("POST") && key != null;
            Answer answer;
            synchronized (this) {
                Stored stored = idempotent ? idempotency.get(key) : null;
                if (stored != null) {
                    if (!stored.fingerprint().equals(fingerprint)) {
                        answer = new Answer(400, error("idempotency_error", null,
                                "Keys for idempotent requests can only be used with the same parameters they were first used with."));
                    } else {
                        exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                        answer = new Answer(stored.status(), stored.body());
                    }
                    fault = null;
                } else {
                    answer = fault == null ? route(method, path, params) : switch (fault) {
                        case SERVER_ERROR -> new Answer(500, error("api_error", null, "An unknown error occurred"));
                        case SERVER_ERROR_DO_NOT_RETRY -> {
                            exchange.getResponseHeaders().add("Stripe-Should-Retry", "false");
                            yield new Answer(500, error("api_error", null, "An unknown error occurred"));
                        }
                        case RATE_LIMITED -> new Answer(429, error("invalid_request_error", "rate_limit", "Too many requests"));
                        case REFUSED -> new Answer(400, error("invalid_request_error", "parameter_invalid", "Invalid request (stub)"));
                        case DROP -> null;
                        case SERVER_ERROR_AFTER_WORK -> {
                            route(method, path, params);
                            yield new Answer(500, error("api_error", null, "An unknown error occurred"));
                        }
                        case DROP_AFTER_WORK -> route(method, path, params);
                    };
                    if (idempotent && answer != null) {
                        idempotency.put(key, new Stored(fingerprint, answer.status(), answer.body()));
                    }
                }
            }
            if (answer == null || fault == Fault.DROP_AFTER_WORK) {
                return; // closed without an answer
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, String body) {
    }

    private Fault takeFault(String method, String path) {
        for (Injected injected : faults) {
            if (injected.method().equals(method) && injected.path().matcher(path).matches()
                    && injected.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return injected.fault();
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    // ---- Stripe's objects

    private static final Pattern INVOICE = Pattern.compile("/v1/invoices/([^/]+)");
    private static final Pattern INVOICE_LINES = Pattern.compile("/v1/invoices/([^/]+)/lines");
    private static final Pattern FINALIZE = Pattern.compile("/v1/invoices/([^/]+)/finalize");
    private static final Pattern SEARCH = Pattern.compile("metadata\\['([^']+)'\\]:'([^']*)'");

    private Answer route(String method, String path, Map<String, String> params) {
        Matcher m;
        if (method.equals("POST") && path.equals("/v1/customers")) {
            return ok(createCustomer(params));
        }
        if (method.equals("GET") && path.equals("/v1/customers/search")) {
            return ok(searchCustomers(params.getOrDefault("query", "")));
        }
        if (method.equals("POST") && path.equals("/v1/invoices")) {
            return createInvoice(params);
        }
        if (method.equals("GET") && path.equals("/v1/invoices")) {
            return ok(list("/v1/invoices", invoices.values().stream()
                    .filter(i -> i.path("customer").asText().equals(params.get("customer"))).toList().reversed(), params));
        }
        if (method.equals("POST") && path.equals("/v1/invoiceitems")) {
            return createItem(params);
        }
        if (method.equals("GET") && (m = INVOICE_LINES.matcher(path)).matches()) {
            ObjectNode invoice = invoices.get(m.group(1));
            return invoice == null ? missing(m.group(1)) : ok(list(path, lines(invoice), params));
        }
        if (method.equals("POST") && (m = FINALIZE.matcher(path)).matches()) {
            ObjectNode invoice = invoices.get(m.group(1));
            if (invoice == null) {
                return missing(m.group(1));
            }
            if (!invoice.path("status").asText().equals("draft")) {
                return new Answer(400, error("invalid_request_error", "invoice_not_editable", "This invoice is already finalized"));
            }
            invoice.put("status", "open");
            return ok(invoice);
        }
        if (method.equals("GET") && (m = INVOICE.matcher(path)).matches()) {
            ObjectNode invoice = invoices.get(m.group(1));
            return invoice == null ? missing(m.group(1)) : ok(invoice);
        }
        return new Answer(404, error("invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")"));
    }

    private String newId() {
        return idPrefix + ids.incrementAndGet();
    }

    private ObjectNode createCustomer(Map<String, String> params) {
        ObjectNode customer = Json.mapper().createObjectNode();
        customer.put("id", "cus_" + newId());
        customer.put("object", "customer");
        customer.put("created", 1_764_633_600L);
        customer.put("livemode", false);
        customer.put("name", params.get("name"));
        customer.put("email", params.get("email"));
        customer.set("metadata", metadata(params));
        customers.put(customer.get("id").asText(), customer);
        return customer;
    }

    private ObjectNode searchCustomers(String query) {
        Matcher m = SEARCH.matcher(query);
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("object", "search_result");
        result.put("url", "/v1/customers/search");
        result.put("has_more", false);
        ArrayNode data = result.putArray("data");
        if (m.matches()) {
            customers.values().stream().filter(c -> m.group(2).equals(c.path("metadata").path(m.group(1)).asText(null))).forEach(data::add);
        }
        return result;
    }

    private Answer createInvoice(Map<String, String> params) {
        if (!customers.containsKey(params.get("customer"))) {
            return missing(params.get("customer"));
        }
        ObjectNode invoice = Json.mapper().createObjectNode();
        invoice.put("id", "in_" + newId());
        invoice.put("object", "invoice");
        invoice.put("customer", params.get("customer"));
        invoice.put("status", "draft");
        invoice.put("currency", params.getOrDefault("currency", "usd"));
        invoice.put("collection_method", params.get("collection_method"));
        invoice.put("auto_advance", Boolean.parseBoolean(params.get("auto_advance")));
        invoice.put("livemode", false);
        invoice.put("created", 1_764_633_600L);
        invoice.put("total", 0L);
        invoice.put("subtotal", 0L);
        invoice.put("amount_due", 0L);
        invoice.put("amount_paid", 0L);
        invoice.set("metadata", metadata(params));
        invoices.put(invoice.get("id").asText(), invoice);
        return ok(invoice);
    }

    private Answer createItem(Map<String, String> params) {
        String invoiceId = params.get("invoice");
        ObjectNode invoice = invoiceId == null ? null : invoices.get(invoiceId);
        if (invoiceId != null && invoice == null) {
            return missing(invoiceId);
        }
        if (invoice != null && !invoice.path("status").asText().equals("draft")) {
            return new Answer(400, error("invalid_request_error", "invoice_not_editable", "Invoice items can only be added to draft invoices"));
        }
        ObjectNode item = Json.mapper().createObjectNode();
        item.put("id", "ii_" + newId());
        item.put("object", "invoiceitem");
        item.put("amount", Long.parseLong(params.get("amount")));
        item.put("currency", params.getOrDefault("currency", "usd"));
        item.put("customer", params.get("customer"));
        item.put("description", params.get("description"));
        item.put("invoice", invoiceId);
        item.put("livemode", false);
        item.put("date", 1_764_633_600L);
        item.set("metadata", metadata(params));
        items.put(item.get("id").asText(), item);
        if (invoice != null) {
            long total = invoice.get("total").asLong() + item.get("amount").asLong();
            invoice.put("total", total);
            invoice.put("subtotal", total);
            invoice.put("amount_due", Math.max(0, total));
        }
        return ok(item);
    }

    private List<ObjectNode> lines(ObjectNode invoice) {
        List<ObjectNode> lines = new ArrayList<>();
        for (ObjectNode item : items.values()) {
            if (!invoice.get("id").asText().equals(item.path("invoice").asText(null))) {
                continue;
            }
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("id", "il_" + item.get("id").asText().substring(3));
            line.put("object", "line_item");
            line.put("amount", item.get("amount").asLong());
            line.put("currency", item.get("currency").asText());
            line.put("description", item.get("description").asText());
            line.put("invoice", invoice.get("id").asText());
            line.put("livemode", false);
            line.set("metadata", item.get("metadata").deepCopy()); // an invoice item's line carries its metadata
            ObjectNode parent = line.putObject("parent");
            parent.put("type", "invoice_item_details");
            parent.putObject("invoice_item_details").put("invoice_item", item.get("id").asText()).put("proration", false);
            lines.add(line);
        }
        return lines;
    }

    private static ObjectNode list(String url, List<ObjectNode> all, Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "10"));
        int from = 0;
        String after = params.get("starting_after");
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).get("id").asText().equals(after)) {
                    from = i + 1;
                }
            }
        }
        List<ObjectNode> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        ObjectNode list = Json.mapper().createObjectNode();
        list.put("object", "list");
        list.put("url", url);
        list.put("has_more", from + limit < all.size());
        ArrayNode data = list.putArray("data");
        page.forEach(data::add);
        return list;
    }

    private static ObjectNode metadata(Map<String, String> params) {
        ObjectNode metadata = Json.mapper().createObjectNode();
        params.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        return metadata;
    }

    private static Answer ok(JsonNode object) {
        return new Answer(200, object.toString());
    }

    private static Answer missing(String id) {
        return new Answer(404, error("invalid_request_error", "resource_missing", "No such object: '" + id + "'"));
    }

    private static String error(String type, String code, String message) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        return root.toString();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }
}

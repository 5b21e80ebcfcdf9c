package io.microcent.deploy;

import io.microcent.deploy.BadRequest.Expectation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.microcent.deploy.JsonBytes.ascii;
import static io.microcent.deploy.JsonBytes.escapedString;

/**
 * The generated bad requests of {@link BadInputSuiteTest}, the same for the same seed: valid usage events
 * mutated field by field (in Microcent JSON, in a batch, as a CloudEvent), malformed JSON on every body
 * the API takes, the other APIs' bodies with bad text, and HTTP that is malformed below the API.
 *
 * <p>Every generated usage event is for the {@code quarantine} customer (unless the mutated field is the
 * customer itself), which receives nothing else: its figures must stay at zero.
 */
final class BadInputCases {

    /** Who the requests are from and for. */
    record Setting(String operatorToken, String ingestKey, String quarantine, String normal, Instant now, long seed) {
    }

    static final List<String> ID_FIELDS = List.of("id", "customer", "project", "costCenter", "apiKeyId", "user", "team", "provider", "model");
    static final List<String> QUANTITY_FIELDS = List.of("requests", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens");
    /** Customers that do not exist, some differing from real ones only in case. */
    static final List<String> UNKNOWN_CUSTOMERS = List.of("ACME", "Acme", "aCmE", "QUARANTINE", "Quarantine", "OVF", "nobody", "acme2", "acme-", "quarantine.", "a");

    /** Never a count: negative, over the documented 10^12, overflowing a long, fractional, or not a number. */
    static final List<String> BAD_QUANTITIES = List.of("-1", "-9223372036854775808", "1000000000001",
            "9223372036854775807", "9223372036854775808", "1e30", "-1e30", "1E400", "1.5", "0.5", "-0.5",
            "\"100\"", "\"abc\"", "\"\"", "true", "false", "{}", "[]", "1".repeat(5_000));
    /** Token counts no single call has, whose sums overflow a period's cost: refused by the quantity limits. */
    static final List<String> HUGE_TOKEN_COUNTS = List.of("1000000000000", "1e12");
    /** Never a cap amount (a whole number 1–10^15). */
    static final List<String> BAD_AMOUNTS = List.of("0", "-1", "1000000000000001", "9223372036854775807", "9223372036854775808",
            "1e30", "1.5", "\"100\"", "\"\"", "true", "{}", "[]", "1".repeat(5_000));

    private static final String[] PROJECTS = {"chatbot", "search", "Support Bot", "R&D"};
    private static final String[] WEBHOOK_URLS = {
            "http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/hook", "https://[::ffff:169.254.169.254]/hook",
            "https://10.0.0.1/hook", "https://10.255.255.255/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
            "http://2130706433/hook", "https://2130706433/hook", "http://0x7f000001/hook", "https://0x7f.0.0.1/hook",
            "http://017700000001/hook", "http://0177.0.0.1/hook", "http://127.1/hook", "http://[::ffff:127.0.0.1]/hook",
            "http://[::ffff:7f00:1]/hook", "https://[0:0:0:0:0:ffff:127.0.0.1]/hook",
            "https://user:secret@example.com/hook", "https://user@example.com/hook", "http://user:secret@127.0.0.1/hook",
            "file:///etc/passwd", "ftp://example.com/hook", "gopher://example.com/", "javascript:alert(1)", "data:text/plain,hi",
            "https://", "https:///hook", "example.com/hook", "//example.com/hook", "", "http://example.com/hook",
            "https://exa mple.com/hook", "https://example.com:99999/hook", "https://example.com:0/hook"};

    private final Setting setting;
    private final Random random;
    private final AtomicInteger sequence = new AtomicInteger();

    private BadInputCases(Setting setting) {
        this.setting = setting;
        this.random = new Random(setting.seed());
    }

    /** Every generated case, shuffled (with the seed) so that the kinds interleave as they are sent. */
    static List<BadRequest> all(Setting setting) {
        BadInputCases cases = new BadInputCases(setting);
        List<BadRequest> all = new ArrayList<>();
        all.addAll(cases.eventsWithBadIds());
        all.addAll(cases.eventsWithBadQuantities());
        all.addAll(cases.eventsWithBadTimestamps());
        all.addAll(cases.eventsOfUnknownCustomers());
        all.addAll(cases.eventsWithoutRequiredFields());
        all.addAll(cases.eventsWithDuplicateKeys());
        all.addAll(cases.eventsOfWrongContentTypes());
        all.addAll(cases.malformedBodies());
        all.addAll(cases.customers());
        all.addAll(cases.apiKeys());
        all.addAll(cases.caps());
        all.addAll(cases.webhooks());
        all.addAll(cases.authorizations());
        all.addAll(cases.wrongMethods());
        all.addAll(MalformedHttp.all(setting.operatorToken(), setting.ingestKey()));
        Collections.shuffle(all, cases.random);
        return all;
    }

    // ---- usage events -------------------------------------------------------------------------------

    /** How an event reaches {@code POST /v1/events}. */
    private enum Wrapping { JSON, BATCH, CLOUDEVENT }

    private List<BadRequest> eventsWithBadIds() {
        List<BadRequest> cases = new ArrayList<>();
        for (String field : ID_FIELDS) {
            for (BadText text : BadText.all()) {
                cases.add(mutated("ids/" + field + "/" + text.name(), Wrapping.JSON, field, text.json()));
                cases.add(mutated("ids/" + field + "/" + text.name(), Wrapping.CLOUDEVENT, field, text.json()));
            }
            for (BadText text : BadText.sample()) {
                cases.add(mutated("ids/" + field + "/" + text.name(), Wrapping.BATCH, field, text.json()));
            }
        }
        return cases;
    }

    private List<BadRequest> eventsWithBadQuantities() {
        List<BadRequest> cases = new ArrayList<>();
        for (String field : QUANTITY_FIELDS) {
            List<String> quantities = new ArrayList<>(BAD_QUANTITIES);
            if (field.endsWith("Tokens")) {
                quantities.addAll(HUGE_TOKEN_COUNTS);
            }
            for (String quantity : quantities) {
                String name = "quantities/" + field + "/" + abbreviated(quantity);
                for (Wrapping wrapping : Wrapping.values()) {
                    cases.add(mutated(name, wrapping, field, ascii(quantity)));
                }
            }
        }
        return cases;
    }

    private List<BadRequest> eventsWithBadTimestamps() {
        Instant now = setting.now();
        List<byte[]> timestamps = new ArrayList<>(List.of(
                escapedString(now.plus(Duration.ofDays(1)).toString()), escapedString(now.plus(Duration.ofDays(3_660)).toString()),
                escapedString("9999-12-31T23:59:59Z"), escapedString("+275760-09-13T00:00:00Z"), escapedString("+1000000000-01-01T00:00:00Z"),
                escapedString("0001-01-01T00:00:00Z"), escapedString("1970-01-01T00:00:00Z"), escapedString("-999999999-01-01T00:00:00Z"),
                escapedString(now.minus(Duration.ofDays(400)).toString()), escapedString("2026-13-01T00:00:00Z"),
                escapedString("2026-11-31T00:00:00Z"), escapedString("2026-11-21T25:00:00Z"), escapedString("2026-11-21T12:00:00+25:00"),
                escapedString("2026-11-21"), escapedString("yesterday"), escapedString(""), escapedString("   "),
                escapedString(now + "\u0000"), escapedString("\u202E" + now), ascii("0"), ascii("-1"), ascii("1.5"),
                ascii("9223372036854775807"), ascii("1e30"), ascii("true"), ascii("{}"), ascii("[]"), ascii("null")));
        List<BadRequest> cases = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            for (Wrapping wrapping : Wrapping.values()) {
                cases.add(mutated("timestamps/" + i + "/" + abbreviated(new String(timestamps.get(i), StandardCharsets.UTF_8)),
                        wrapping, "timestamp", timestamps.get(i)));
            }
        }
        return cases;
    }

    private List<BadRequest> eventsOfUnknownCustomers() {
        List<BadRequest> cases = new ArrayList<>();
        for (String customer : UNKNOWN_CUSTOMERS) {
            for (Wrapping wrapping : Wrapping.values()) {
                cases.add(mutated("unknown-customer/" + customer, wrapping, "customer", escapedString(customer))
                        .expecting(Expectation.status(422).withCode("customer_not_found"))
                        .forCustomer(customer));
            }
        }
        return cases;
    }

    private List<BadRequest> eventsWithoutRequiredFields() {
        List<BadRequest> cases = new ArrayList<>();
        for (String field : List.of("id", "customer", "timestamp")) {
            for (Wrapping wrapping : Wrapping.values()) {
                Map<String, byte[]> event = validEvent();
                event.remove(field);
                cases.add(events("missing/" + field, wrapping, event, field.equals("customer") ? null : setting.quarantine()));
            }
        }
        return cases;
    }

    /** A key twice: a reader keeping the first and one keeping the last would see different events. */
    private List<BadRequest> eventsWithDuplicateKeys() {
        List<BadRequest> cases = new ArrayList<>();
        for (String field : List.of("id", "customer", "timestamp", "inputTokens", "project")) {
            Map<String, byte[]> event = validEvent();
            byte[] again = ascii("{" + "\"" + field + "\":" + new String(event.get(field), StandardCharsets.UTF_8) + ",");
            byte[] object = JsonBytes.object(event);
            byte[] body = JsonBytes.concat(again, Arrays.copyOfRange(object, 1, object.length));
            cases.add(BadRequest.post("duplicate-key/" + field, "/v1/events", setting.ingestKey(), body).forCustomer(setting.quarantine()));
        }
        return cases;
    }

    private List<BadRequest> eventsOfWrongContentTypes() {
        List<BadRequest> cases = new ArrayList<>();
        byte[] event = JsonBytes.object(validEvent());
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "image/png", "application/json-patch+json", "application/cloudevents+xml", "text/json", "*/*")) {
            cases.add(BadRequest.send("content-type/" + type, "POST", "/v1/events", setting.ingestKey(), type, event)
                    .expecting(Expectation.status(415)).forCustomer(setting.quarantine()));
        }
        // a Microcent event declared as a CloudEvent, and a CloudEvent declared as a batch
        cases.add(BadRequest.send("content-type/json-as-cloudevent", "POST", "/v1/events", setting.ingestKey(),
                "application/cloudevents+json", event).forCustomer(setting.quarantine()));
        cases.add(BadRequest.send("content-type/cloudevent-as-batch", "POST", "/v1/events", setting.ingestKey(),
                "application/cloudevents-batch+json", cloudEvent(validEvent())).forCustomer(setting.quarantine()));
        return cases;
    }

    /** A valid event of the quarantine customer with {@code field} set to {@code value}. */
    private BadRequest mutated(String name, Wrapping wrapping, String field, byte[] value) {
        Map<String, byte[]> event = validEvent();
        event.put(field, value);
        return events(name, wrapping, event, field.equals("customer") ? null : setting.quarantine());
    }

    private BadRequest events(String name, Wrapping wrapping, Map<String, byte[]> event, String customer) {
        String path = "/v1/events";
        BadRequest request = switch (wrapping) {
            case JSON -> BadRequest.post("events/json/" + name, path, setting.ingestKey(), JsonBytes.object(event));
            case BATCH -> {
                List<byte[]> batch = new ArrayList<>(List.of(JsonBytes.object(validEvent()), JsonBytes.object(validEvent())));
                batch.add(random.nextInt(batch.size() + 1), JsonBytes.object(event));
                yield BadRequest.post("events/batch/" + name, path, setting.ingestKey(), JsonBytes.array(batch));
            }
            case CLOUDEVENT -> BadRequest.send("events/cloudevent/" + name, "POST", path, setting.ingestKey(),
                    "application/cloudevents+json", cloudEvent(event));
        };
        return request.forCustomer(customer);
    }

    /** A valid LLM call of the quarantine customer, with a fresh id; values are JSON bytes. */
    private Map<String, byte[]> validEvent() {
        Map<String, byte[]> event = new LinkedHashMap<>();
        event.put("id", escapedString("bad-" + sequence.incrementAndGet()));
        event.put("customer", escapedString(setting.quarantine()));
        event.put("timestamp", escapedString(setting.now().minusSeconds(60 + random.nextInt(3_600)).toString()));
        event.put("project", escapedString(PROJECTS[random.nextInt(PROJECTS.length)]));
        event.put("costCenter", escapedString("R&D"));
        event.put("apiKeyId", escapedString("gw-" + random.nextInt(10)));
        event.put("user", escapedString("ann@example.com"));
        event.put("team", escapedString("core"));
        event.put("provider", escapedString("openai"));
        event.put("model", escapedString("gpt-4o"));
        event.put("requests", ascii("1"));
        event.put("inputTokens", ascii(String.valueOf(1 + random.nextInt(1_000))));
        event.put("outputTokens", ascii(String.valueOf(random.nextInt(500))));
        return event;
    }

    /** The event as a structured-mode CloudEvent: id, subject (customer) and time outside, the rest in data. */
    private static byte[] cloudEvent(Map<String, byte[]> event) {
        Map<String, byte[]> cloudEvent = new LinkedHashMap<>();
        Map<String, byte[]> data = new LinkedHashMap<>(event);
        cloudEvent.put("specversion", escapedString("1.0"));
        if (data.containsKey("id")) {
            cloudEvent.put("id", data.remove("id"));
        }
        cloudEvent.put("source", escapedString("/gateways/badinput"));
        cloudEvent.put("type", escapedString("io.microcent.usage.v1"));
        if (data.containsKey("customer")) {
            cloudEvent.put("subject", data.remove("customer"));
        }
        if (data.containsKey("timestamp")) {
            cloudEvent.put("time", data.remove("timestamp"));
        }
        cloudEvent.put("datacontenttype", escapedString("application/json"));
        cloudEvent.put("data", JsonBytes.object(data));
        return JsonBytes.object(cloudEvent);
    }

    // ---- malformed JSON, on every body the API takes ----------------------------------------------------

    /** Bodies that are not JSON, or not JSON a reader should take. */
    static List<BadText> malformedJson() {
        List<BadText> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "{", "[", "}", "{\"id\":", "{\"id\":\"a\"", "{\"id\" \"a\"}", "nul", "null", "true", "1",
                "\"text\"", "{}", "[]", "[{}]", "[[]]", "[null]", "{\"a\":1,}", "[1,]", "{} {}", "{}x", "{'id':'a'}", "/* c */ {}",
                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":01}", "{\"a\":1e999999999}", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\\ud800\"}", "{\"id\":\"\\u0000\"}")) {
            bodies.add(new BadText("text/" + abbreviated(text), ascii(text)));
        }
        for (var bytes : Map.of("overlong-C080", "C080", "overlong-E08080", "E08080", "byte-FF", "FF", "bytes-FEFF", "FEFF",
                "truncated-E282", "E282", "surrogate-EDA080", "EDA080", "five-byte-F888808080", "F888808080",
                "above-10FFFF-F4908080", "F4908080", "continuation-80", "80").entrySet()) {
            bodies.add(new BadText("utf8/" + bytes.getKey(), JsonBytes.concat(ascii("{\"id\":\"a"), JsonBytes.hex(bytes.getValue()), ascii("\"}"))));
        }
        bodies.add(new BadText("utf16-body", "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_16)));
        bodies.add(new BadText("nesting/arrays-10000", ascii("[".repeat(10_000) + "]".repeat(10_000))));
        bodies.add(new BadText("nesting/objects-10000", ascii("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
        bodies.add(new BadText("nesting/unclosed-10000", ascii("[".repeat(10_000))));
        bodies.add(new BadText("nesting/event-field-10000", ascii("{\"id\":\"deep\",\"customer\":\"quarantine\",\"project\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}")));
        return bodies;
    }

    private List<BadRequest> malformedBodies() {
        record Endpoint(String method, String path, String token, String contentType) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/v1/events", setting.ingestKey(), "application/json"),
                new Endpoint("POST", "/v1/events", setting.ingestKey(), "application/cloudevents+json"),
                new Endpoint("POST", "/v1/events", setting.ingestKey(), "application/cloudevents-batch+json"),
                new Endpoint("POST", "/v1/customers", setting.operatorToken(), "application/json"),
                new Endpoint("PUT", "/v1/customers/" + setting.normal() + "/plan", setting.operatorToken(), "application/json"),
                new Endpoint("POST", "/v1/api-keys", setting.operatorToken(), "application/json"),
                new Endpoint("POST", "/v1/caps", setting.operatorToken(), "application/json"),
                new Endpoint("POST", "/v1/webhooks", setting.operatorToken(), "application/json"),
                new Endpoint("POST", "/v1/authorize", setting.operatorToken(), "application/json"),
                new Endpoint("PUT", "/v1/price-book/models/gpt-4o", setting.operatorToken(), "application/json"));
        List<BadRequest> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (BadText body : malformedJson()) {
                cases.add(BadRequest.send("malformed/" + endpoint.method() + " " + endpoint.path() + " " + endpoint.contentType() + "/" + body.name(),
                        endpoint.method(), endpoint.path(), endpoint.token(), endpoint.contentType(), body.json()));
            }
        }
        // a string longer than any JSON reader takes (20 MB), inside the 32 MiB a request may have
        Map<String, byte[]> event = validEvent();
        event.put("project", escapedString("p".repeat(21_000_000)));
        cases.add(BadRequest.post("malformed/events/string-21MB", "/v1/events", setting.ingestKey(), JsonBytes.object(event))
                .forCustomer(setting.quarantine()));
        return cases;
    }

    // ---- the other APIs ---------------------------------------------------------------------------------

    private List<BadRequest> customers() {
        List<BadRequest> cases = new ArrayList<>();
        for (BadText text : BadText.all()) {
            cases.add(admin("POST", "customers/name/" + text.name(), "/v1/customers", object(
                    "id", escapedString("badname-" + sequence.incrementAndGet()), "name", text.json(), "plan", escapedString("starter"))));
        }
        for (BadText text : BadText.sample()) {
            cases.add(admin("POST", "customers/id/" + text.name(), "/v1/customers",
                    object("id", text.json(), "name", escapedString("Bad id"), "plan", escapedString("starter"))));
            cases.add(admin("POST", "customers/plan/" + text.name(), "/v1/customers", object(
                    "id", escapedString("badplan-" + sequence.incrementAndGet()), "name", escapedString("Bad plan"), "plan", text.json())));
            cases.add(admin("PUT", "customers/change-plan/" + text.name(), "/v1/customers/" + setting.normal() + "/plan",
                    object("plan", text.json())));
        }
        return cases;
    }

    private List<BadRequest> apiKeys() {
        List<BadRequest> cases = new ArrayList<>();
        for (BadText text : BadText.all()) {
            cases.add(admin("POST", "api-keys/name/" + text.name(), "/v1/api-keys", object("name", text.json())));
        }
        for (BadText text : BadText.sample()) {
            cases.add(admin("POST", "api-keys/customer/" + text.name(), "/v1/api-keys",
                    object("name", escapedString("gateway"), "customer", text.json())));
        }
        for (String customer : UNKNOWN_CUSTOMERS) {
            cases.add(admin("POST", "api-keys/unknown-customer/" + customer, "/v1/api-keys",
                    object("name", escapedString("gateway"), "customer", escapedString(customer)))
                    .expecting(Expectation.status(422).withCode("customer_not_found")));
        }
        return cases;
    }

    private List<BadRequest> caps() {
        List<String> scopes = List.of("project", "costCenter", "apiKey", "user", "team");
        List<BadRequest> cases = new ArrayList<>();
        List<BadText> texts = BadText.all();
        for (int i = 0; i < texts.size(); i++) {
            String scope = scopes.get(i % scopes.size());
            cases.add(admin("POST", "caps/scopeId/" + scope + "/" + texts.get(i).name(), "/v1/caps",
                    cap(escapedString(setting.normal()), scope, texts.get(i).json(), ascii("1000000"), ascii("[50,80,100]"))));
        }
        for (BadText text : BadText.sample()) {
            cases.add(admin("POST", "caps/customer/" + text.name(), "/v1/caps",
                    cap(text.json(), "customer", null, ascii("1000000"), ascii("[50,80,100]"))));
        }
        for (String customer : UNKNOWN_CUSTOMERS) {
            cases.add(admin("POST", "caps/unknown-customer/" + customer, "/v1/caps",
                    cap(escapedString(customer), "customer", null, ascii("1000000"), ascii("[50,80,100]")))
                    .expecting(Expectation.status(422).withCode("customer_not_found")));
        }
        for (String amount : BAD_AMOUNTS) {
            cases.add(admin("POST", "caps/amount/" + abbreviated(amount), "/v1/caps",
                    cap(escapedString(setting.normal()), "customer", null, ascii(amount), ascii("[50,80,100]"))));
        }
        for (String thresholds : List.of("[0]", "[101]", "[-1]", "[1.5]", "[\"50\"]", "[50,50]", "[1,2,3,4,5,6,7,8,9,10,11]", "50", "{}", "[null]")) {
            cases.add(admin("POST", "caps/thresholds/" + thresholds, "/v1/caps",
                    cap(escapedString(setting.normal()), "customer", null, ascii("1000000"), ascii(thresholds))));
        }
        return cases;
    }

    private static Map<String, byte[]> cap(byte[] customer, String scope, byte[] scopeId, byte[] amount, byte[] thresholds) {
        Map<String, byte[]> cap = new LinkedHashMap<>();
        cap.put("customer", customer);
        cap.put("scope", escapedString(scope));
        if (scopeId != null) {
            cap.put("scopeId", scopeId);
        }
        cap.put("amountMicrocents", amount);
        cap.put("period", escapedString("month"));
        cap.put("measure", escapedString("cost"));
        cap.put("mode", escapedString("soft"));
        cap.put("thresholds", thresholds);
        return cap;
    }

    /** Webhook URLs that would make Microcent call into its own network, or that are not URLs. */
    private List<BadRequest> webhooks() {
        List<BadRequest> cases = new ArrayList<>();
        for (String url : WEBHOOK_URLS) {
            cases.add(admin("POST", "webhooks/url/" + url, "/v1/webhooks",
                    object("url", escapedString(url), "customer", escapedString(setting.quarantine()))));
        }
        for (BadText text : BadText.sample()) {
            // an empty text or 201 letters make a valid URL (URLs may be 2,048 characters): not bad cases here
            if (text.json()[0] == '"' && !text.name().equals("empty") && !text.name().equals("length-201")) {
                String inUrl = new String(text.json(), 1, text.json().length - 1, StandardCharsets.ISO_8859_1);
                cases.add(admin("POST", "webhooks/url-with/" + text.name(), "/v1/webhooks",
                        object("url", ascii("\"https://example.com/h" + inUrl), "customer", escapedString(setting.quarantine()))));
            }
            cases.add(admin("POST", "webhooks/customer/" + text.name(), "/v1/webhooks",
                    object("url", escapedString("https://example.com/hook"), "customer", text.json())));
            cases.add(admin("POST", "webhooks/format/" + text.name(), "/v1/webhooks",
                    object("url", escapedString("https://example.com/hook"), "customer", escapedString(setting.quarantine()), "format", text.json())));
        }
        for (String customer : UNKNOWN_CUSTOMERS) {
            cases.add(admin("POST", "webhooks/unknown-customer/" + customer, "/v1/webhooks",
                    object("url", escapedString("https://example.com/hook"), "customer", escapedString(customer)))
                    .expecting(Expectation.status(422).withCode("customer_not_found")));
        }
        return cases;
    }

    private List<BadRequest> authorizations() {
        List<BadRequest> cases = new ArrayList<>();
        List<String> fields = List.of("customer", "model", "project", "costCenter", "apiKeyId", "user", "team");
        for (String field : fields) {
            for (BadText text : BadText.sample()) {
                Map<String, byte[]> body = authorize();
                body.put(field, text.json());
                cases.add(admin("POST", "authorize/" + field + "/" + text.name(), "/v1/authorize", body));
            }
        }
        for (String field : List.of("estimatedInputTokens", "maxOutputTokens")) {
            List<String> quantities = new ArrayList<>(BAD_QUANTITIES);
            quantities.addAll(HUGE_TOKEN_COUNTS);
            for (String quantity : quantities) {
                Map<String, byte[]> body = authorize();
                body.put(field, ascii(quantity));
                cases.add(admin("POST", "authorize/" + field + "/" + abbreviated(quantity), "/v1/authorize", body));
            }
            Map<String, byte[]> missing = authorize();
            missing.remove(field);
            cases.add(admin("POST", "authorize/missing/" + field, "/v1/authorize", missing));
        }
        for (String customer : UNKNOWN_CUSTOMERS) {
            Map<String, byte[]> body = authorize();
            body.put("customer", escapedString(customer));
            cases.add(admin("POST", "authorize/unknown-customer/" + customer, "/v1/authorize", body)
                    .expecting(Expectation.status(422).withCode("customer_not_found")));
        }
        return cases;
    }

    private Map<String, byte[]> authorize() {
        Map<String, byte[]> body = new LinkedHashMap<>();
        body.put("customer", escapedString(setting.normal()));
        body.put("model", escapedString("gpt-4o"));
        body.put("estimatedInputTokens", ascii("1000"));
        body.put("maxOutputTokens", ascii("100"));
        return body;
    }

    /** A known route with a method it does not serve: 405 naming the methods it does in {@code Allow}. */
    private List<BadRequest> wrongMethods() {
        String operator = setting.operatorToken();
        String usage = "/v1/customers/" + setting.normal() + "/usage?period=2026-11";
        List<BadRequest> cases = new ArrayList<>();
        for (String[] call : new String[][]{
                {"GET", "/v1/events"}, {"PUT", "/v1/events"}, {"DELETE", "/v1/events"}, {"PATCH", "/v1/events"},
                {"PUT", "/v1/customers"}, {"PATCH", "/v1/customers"}, {"DELETE", "/v1/customers"},
                {"POST", usage}, {"DELETE", usage},
                {"GET", "/v1/authorize"}, {"PUT", "/v1/authorize"}, {"DELETE", "/v1/authorize"},
                {"PUT", "/v1/webhooks"}, {"PATCH", "/v1/webhooks"}, {"PUT", "/v1/caps"}, {"DELETE", "/v1/caps"},
                {"PUT", "/v1/api-keys"}, {"DELETE", "/v1/api-keys"},
                {"POST", "/v1/analytics/activity?from=2026-11-01&to=2026-11-30"},
                {"POST", "/health/ready"}, {"DELETE", "/health/live"}, {"PUT", "/metrics"}}) {
            String token = call[1].equals("/v1/events") ? setting.ingestKey() : operator;
            cases.add(BadRequest.send("method/" + call[0] + " " + call[1], call[0], call[1], token,
                            call[0].equals("GET") || call[0].equals("DELETE") ? null : "application/json", call[0].equals("GET") ? null : ascii("{}"))
                    .expecting(Expectation.status(405).withAllowHeader()));
        }
        for (String[] call : new String[][]{{"FOO", "/v1/events"}, {"PROPFIND", "/v1/customers"}, {"TRACE", "/v1/customers"},
                {"CONNECT2", "/v1/caps"}}) {
            cases.add(BadRequest.send("method/" + call[0] + " " + call[1], call[0], call[1], operator, null, null));
        }
        return cases;
    }

    private BadRequest admin(String method, String name, String path, Map<String, byte[]> body) {
        return BadRequest.send(name, method, path, setting.operatorToken(), "application/json", JsonBytes.object(body));
    }

    private static Map<String, byte[]> object(Object... fieldsAndValues) {
        Map<String, byte[]> object = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            object.put((String) fieldsAndValues[i], (byte[]) fieldsAndValues[i + 1]);
        }
        return object;
    }

    /** A value short enough for a case name. */
    static String abbreviated(String text) {
        StringBuilder printable = new StringBuilder();
        text.chars().limit(40).forEach(c -> printable.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return text.length() > 40 ? printable + "…(" + text.length() + ")" : printable.toString();
    }
}

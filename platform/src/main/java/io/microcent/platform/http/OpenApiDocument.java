package io.microcent.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of one server: the platform's own fragment ({@code openapi/platform.json}:
 * health, metrics, this document, and the shared {@code Problem} schema) merged with the fragment of every
 * hosted service. A service's fragment lives next to its routes, so a service run alone documents only
 * itself and the all-in-one documents all four. The {@code Problem.code} enum is filled in from
 * {@link ErrorCode}, so it cannot drift from the codes the server sends.
 *
 * <p>Fragments are merged, not overwritten: two fragments describing the same operation, or the same
 * schema differently, fail the start, as a document that silently lost one of them would mislead.
 */
public final class OpenApiDocument {

    public static final String PATH = "/openapi.json";
    static final String PLATFORM_FRAGMENT = "openapi/platform.json";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final ObjectNode document;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    /** The document of a server hosting {@code routes}. */
    public static OpenApiDocument merge(List<HttpRoutes> routes) {
        Set<String> fragments = new LinkedHashSet<>();
        fragments.add(PLATFORM_FRAGMENT);
        routes.forEach(r -> fragments.addAll(r.openApiFragments()));
        return of(new ArrayList<>(fragments));
    }

    /** The merge of the fragments at these classpath resources, the first one giving {@code openapi} and {@code info}. */
    static OpenApiDocument of(List<String> fragments) {
        ObjectNode document = read(fragments.getFirst());
        for (String fragment : fragments.subList(1, fragments.size())) {
            mergeInto(document, read(fragment), fragment);
        }
        sortPaths(document);
        ArrayNode codes = object(object(object(object(object(document, "components"), "schemas"), "Problem"), "properties"), "code")
                .putArray("enum");
        for (ErrorCode code : ErrorCode.values()) {
            codes.add(code.code());
        }
        return new OpenApiDocument(document);
    }

    public JsonNode json() {
        return document.deepCopy();
    }

    public byte[] toBytes() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document is always serializable", e);
        }
    }

    /** Every operation the document describes, as {@code METHOD /path/{param}}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (OPERATIONS.contains(method)) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations.stream().sorted().toList();
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI fragment " + resource + " is not on the classpath");
            }
            JsonNode node = Json.mapper().readTree(in);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException("the OpenAPI fragment " + resource + " is not a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI fragment " + resource, e);
        }
    }

    private static void mergeInto(ObjectNode document, ObjectNode fragment, String source) {
        fragment.path("paths").properties().forEach(path -> {
            ObjectNode target = object(object(document, "paths"), path.getKey());
            path.getValue().properties().forEach(operation -> {
                if (target.has(operation.getKey()) && !target.get(operation.getKey()).equals(operation.getValue())) {
                    throw new IllegalStateException(source + " describes " + operation.getKey() + " " + path.getKey()
                            + " differently from another fragment");
                }
                target.set(operation.getKey(), operation.getValue());
            });
        });
        fragment.path("components").properties().forEach(kind -> {
            ObjectNode target = object(object(document, "components"), kind.getKey());
            kind.getValue().properties().forEach(component -> {
                if (target.has(component.getKey()) && !target.get(component.getKey()).equals(component.getValue())) {
                    throw new IllegalStateException(source + " defines components." + kind.getKey() + "."
                            + component.getKey() + " differently from another fragment");
                }
                target.set(component.getKey(), component.getValue());
            });
        });
        if (fragment.has("tags")) {
            ArrayNode tags = document.get("tags") instanceof ArrayNode existing ? existing : document.putArray("tags");
            for (JsonNode tag : fragment.get("tags")) {
                if (!contains(tags, tag)) {
                    tags.add(tag);
                }
            }
        }
    }

    /** The object in {@code parent}'s property {@code name}, added when absent (names are never JSON pointers). */
    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void sortPaths(ObjectNode document) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        document.path("paths").properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode paths = document.putObject("paths");
        sorted.forEach(paths::set);
    }
}

package io.microcent.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.platform.http.HttpRoutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /console/assets/{file}}: the browser libraries from their WebJars and the console's own CSS and
 * scripts ({@code src/main/resources/console/assets}). Only the files named here are served: a path can
 * never reach any other classpath resource.
 */
public final class Assets implements HttpRoutes {

    public static final String PATH = "/console/assets/";

    /** Library files, by the name pages use, from WebJar (group org.webjars.npm) and path inside it. */
    private static final Map<String, String[]> LIBRARIES = Map.of(
            "htmx.min.js", new String[]{"htmx.org", "dist/htmx.min.js"},
            "htmx-sse.js", new String[]{"htmx-ext-sse", "sse.js"},
            "alpine.min.js", new String[]{"alpinejs", "dist/cdn.min.js"},
            "chart.umd.min.js", new String[]{"chart.js", "dist/chart.umd.min.js"},
            "pico.min.css", new String[]{"picocss__pico", "css/pico.min.css"});
    private static final Map<String, String> OWN = Map.of(
            "console.css", "text/css", "console.js", "text/javascript", "usage.js", "text/javascript",
            "analytics.js", "text/javascript", "charts.js", "text/javascript");

    private final Map<String, byte[]> files = new java.util.HashMap<>();

    public Assets() {
        LIBRARIES.forEach((name, jar) -> files.put(name, read("META-INF/resources/webjars/" + jar[0] + "/" + version(jar[0]) + "/" + jar[1])));
        OWN.keySet().forEach(name -> {
            byte[] own = readIfPresent("console/assets/" + name);
            if (own != null) {
                files.put(name, own);
            }
        });
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "{file}", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = files.get(name);
        if (body == null) {
            ctx.status(404).contentType("text/plain").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType(name)).result(body);
    }

    private static String contentType(String name) {
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    /** The WebJar's version from its Maven metadata, so upgrading a WebJar is a change of the pom alone. */
    private static String version(String artifact) {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String path) {
        byte[] bytes = readIfPresent(path);
        if (bytes == null) {
            throw new IllegalStateException("the console's asset " + path + " is not on the classpath");
        }
        return bytes;
    }

    private static byte[] readIfPresent(String path) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the console's asset " + path + " is not on the classpath");
        }
        return in;
    }
}

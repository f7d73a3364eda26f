package io.olyx.adapter.http;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter's entry: one Javalin server on virtual threads, with the shared error shape, request ids and the
 * route areas bootstrap hands in. Stopping lets in-flight requests finish first, for up to {@link #STOP_GRACE}.
 */
public final class HttpApi implements AutoCloseable {
    /** How long a stop waits for requests in flight (a long model stream, say) before closing their connections. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int RESPONSE_COPY_BUFFER_BYTES = 4096;
    private final Javalin app;
    private final HttpSettings settings;

    public HttpApi(HttpSettings settings, List<Consumer<Javalin>> routeAreas) {
        this.settings = settings;
        List<HandlerMetaInfo> getRoutes = new ArrayList<>();
        Set<String> headPaths = new HashSet<>();
        this.app = Javalin.create(config -> {
            config.events(events -> events.handlerAdded(route -> {
                if (route.getHttpMethod() == HandlerType.GET) {
                    getRoutes.add(route);
                } else if (route.getHttpMethod() == HandlerType.HEAD) {
                    headPaths.add(route.getPath());
                }
            }));
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(JsonMapperFactory.create(), true));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            // Javalin copies each finished response into Jetty's (already buffered) stream through a fresh array of
            // this size, 32 KB by default: the largest single piece of a gateway call's garbage.
            config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            config.router.ignoreTrailingSlashes = true;
            // a body that stops arriving fails its read after this long, which BodyLimit answers with a 408
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.idleTimeout().toMillis()));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_GRACE.toMillis());
                server.setErrorHandler(new JsonErrorPages());
            });
        });
        app.before(RequestIds::assign);
        app.before(ctx -> BodyLimit.install(ctx, settings));
        ErrorHandling.register(app);
        app.get("/up", ctx -> ctx.json(Map.of("status", "ok")));
        routeAreas.forEach(area -> area.accept(app));
        // Javalin answers HEAD on a GET route with an empty 200 text/plain without running the route, and so
        // without its authentication; run the GET route instead (Jetty sends no body for HEAD), as RFC 9110 asks,
        // unless the area answers HEAD itself (a GET that makes a model call must not make one for a HEAD)
        getRoutes.stream().filter(route -> !headPaths.contains(route.getPath()))
                .forEach(route -> app.head(route.getPath(), route.getHandler()));
    }

    /**
     * Listens on the configured address. When Jetty cannot bind it, Javalin's stop of the half-started server (with
     * its graceful-shutdown timeout) throws in place of the bind failure, so the failure names the address itself.
     * That exception is a checked one Kotlin code throws undeclared, hence the catch of any exception.
     */
    public HttpApi start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (Exception e) {
            throw new IllegalStateException("could not listen on " + settings.host() + ":" + settings.port()
                    + " (OLYX_HOST, OLYX_PORT): " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops the server. Requests still running after the grace period have their connections closed, which is
     * logged but is no failure of the stop: Jetty has stopped either way, and the rest of a shutdown must go on.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (JavalinException e) {
            LOG.warn("requests still running {} s after the stop began had their connections closed",
                    STOP_GRACE.toSeconds(), e);
        }
    }
}

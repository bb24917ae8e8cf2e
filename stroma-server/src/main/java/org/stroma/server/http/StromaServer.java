package org.stroma.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Optional;
import org.stroma.server.app.Admission;
import org.stroma.server.app.Moments;
import org.stroma.server.app.RequestException;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.auth.Principal;
import org.stroma.server.auth.TooManyAttemptsException;
import org.stroma.server.pages.ErrorPage;
import org.stroma.trial.refusal.Refusal;

/**
 * The web server: the JSON API under /api, the pages elsewhere. Before any handler it finds the person from the
 * session cookie (an API call without one is refused, a page sends them to sign in) and checks the CSRF token of every
 * POST. Errors become JSON for the API and a page for people, with the same message.
 */
public final class StromaServer implements AutoCloseable {
    static final String SESSION_COOKIE = "stroma_session";
    /** How long a stopping server gives the requests under way to finish; it takes no new ones meanwhile. */
    public static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(10);

    private final Javalin app;
    private final List<Endpoint> api;
    private final List<Endpoint> pages;

    private StromaServer(Services services) {
        this.api = ApiRoutes.all(services);
        this.pages = PageRoutes.all(services);
        ObjectNode openApi = OpenApiDocument.of(api);
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Web.JSON, false));
            config.jetty.modifyServer(jetty -> jetty.setStopTimeout(DRAIN.toMillis()));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline';"
                        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
                Web.checkQuery(ctx);
                authenticate(services.auth(), ctx);
            });
            config.routes.get("/api/openapi.json", ctx -> ctx.json(openApi));
            for (Endpoint e : api) {
                add(config.routes, e, services);
            }
            for (Endpoint e : pages) {
                add(config.routes, e, services);
            }
            config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e));
        });
    }

    private static void add(io.javalin.config.RoutesConfig routes, Endpoint e, Services services) {
        Handler admitted = ctx -> {
            admit(services, e, ctx);
            e.handler().handle(ctx);
        };
        if (e.method().equals("GET")) {
            routes.get(e.path(), admitted);
        } else {
            routes.post(e.path(), admitted);
        }
    }

    /**
     * Before a route's handler reads anything: its path's values keep the rules of typed text; under a study, the
     * person is one of its members whose roles allow the route's actions, and a subject it names is one they see — a
     * subject at another site is not found, in the words of one that does not exist.
     */
    private static void admit(Services services, Endpoint e, Context ctx) throws Exception {
        Web.checkPath(ctx);
        if (e.path().contains("{study}")) {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            Admission.admit(p, study, e.needs());
            if (e.path().contains("{subject}")) {
                services.conduct().visibleSubject(p, study, ctx.pathParam("subject"));
            }
        }
    }

    public static StromaServer start(Services services, int port) {
        StromaServer server = new StromaServer(services);
        server.app.start("127.0.0.1", port);
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Every route of the API, for the OpenAPI document and for tests. */
    public List<Endpoint> api() {
        return api;
    }

    public List<Endpoint> pages() {
        return pages;
    }

    private static void authenticate(Authenticator auth, Context ctx) throws Exception {
        String path = ctx.path();
        boolean isApi = path.startsWith("/api/");
        boolean open = ApiRoutes.isOpen(ctx.method().name(), path) || PageRoutes.isOpen(path);
        Optional<Principal> principal = auth.principal(ctx.cookie(SESSION_COOKIE));
        // the pages write dates as the person's browser asks
        principal.ifPresent(p -> ctx.attribute(Web.PRINCIPAL, p.withLocale(Moments.locale(ctx.header(
                "Accept-Language")))));
        if (!isApi && ctx.method().name().equals("POST")) {
            // a page's fields, typed or sent as multipart (a file's bytes are read by its own reader), the sign-in's
            // too: a user name is looked up in the database, which refuses U+0000
            Web.checkForm(ctx);
        }
        if (open) {
            return;
        }
        if (principal.isEmpty()) {
            if (isApi) {
                throw RequestException.unauthenticated();
            }
            if (ctx.header("HX-Request") != null) {
                // a part of a page asked for after the session ended: the whole page goes to the sign-in, rather
                // than the sign-in form being swapped into the part
                ctx.header("HX-Redirect", "/signin");
            } else {
                ctx.redirect("/signin");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST")) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null && !isApi) {
                sent = ctx.formParam("_csrf");
            }
            if (!Authenticator.same(sent, principal.get().csrfToken())) {
                throw RequestException.forbidden("the request's CSRF token is missing or wrong: reload the page");
            }
        }
    }

    static void setSessionCookie(Context ctx, String token) {
        Cookie cookie = new Cookie(SESSION_COOKIE, token, "/", -1, ctx.scheme().equals("https"));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
    }

    private static void fail(Context ctx, Exception e) {
        ErrorBody body = errorBody(e);
        if (e instanceof TooManyAttemptsException t) {
            ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
        }
        ctx.status(body.status());
        if (ctx.path().startsWith("/api/")) {
            ctx.json(body);
        } else {
            ctx.html(ErrorPage.render(body.status(), body.error(), ctx.attribute(Web.PRINCIPAL)));
        }
    }

    /**
     * The answer to a request that failed: a refusal (what the person must put right) by its kind, or, for any other
     * exception, an internal error whose details go to the log and never to the person.
     */
    static ErrorBody errorBody(Exception e) {
        if (e instanceof TooManyAttemptsException) {
            return new ErrorBody(429, e.getMessage(), "username");
        }
        if (e instanceof RequestException r) {
            // the field at fault is named in the message too, for the person reading it on a page
            String message = r.field() == null || r.getMessage().contains(r.field()) ? r.getMessage() : r.field()
                    + ": " + r.getMessage();
            return new ErrorBody(r.status(), message, r.field());
        }
        if (e instanceof Refusal r) {
            String message = r.field() == null ? r.getMessage() : r.field() + ": " + r.getMessage();
            return new ErrorBody(status(r.kind()), message, r.field());
        }
        if (e instanceof io.javalin.http.HttpResponseException h) {
            return new ErrorBody(h.getStatus(), h.getMessage(), null);
        }
        System.err.println("stroma: internal error: " + e);
        e.printStackTrace();
        return new ErrorBody(500, "internal error; the server log has the details", null);
    }

    private static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }

    @Override
    public void close() {
        app.stop();
    }
}

package org.stroma.server.http;

import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.Set;
import org.stroma.server.app.Action;

/**
 * One route of the server: method, path, what it does in a sentence, its handler, and who may reach it. The API's
 * routes make the OpenAPI document; tests walk every route of both lists. A route under a study admits its members
 * only, and of them the roles of its actions ({@code needs}; none: every member), before its handler reads anything
 * of the request, so that who may ask is settled before what they asked.
 */
public record Endpoint(String method, String path, String summary, String body, Handler handler, Set<Action> needs) {

    public Endpoint {
        needs = Set.copyOf(needs);
    }

    public static Endpoint get(String path, String summary, Handler handler) {
        return new Endpoint("GET", path, summary, null, handler, Set.of());
    }

    /** A POST whose body is described in words ("JSON {"to": state, "reason": text}"). */
    public static Endpoint post(String path, String summary, String body, Handler handler) {
        return new Endpoint("POST", path, summary, body, handler, Set.of());
    }

    /** The route, reached only by those whose roles allow one of these actions. */
    public Endpoint needs(Action... actions) {
        return new Endpoint(method, path, summary, body, handler, Set.copyOf(Arrays.asList(actions)));
    }
}

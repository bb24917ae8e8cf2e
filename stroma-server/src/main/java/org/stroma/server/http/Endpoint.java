package org.stroma.server.http;

import io.javalin.http.Handler;

/**
 * One route of the server: method, path, what it does in a sentence, and its handler. The API's routes make the
 * OpenAPI document; tests walk every route of both lists.
 */
public record Endpoint(String method, String path, String summary, String body, Handler handler) {

    public static Endpoint get(String path, String summary, Handler handler) {
        return new Endpoint("GET", path, summary, null, handler);
    }

    /** A POST whose body is described in words ("JSON {"to": state, "reason": text}"). */
    public static Endpoint post(String path, String summary, String body, Handler handler) {
        return new Endpoint("POST", path, summary, body, handler);
    }
}

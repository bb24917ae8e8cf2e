package org.stroma.server.app;

import org.stroma.trial.refusal.Refusal;

/**
 * A request Stroma refuses, with what a person needs to put it right: the HTTP status it maps to, a message in plain
 * words, and the field at fault (null when no single field is). The refusals of the services, which know the
 * request's status better than the kind of refusal says (not signed in, a body of the wrong media type).
 */
public final class RequestException extends RuntimeException implements Refusal {
    private final int status;
    private final String field;

    private RequestException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RequestException badRequest(String field, String message) {
        return new RequestException(400, message, field);
    }

    /** The body is not of the media type the route takes. */
    public static RequestException unsupportedMediaType(String message) {
        return new RequestException(415, message, "Content-Type");
    }

    public static RequestException unauthenticated() {
        return new RequestException(401, "sign in first", null);
    }

    public static RequestException forbidden(String message) {
        return new RequestException(403, message, null);
    }

    public static RequestException notFound(String message) {
        return new RequestException(404, message, null);
    }

    /** The request is well formed but the trial's rules do not allow it now (a step out of order). */
    public static RequestException conflict(String message) {
        return new RequestException(409, message, null);
    }

    /** The request was made from something that has changed since: its version is stale. */
    public static RequestException stale(String message) {
        return new RequestException(409, message, "version");
    }

    public int status() {
        return status;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Kind kind() {
        return switch (status) {
            case 401, 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            default -> Kind.INVALID_INPUT;
        };
    }
}

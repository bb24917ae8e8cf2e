package org.stroma.server.http;

/** An error as the API returns it: the status, a message a person understands, and the field at fault (or null). */
public record ErrorBody(int status, String error, String field) {
}

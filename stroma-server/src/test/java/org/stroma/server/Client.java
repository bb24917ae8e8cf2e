package org.stroma.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** One person's HTTP client: their cookies, their CSRF token, JSON in and out. */
public final class Client {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Client signIn(String user, String password) throws Exception {
        Reply r = post("/api/session", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + user + " failed: " + r.body());
        }
        csrf = r.json().get("csrfToken").asText();
        return this;
    }

    public Reply get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A file downloaded: its status, its type, how it is named, and its bytes. */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    public Download download(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    public Reply post(String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A page's form posted as a browser posts it (fields URL-encoded), with the session's CSRF token. */
    public Reply postForm(String path, String fields) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A page's form posted as multipart/form-data, as a form with a file is sent, with the session's CSRF token. */
    public Reply postMultipart(String path, Map<String, String> fields) throws Exception {
        String boundary = "----stroma" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data;")
                .append(" name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    public Reply postWithoutCsrf(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }
}

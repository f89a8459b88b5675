package org.greenlane.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A user of the server under load: JSON in and out, any unexpected status an exception. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String authorization;

    /** Over HTTP Basic. */
    Client(int port, String user, String password) {
        this(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Client(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** With an identity provider's bearer token. */
    static Client bearer(int port, String token) {
        return new Client(port, "Bearer " + token);
    }

    /** Without logging in, as a checkpoint calls. */
    static Client anonymous(int port) {
        return new Client(port, (String) null);
    }

    JsonNode get(String path) {
        return call(request(path).GET().build(), 200);
    }

    JsonNode post(String path, Object body) {
        return post(path, body, 201);
    }

    JsonNode post(String path, Object body, int expected) {
        return send("POST", path, "application/json", bytes(body), expected);
    }

    JsonNode put(String path, Object body, int expected) {
        return send("PUT", path, "application/json", bytes(body), expected);
    }

    /** A body of any type (a rule file's octets, a multipart form), its answer JSON like the others'. */
    JsonNode send(String method, String path, String contentType, byte[] body, int expected) {
        return call(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), expected);
    }

    /** The status of a GET, for load that counts failures instead of stopping at one. */
    int status(String path) throws IOException {
        return send(request(path).GET().build()).statusCode();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private JsonNode call(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The body as JSON; a body already written as JSON (bytes) is sent as it is. */
    static byte[] bytes(Object body) {
        if (body instanceof byte[] json) {
            return json;
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

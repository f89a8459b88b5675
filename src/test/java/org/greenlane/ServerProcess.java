package org.greenlane;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server as a separate JVM on the production classpath (the test classes left out), for what only a real
 * process shows: a kill -9, a restart, its memory and its throughput.
 */
public final class ServerProcess implements AutoCloseable {

    private static final String DEMO_PASSWORD = "demo";

    private final Process process;
    public final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, Path log) throws IOException {
        return start(dataDir, Path.of("rules"), log, List.of());
    }

    /** A node with its own rules folder and extra settings ({@code --name=value}), e.g. another database. */
    static ServerProcess start(Path dataDir, Path rulesDir, Path log, List<String> settings) throws IOException {
        List<String> withoutWebapps = new ArrayList<>(settings);
        withoutWebapps.add("--camunda.bpm.webapp.enabled=false");
        return start(dataDir, rulesDir, log, List.of("-Xmx384m"), withoutWebapps);
    }

    /** A node started with these JVM options; none gives the JVM's defaults, as with the README's run command. */
    public static ServerProcess start(Path dataDir, Path rulesDir, Path log, List<String> jvmOptions,
                                      List<String> settings) throws IOException {
        int port = freePort();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "org.greenlane.GreenlaneApplication",
                "--server.port=" + port, "--greenlane.data-dir=" + dataDir, "--greenlane.rules-dir=" + rulesDir));
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServerProcess server = new ServerProcess(process, port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(server::healthy);
        return server;
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The server process ended with " + process.exitValue());
        }
        try {
            return send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** As the demo account {@code user} (password "demo"): the enterprise 2400123456 or a staff member. */
    HttpResponse<String> get(String user, String path) throws IOException {
        return get(user, DEMO_PASSWORD, path);
    }

    HttpResponse<String> get(String user, String password, String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET().build());
    }

    HttpResponse<String> put(String user, String path, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> post(String user, String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String basic(String user) {
        return basic(user, DEMO_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The server's JVM, for what the operating system reports of it (its CPU time). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

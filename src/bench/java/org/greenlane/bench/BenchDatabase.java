package org.greenlane.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where a benchmark's server and its bare engine keep their data: H2 files (the server's default) or two fresh
 * databases on the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth), dropped afterwards.
 */
record BenchDatabase(String label, String bareUrl, String user, List<String> serverSettings, List<String> created)
        implements AutoCloseable {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    /** The H2 settings of application.yml. */
    static BenchDatabase h2(Path dir) {
        return new BenchDatabase("same H2 file database",
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bare")
                        + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256;CACHE_SIZE=2048", "sa", List.of(), List.of());
    }

    static BenchDatabase postgres() throws SQLException {
        long run = System.currentTimeMillis();
        String server = "greenlane_bench_" + run;
        String bare = "bare_bench_" + run;
        execute("create database " + server);
        execute("create database " + bare);
        return new BenchDatabase("same local PostgreSQL", POSTGRES + bare, "postgres",
                List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + POSTGRES + server,
                        "--spring.datasource.username=postgres"),
                List.of(server, bare));
    }

    String bareDriver() {
        return bareUrl.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver";
    }

    @Override
    public void close() throws SQLException {
        for (String database : created) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

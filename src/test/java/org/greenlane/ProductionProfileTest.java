package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database first started in the default profile, with its demo accounts, then by the prod profile: no demo
 * account logs in any more, the administrator's configured password is the one that works, and permits are signed
 * with the configured key. On the local
 * PostgreSQL (trust auth: any password is taken, so prod's password check is satisfied), a database of its own.
 */
class ProductionProfileTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_PASSWORD = "Tr4m-Quang-Chau-2021";

    @TempDir
    Path work;
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "greenlane_prod_" + System.currentTimeMillis();
        execute("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void theProdProfileTrustsItsConfigurationNotWhatTheDatabaseHolds() throws Exception {
        Path log = Files.createTempFile("greenlane-prod", ".log");
        List<String> postgres = List.of("--spring.datasource.url=" + SERVER + database,
                "--spring.datasource.username=postgres");
        // given a database the default profile started, where the demo accounts work
        try (ServerProcess first = ServerProcess.start(work.resolve("data"), Path.of("rules"), log,
                with(postgres, "--spring.profiles.active=postgres"))) {
            assertThat(first.get("health1", "/engine-rest/task").statusCode()).isEqualTo(200);
            assertThat(first.get("admin", "/api/audit").statusCode()).isEqualTo(200);
        }

        // when the server starts on it with the prod profile, a real administrator password and a signing key
        KeyPair permitKey = TestSigningKeys.generate("secp256r1");
        Path signingKey = Files.writeString(work.resolve("permit-signing-key.pem"),
                TestSigningKeys.pem(permitKey.getPrivate()));
        try (ServerProcess prod = ServerProcess.start(work.resolve("data"), Path.of("rules"), log,
                with(postgres, "--spring.profiles.active=postgres,prod",
                        "--spring.datasource.password=Db-Secret-Bac-Giang-2021",
                        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                        "--greenlane.permit.signing-key=" + signingKey))) {

            // then no demo account logs in, wherever it used to
            for (String member : List.of("health1", "housing1", "labour1", "transport1", "steering1", "admin")) {
                assertThat(prod.get(member, "/engine-rest/task").statusCode()).as(member).isEqualTo(401);
            }
            assertThat(prod.get("author1", "/api/rules").statusCode()).isEqualTo(401);
            assertThat(prod.get("2400123456", "/api/applications").statusCode()).isEqualTo(401);
            // and the configured administrator password does
            assertThat(prod.get("admin", ADMIN_PASSWORD, "/api/audit").statusCode()).isEqualTo(200);
            assertThat(prod.get("admin", ADMIN_PASSWORD, "/engine-rest/task").statusCode()).isEqualTo(200);
            // and checkpoints are given the configured key alone, not the one the default profile made
            JWKSet published = JWKSet.parse(prod.get("admin", ADMIN_PASSWORD, "/.well-known/jwks.json").body());
            assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(new ECKey.Builder(Curve.P_256,
                    (ECPublicKey) permitKey.getPublic()).build().computeThumbprint().toString());
        }
    }

    private static List<String> with(List<String> settings, String... more) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(List.of(more));
        return all;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the docker/ files are checked as far as tools allow: their structure, and
 * `docker-compose config` where that tool is installed.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    void dockerfileBuildsInStagesAndRunsAsANonRootUserWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));

        assertThat(lines.stream().filter(line -> line.startsWith("FROM "))).hasSize(2)
                .first().asString().contains(" AS build");
        assertThat(lines).anyMatch(line -> line.startsWith("COPY --from=build "));
        assertThat(lines).anyMatch(line -> line.matches("USER (?!root\\b)\\w+"));
        assertThat(lines).anyMatch(line -> line.startsWith("HEALTHCHECK "));
        assertThat(lines).contains("EXPOSE 8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresAndTwoNodesBehindOnePortWithTheRulesMounted() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("postgres", "node-a", "node-b", "proxy");
        for (String node : List.of("node-a", "node-b")) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/greenlane");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres,prod");
            assertThat(environment).containsKey("GREENLANE_PERMIT_SIGNING_KEY");
            assertThat((List<String>) service.get("volumes")).contains("../rules:/app/rules");
        }
        assertThat((Map<String, Object>) services.get("node-b").get("depends_on")).containsKey("node-a");
        assertThat((List<String>) services.get("proxy").get("ports")).containsExactly("8080:8080");
        assertThat(Files.readString(DOCKER.resolve("nginx.conf"))).contains("server node-a:8080", "server node-b:8080");
    }

    @Test
    void composeToolAcceptsTheFileWhereItIsInstalled() throws Exception {
        Path tool = Path.of("/usr/bin/docker-compose");
        assumeTrue(Files.isExecutable(tool), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder check = new ProcessBuilder(tool.toString(), "-f", "docker/compose.yml", "config", "-q")
                .redirectErrorStream(true);
        check.environment().put("GREENLANE_DB_PASSWORD", "a-database-password");
        check.environment().put("GREENLANE_ADMIN_PASSWORD", "an-admin-password");
        check.environment().put("GREENLANE_PERMIT_SIGNING_KEY", "-----BEGIN PRIVATE KEY-----");
        Process process = check.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
    }
}

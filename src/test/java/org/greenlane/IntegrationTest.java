package org.greenlane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the integration tests share: the whole server on a random port, an in-memory database,
 * a copy of the real rules folder, and a clock fixed at {@link TestApplications#NOW} so the shipped test dates stay recent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:greenlane-it;DB_CLOSE_DELAY=-1",
        "greenlane.demo.password=test-secret"})
@Import(IntegrationTest.FixedClock.class)
public abstract class IntegrationTest {

    /** A copy of the shipped rules: tests edit it as an official would, the repository's folder stays untouched. */
    protected static final Path RULES = copyOfShippedRules();

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("greenlane.rules-dir", RULES::toString);
    }

    private static Path copyOfShippedRules() {
        try {
            Path copy = Files.createTempDirectory("greenlane-rules");
            try (var files = Files.list(Path.of("rules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(TestApplications.NOW, TestApplications.VIETNAM);
        }
    }
}

package org.greenlane;

import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring context the integration tests share: the whole server on a random port, an in-memory database,
 * the real rules folder, and a clock fixed at {@link TestApplications#NOW} so the shipped test dates stay recent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:greenlane-it;DB_CLOSE_DELAY=-1",
        "greenlane.rules-dir=rules",
        "greenlane.demo.password=test-secret"})
@Import(IntegrationTest.FixedClock.class)
public abstract class IntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(TestApplications.NOW, TestApplications.VIETNAM);
        }
    }
}

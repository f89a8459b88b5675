package org.greenlane.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationClock {

    /**
     * "Not in the future" is judged on the server's clock in the province's zone: a close contact dated today in
     * Bắc Giang is accepted at 06:00 local time even on a UTC machine.
     */
    @Bean
    ValidationConfigurationCustomizer provinceClock(Clock clock, GreenlaneProperties properties) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(properties.zone()));
    }
}

package org.greenlane.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** One clock for every "now", so tests can screen at a fixed time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.greenlane.screening;

import org.greenlane.system.GreenlaneProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    Screener screener(GreenlaneProperties properties) {
        return new Screener(properties.zone());
    }
}

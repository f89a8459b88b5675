package org.greenlane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GreenlaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreenlaneApplication.class, args);
    }
}

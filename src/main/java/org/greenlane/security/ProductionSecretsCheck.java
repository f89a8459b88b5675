package org.greenlane.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production, the server refuses to start on an empty or well-known password, with demo data on, or without the
 * permits' own signing key.
 */
@Component
@Profile("prod")
class ProductionSecretsCheck {

    private static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "password", "sa", "postgres", "camunda",
            "greenlane", "changeme", "123456");

    ProductionSecretsCheck(Environment environment) {
        List<String> problems = new ArrayList<>();
        checkPassword(environment, "camunda.bpm.admin-user.password", "GREENLANE_ADMIN_PASSWORD", problems);
        checkPassword(environment, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
        if (environment.getProperty("greenlane.demo.enabled", Boolean.class, false)) {
            problems.add("greenlane.demo.enabled must be false: demo accounts have a published password");
        }
        if (environment.getProperty("greenlane.permit.signing-key", "").isBlank()) {
            problems.add("greenlane.permit.signing-key (GREENLANE_PERMIT_SIGNING_KEY) must be set to the province's "
                    + "EC P-256 private key (PEM, or a PEM file's path): checkpoints trust what it signs");
        }
        if (environment.getProperty("greenlane.permit.dev-key", Boolean.class, false)) {
            problems.add("greenlane.permit.dev-key must be false: a key the server made itself is kept in its database");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the prod profile: " + String.join("; ", problems));
        }
    }

    private static void checkPassword(Environment environment, String property, String variable,
                                      List<String> problems) {
        String value = environment.getProperty(property, "");
        if (value.isBlank() || WELL_KNOWN.contains(value.toLowerCase(Locale.ROOT)) || value.length() < 10) {
            problems.add(property + " (" + variable + ") must be set to a password of at least 10 characters that "
                    + "is not a default");
        }
    }
}

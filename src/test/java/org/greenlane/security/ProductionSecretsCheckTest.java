package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The prod profile refuses to start on an empty or well-known password, with the demo accounts on, or without the
 * permits' own signing key.
 */
class ProductionSecretsCheckTest {

    private static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    private static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    private static final String DEMO = "greenlane.demo.enabled";
    private static final String SIGNING_KEY = "greenlane.permit.signing-key";
    private static final String DEV_KEY = "greenlane.permit.dev-key";

    @Test
    void realPasswordsAndNoDemoStart() {
        assertThatCode(() -> new ProductionSecretsCheck(production())).doesNotThrowAnyException();
    }

    @Test
    void demoDisabledByOmissionStarts() {
        MockEnvironment withoutDemo = new MockEnvironment()
                .withProperty(ADMIN_PASSWORD, "c0rrect-Horse-battery")
                .withProperty(DATASOURCE_PASSWORD, "Xq7-pR2m-Lk9wZ")
                .withProperty(SIGNING_KEY, "/run/secrets/permit-signing-key.pem");

        assertThatCode(() -> new ProductionSecretsCheck(withoutDemo)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "demo", "DEMO", "admin", "changeme", "short-1", "123456789"})
    void aMissingWeakOrWellKnownAdminPasswordIsRefused(String password) {
        MockEnvironment environment = production().withProperty(ADMIN_PASSWORD, password);

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ADMIN_PASSWORD).hasMessageContaining("GREENLANE_ADMIN_PASSWORD")
                .hasMessageNotContaining(DATASOURCE_PASSWORD);
    }

    @Test
    void anUnsetAdminPasswordIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty(DATASOURCE_PASSWORD, "Xq7-pR2m-Lk9wZ")
                .withProperty(DEMO, "false");

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ADMIN_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "postgres", "sa", "greenlane", "pw-2021"})
    void aMissingWeakOrWellKnownDatabasePasswordIsRefused(String password) {
        MockEnvironment environment = production().withProperty(DATASOURCE_PASSWORD, password);

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DATASOURCE_PASSWORD).hasMessageContaining("SPRING_DATASOURCE_PASSWORD")
                .hasMessageNotContaining(ADMIN_PASSWORD);
    }

    @Test
    void demoAccountsAreRefused() {
        MockEnvironment environment = production().withProperty(DEMO, "true");

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DEMO)
                .hasMessageNotContaining(ADMIN_PASSWORD).hasMessageNotContaining(DATASOURCE_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMissingPermitSigningKeyIsRefused(String key) {
        MockEnvironment environment = production().withProperty(SIGNING_KEY, key);

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SIGNING_KEY).hasMessageContaining("GREENLANE_PERMIT_SIGNING_KEY")
                .hasMessageNotContaining(ADMIN_PASSWORD).hasMessageNotContaining(DEV_KEY);
    }

    @Test
    void aDevelopmentSigningKeyIsRefused() {
        MockEnvironment environment = production().withProperty(DEV_KEY, "true");

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DEV_KEY).hasMessageNotContaining("GREENLANE_PERMIT_SIGNING_KEY");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "demo")
                .withProperty(DATASOURCE_PASSWORD, "").withProperty(DEMO, "true");

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ADMIN_PASSWORD).hasMessageContaining(DATASOURCE_PASSWORD)
                .hasMessageContaining(DEMO).hasMessageContaining(SIGNING_KEY);
    }

    /** Long, not well known, demo off, the province's own signing key: what an operator sets. */
    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty(ADMIN_PASSWORD, "c0rrect-Horse-battery")
                .withProperty(DATASOURCE_PASSWORD, "Xq7-pR2m-Lk9wZ")
                .withProperty(DEMO, "false")
                .withProperty(SIGNING_KEY, "/run/secrets/permit-signing-key.pem")
                .withProperty(DEV_KEY, "false");
    }
}

package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start on an empty or well-known password, or with the demo accounts on. */
class ProductionSecretsCheckTest {

    private static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    private static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    private static final String DEMO = "greenlane.demo.enabled";

    @Test
    void realPasswordsAndNoDemoStart() {
        assertThatCode(() -> new ProductionSecretsCheck(production())).doesNotThrowAnyException();
    }

    @Test
    void demoDisabledByOmissionStarts() {
        MockEnvironment withoutDemo = new MockEnvironment()
                .withProperty(ADMIN_PASSWORD, "c0rrect-Horse-battery")
                .withProperty(DATASOURCE_PASSWORD, "Xq7-pR2m-Lk9wZ");

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

    @Test
    void everyProblemIsNamedAtOnce() {
        MockEnvironment environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "demo")
                .withProperty(DATASOURCE_PASSWORD, "").withProperty(DEMO, "true");

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ADMIN_PASSWORD).hasMessageContaining(DATASOURCE_PASSWORD)
                .hasMessageContaining(DEMO);
    }

    /** Long, not well known, demo off: what an operator sets. */
    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty(ADMIN_PASSWORD, "c0rrect-Horse-battery")
                .withProperty(DATASOURCE_PASSWORD, "Xq7-pR2m-Lk9wZ")
                .withProperty(DEMO, "false");
    }
}

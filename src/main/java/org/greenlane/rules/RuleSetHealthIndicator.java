package org.greenlane.rules;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * "rules": UP while the active rule set is what the folder holds; OUT_OF_SYNC, with the compile errors, when the
 * folder holds a change that could not go live (the server still screens with the active set).
 */
@Component("rules")
class RuleSetHealthIndicator implements HealthIndicator {

    static final Status OUT_OF_SYNC = new Status("OUT_OF_SYNC", "The rules folder does not compile; the previous "
            + "rule set stays active");

    private final ActiveRuleSet rules;

    RuleSetHealthIndicator(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        var activation = rules.active().activation();
        var pending = rules.pending();
        Health.Builder health = pending == null ? Health.up() : Health.status(OUT_OF_SYNC)
                .withDetail("problems", pending.problems()).withDetail("detectedAt", pending.detectedAt());
        return health.withDetail("version", activation.version()).withDetail("checksum", activation.checksum()).build();
    }
}

package org.greenlane.rules;

import java.nio.file.Path;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.system.GreenlaneProperties;

/** The real rule folder, compiled once per test JVM, for tests outside the rules package. */
public final class TestRules {

    private static ScreeningRules shipped;

    private TestRules() {
    }

    public static synchronized ScreeningRules shipped() {
        if (shipped == null) {
            var properties = new GreenlaneProperties(null, Path.of("rules"), null, null);
            shipped = new ActiveRuleSet(new RuleCompiler(), properties).get();
        }
        return shipped;
    }
}

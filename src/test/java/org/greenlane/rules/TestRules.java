package org.greenlane.rules;

import java.nio.file.Path;
import org.greenlane.screening.ScreeningRules;

/** The real rule folder, compiled once per test JVM, for tests outside the rules package. */
public final class TestRules {

    private static ScreeningRules shipped;

    private TestRules() {
    }

    public static synchronized ScreeningRules shipped() {
        if (shipped == null) {
            shipped = new RuleCompiler().compile(new RuleFolder(Path.of("rules")).read());
        }
        return shipped;
    }
}

package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A rule file may reason over the facts and insert findings; anything that reaches outside them is refused. */
class RuleSourceCheckTest {

    private static final String RULE = """
            package org.greenlane.rules;
            import org.greenlane.screening.ScreenedWorker;
            import org.greenlane.screening.WorkerMark;
            rule "Probe"
            when
                $w : ScreenedWorker( hoursSinceNegativePcr > 72 )
            then
                %s
            end
            """;

    @Test
    void everyShippedFileAndTableIsAllowed() {
        SortedMap<String, byte[]> shipped = TestRuleFolders.read(TestRuleFolders.SHIPPED);
        for (var file : shipped.entrySet()) {
            if (file.getKey().endsWith(".drl")) {
                assertThat(RuleSourceCheck.violations(new String(file.getValue(), StandardCharsets.UTF_8)))
                        .as(file.getKey()).isEmpty();
            }
        }
        // the tables' DRL too: the shipped folder compiles through the check
        new RuleCompiler().compile(shipped);
    }

    @Test
    void whatRulesDoIsAllowed() {
        String consequence = """
                WorkerMark mark = new WorkerMark($w.getIndex(), "W-PROBE"); // System.exit(1) in a comment is no code
                mark.setMessageVi("Runtime.getRuntime() in a string is no code either");
                int hours = (int) Math.ceil($w.getHoursSinceNegativePcr()) + 100;
                java.util.List<String> codes = java.util.List.of("a", "b");
                insert(mark);""";

        assertThat(RuleSourceCheck.violations(RULE.formatted(consequence))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Runtime.getRuntime().exec(\"touch /tmp/x\");",
            "System.exit(1);",
            "java.lang.Runtime.getRuntime();",
            "new java.io.File(\"/etc/passwd\").delete();",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
            "new ProcessBuilder(\"sh\").start();",
            "Object o = $w.getClass().getClassLoader();",
            "String s = $w.class.getName();",
            "Thread.sleep(100000);",
            "while (true) { }",
            "for (int i = 0; i < 10; i++) { }",
            "drools.getKieRuntime().halt();",
            "kcontext.getKieRuntime();",
            "Class.forName(\"java.lang.Runtime\");",
            "String s = \"\\u0022; System.exit(1); //\";",
            "java.net.URL u = new java.net.URL(\"http://example.org\");",
            "Integer.getInteger(\"user.home\");"})
    void reachingOutsideTheFactsIsRefused(String consequence) {
        assertThat(RuleSourceCheck.violations(RULE.formatted(consequence))).as(consequence).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.line()).isBetween(1, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.io.File;",
            "import org.greenlane.screening.*;",
            "import org.greenlane.screening.ScreeningStore;",
            "import function java.lang.System.exit;",
            "global java.util.List findings;",
            "function void boom() { }",
            "declare Probe end"})
    void declarationsThatBringCodeOrStateAreRefused(String declaration) {
        assertThat(RuleSourceCheck.violations("package org.greenlane.rules;\n" + declaration + "\n"))
                .as(declaration).isNotEmpty();
    }
}

package org.greenlane.rules;

import java.util.List;

/** A rule set that must not go live, with every problem found. */
public class RuleSetCompileException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetCompileException(List<RuleProblem> problems) {
        super("The rule set does not compile: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

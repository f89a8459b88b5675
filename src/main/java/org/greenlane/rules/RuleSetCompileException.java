package org.greenlane.rules;

import java.util.List;
import java.util.SortedMap;

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

    /** How the audit trail says it: the count, the first problem and the refused files' checksums. */
    String summary(SortedMap<String, byte[]> files) {
        return "refused, " + problems.size() + " problem(s), first: " + problems.get(0).file() + " "
                + problems.get(0).location() + " " + problems.get(0).message() + "; " + DraftFiles.checksums(files);
    }
}

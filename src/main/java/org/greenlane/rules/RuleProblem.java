package org.greenlane.rules;

/** Why a rule set did not compile: the file, where in it (line, or rule for a table row), and Drools' message. */
public record RuleProblem(String file, String location, String message) {
}

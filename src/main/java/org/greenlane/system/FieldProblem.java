package org.greenlane.system;

/** One bad field of a request: its path in the JSON body ({@code workers[3].tests[0].sampledAt}) and why. */
public record FieldProblem(String field, String message) {
}

package org.greenlane.system;

import java.util.List;

/** The caller may not do this with this data (403), naming the field that says why. */
public class ForbiddenException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ForbiddenException(FieldProblem problem) {
        super(problem.field() + " " + problem.message());
        this.problems = List.of(problem);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

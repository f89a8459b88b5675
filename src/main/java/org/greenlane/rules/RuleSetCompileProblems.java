package org.greenlane.rules;

import org.greenlane.system.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rule set that does not compile is the author's error (422 with each problem), on every endpoint that compiles one. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of the catch-all advice, whose Exception handler would answer 500
class RuleSetCompileProblems {

    @ExceptionHandler(RuleSetCompileException.class)
    ProblemDetail doesNotCompile(RuleSetCompileException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set does not compile",
                "The rule set would not compile; nothing was changed. " + e.problems().size() + " problem(s).");
        problem.setProperty("problems", e.problems());
        return problem;
    }
}

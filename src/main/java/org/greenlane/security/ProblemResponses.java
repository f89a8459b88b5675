package org.greenlane.security;

import org.greenlane.system.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem+json, like every other error of the API. */
@Component
class ProblemResponses {

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Greenlane\"");
            problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with HTTP Basic (enterprise: tax code and password; staff: Camunda user) or a bearer "
                            + "token."));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> problems.write(response,
                ProblemWriter.problem(HttpStatus.FORBIDDEN, "Forbidden", "Your account may not do this."));
    }

    /** A URL the firewall refuses (encoded slashes, "..", "%25"): a bad request, said as a problem. */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> problems.write(response,
                ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Rejected request", e.getMessage()));
    }
}

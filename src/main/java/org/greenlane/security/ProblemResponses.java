package org.greenlane.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem+json, like every other error of the API. */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Greenlane\"");
            write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with HTTP Basic (enterprise: tax code and password; staff: Camunda user) or a bearer token.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your account may not do this.");
    }

    /** A URL the firewall refuses (encoded slashes, "..", "%25"): a bad request, said as a problem. */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> write(response, HttpStatus.BAD_REQUEST, "Rejected request", e.getMessage());
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

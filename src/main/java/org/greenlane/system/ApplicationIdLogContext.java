package org.greenlane.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the application id of a request about one application into the log context, under the same key the
 * engine uses for the business key, so one search finds an application's lines from HTTP and from the engine.
 */
@Component
class ApplicationIdLogContext extends OncePerRequestFilter {

    static final String KEY = "applicationId";
    private static final Pattern APPLICATION_PATH = Pattern.compile("^/api/applications/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = APPLICATION_PATH.matcher(request.getRequestURI());
        if (!matcher.find()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(KEY, matcher.group(1));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }
}

package org.greenlane.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.greenlane.system.ProblemWriter;
import org.greenlane.system.RereadableRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Slows down password guessing per client and user name, for every login: HTTP Basic on the API and the engine's
 * REST API, and the Camunda webapps' login form. After {@value #FREE_FAILURES} wrong passwords a client waits
 * before it may try that user again, one second at first and twice as long after each further failure, never more
 * than {@link #MAX_WAIT}; it is answered 429 meanwhile without a password check. Any other client logs in as that
 * user at once, so a stranger's guessing never locks the user out, and a success forgets the failures. The
 * engine's own lockout, which locked a user for everyone and in the end for good, is switched off
 * ({@code login-max-attempts}, {@code login-delay-max-time} in application.yml).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoginThrottle extends OncePerRequestFilter {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofMinutes(15);
    /** Bounds the memory a flood of user names can take; past it, forgotten failures are dropped first. */
    private static final int MAX_KEPT = 100_000;
    /** A user name and a password; more is not a login form. */
    private static final int MAX_LOGIN_FORM = 4096;
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ProblemWriter problems;

    LoginThrottle(Clock clock, ProblemWriter problems) {
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWebappLogin(request)) {
            // read here and handed on: the webapp's login reads its form itself
            request = RereadableRequest.read(request, MAX_LOGIN_FORM);
        }
        String user = userLoggingIn(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRemoteAddr() + '\n' + user.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures known = failures.get(key);
        if (known != null && now.isBefore(known.waitUntil())) {
            long seconds = Math.max(1, Duration.between(now, known.waitUntil()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "Đăng nhập sai quá nhiều lần; thử lại sau " + seconds + " giây / Too many wrong passwords for "
                            + "this user from here; try again in " + seconds + " s.");
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
        if (refused(request, response.getStatus())) {
            failed(key, known, now);
        } else if (known != null) {
            failures.remove(key);
        }
    }

    /** Basic answers a wrong password 401; the webapps' login form answers it 403. */
    private static boolean refused(HttpServletRequest request, int status) {
        return status == HttpStatus.UNAUTHORIZED.value()
                || (status == HttpStatus.FORBIDDEN.value() && isWebappLogin(request));
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches();
    }

    private void failed(String key, Failures known, Instant now) {
        int count = known == null || known.last().plus(MEMORY).isBefore(now) ? 1 : known.count() + 1;
        Duration wait = count < FREE_FAILURES ? Duration.ZERO
                : Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 10));
        wait = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        if (failures.size() >= MAX_KEPT) {
            failures.values().removeIf(old -> old.last().plus(MEMORY).isBefore(now));
            if (failures.size() >= MAX_KEPT) {
                failures.clear();
            }
        }
        failures.put(key, new Failures(count, now, now.plus(wait)));
    }

    /** The user a request logs in as with a password, or null when it carries none. */
    private static String userLoggingIn(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? credentials : credentials.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if (request instanceof RereadableRequest form) {
            String encoded = UriComponentsBuilder.newInstance()
                    .query(new String(form.body(), StandardCharsets.ISO_8859_1)).build().getQueryParams()
                    .getFirst("username");
            return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        return null;
    }
}

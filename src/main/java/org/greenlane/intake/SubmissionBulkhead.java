package org.greenlane.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.system.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only a few submissions and corrections be read, checked and stored at once; the others wait their turn, so
 * that a burst of large rosters does not hold up everyone reading a status. While a rule set is being compiled and
 * swapped in, new ones wait for it ({@link ActiveRuleSet#awaitNoChange}), so the change reaches them.
 */
@Component
class SubmissionBulkhead extends OncePerRequestFilter {

    private static final int AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final Pattern CORRECTION = Pattern.compile("^/api/applications/[^/]+$");

    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    private final ActiveRuleSet rules;
    private final ProblemWriter problems;

    SubmissionBulkhead(ActiveRuleSet rules, ProblemWriter problems) {
        this.rules = rules;
        this.problems = problems;
    }

    /** Only a submission (POST /api/applications) or a correction (PUT /api/applications/{id}) takes a turn. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean submission = "POST".equals(request.getMethod()) && "/api/applications".equals(path);
        boolean correction = "PUT".equals(request.getMethod()) && CORRECTION.matcher(path).matches();
        return !submission && !correction;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            if (!rules.awaitNoChange(MAX_WAIT_NANOS)
                    || !turns.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                busy(response);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Nothing was read or stored: the same request (with its Idempotency-Key) may simply be sent again. */
    private void busy(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "10");
        problems.write(response, ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many submissions at once",
                "The server is busy with other submissions; nothing was stored. Send the same request again in a few "
                        + "seconds."));
    }
}

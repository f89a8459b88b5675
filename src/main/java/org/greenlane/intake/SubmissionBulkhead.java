package org.greenlane.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.system.CommitWaits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only a few submissions and corrections be read, checked and stored at once; the others wait their turn.
 * Each one is seconds of CPU for a large roster: when 168 enterprises submitted together, every request shared the
 * two cores with all the others, and an enterprise reading its status waited seconds behind them. While a rule set
 * is being compiled and swapped in, new ones wait for it ({@link ActiveRuleSet#awaitNoChange}).
 */
@Component
class SubmissionBulkhead extends OncePerRequestFilter {

    private static final int AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    private final ActiveRuleSet rules;

    SubmissionBulkhead(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSubmission(request);
    }

    /** A submission or a correction. */
    static boolean isSubmission(HttpServletRequest request) {
        String method = request.getMethod();
        return ("POST".equals(method) || "PUT".equals(method))
                && request.getRequestURI().startsWith("/api/applications");
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
        // the work that needs a turn is done once the submission has committed: its wait for the file needs none
        CommitWaits.giveBackWhileWaiting(turns::release);
        try {
            chain.doFilter(request, response);
        } finally {
            // now, unless the wait for the file gave the turn back already
            CommitWaits.giveBack();
        }
    }

    /** Nothing was read or stored: the same request (with its Idempotency-Key) may simply be sent again. */
    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "10");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many submissions at once\",\"status\":503,"
                + "\"detail\":\"The server is busy with other submissions; nothing was stored. Send the same request "
                + "again in a few seconds.\"}");
    }
}

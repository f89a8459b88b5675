package org.greenlane.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each submission and correction, from its first filter on, on a thread of the lowest priority while its
 * request thread waits: an enterprise at a screen waiting for its status comes first, a submission may take a few
 * seconds. In token replays of the province's burst the status reads' p99 went from a median of 290 ms to one of
 * 109 ms (src/bench/BENCHMARKS.md, replay).
 * <p>
 * The operating system sees Java's priorities only with {@code -XX:ThreadPriorityPolicy=1} (the README's JVM
 * settings); without it this changes nothing. The threads are lowered once, when made, and never raised again: a
 * JVM without root or {@code CAP_SYS_NICE} may lower a thread's priority but not raise it back, so the request
 * threads themselves must keep theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubmissionThreads extends OncePerRequestFilter implements DisposableBean {

    private final ThreadPoolExecutor threads;

    /**
     * As many threads as Tomcat has request threads, all made at start: a submission keeps its request thread while
     * it runs, so no more are ever needed at once, and none is made in a burst, where making Tomcat's own threads
     * slowed the status reads (src/bench/BENCHMARKS.md, replay).
     */
    SubmissionThreads(ServerProperties server) {
        int count = server.getTomcat().getThreads().getMax();
        threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                lowestPriority());
        threads.prestartAllCoreThreads();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SubmissionBulkhead.isSubmission(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        awaitEnd(threads.submit(() -> {
            chain.doFilter(request, response);
            return null;
        }));
    }

    /** The request and response are the submission thread's until it ends, so this waits for it whatever happens. */
    private static void awaitEnd(Future<?> submission) throws ServletException, IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    submission.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ServletException rethrown(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof ServletException servlet ? servlet : new ServletException(cause);
    }

    private static ThreadFactory lowestPriority() {
        AtomicInteger made = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "submission-" + made.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}

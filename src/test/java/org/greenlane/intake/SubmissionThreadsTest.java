package org.greenlane.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SubmissionThreadsTest {

    private final SubmissionThreads submissionThreads = new SubmissionThreads(fourRequestThreads());

    @AfterEach
    void stop() {
        submissionThreads.destroy();
    }

    @Test
    void aSubmissionRunsOnALowestPriorityThreadAndItsRequestThreadWaitsForItsAnswer() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();

        submissionThreads.doFilter(new MockHttpServletRequest("POST", "/api/applications"), response,
                (request, answer) -> {
                    ranOn.set(Thread.currentThread());
                    sleep(100); // the answer comes late: the request thread must still be waiting
                    ((MockHttpServletResponse) answer).setStatus(201);
                });

        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(response.getStatus()).isEqualTo(201);
    }

    @Test
    void aCorrectionToo() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        submissionThreads.doFilter(new MockHttpServletRequest("PUT", "/api/applications/x"),
                new MockHttpServletResponse(), (request, response) -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get().getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    }

    @Test
    void readsAndEverythingElseStayOnTheRequestThread() throws Exception {
        for (MockHttpServletRequest other : new MockHttpServletRequest[] {
                new MockHttpServletRequest("GET", "/api/applications/x"),
                new MockHttpServletRequest("POST", "/api/enterprises")}) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            submissionThreads.doFilter(other, new MockHttpServletResponse(),
                    (request, response) -> ranOn.set(Thread.currentThread()));
            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void whatASubmissionThrowsReachesTheRequestThreadAsItWas() {
        assertThatThrownBy(() -> submit(new IOException("connection reset")))
                .isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThatThrownBy(() -> submit(new ServletException("no handler")))
                .isInstanceOf(ServletException.class).hasMessage("no handler");
        assertThatThrownBy(() -> submit(new IllegalStateException("broken")))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    private static ServerProperties fourRequestThreads() {
        ServerProperties server = new ServerProperties();
        server.getTomcat().getThreads().setMax(4);
        return server;
    }

    private void submit(Exception thrown) throws Exception {
        submissionThreads.doFilter(new MockHttpServletRequest("POST", "/api/applications"),
                new MockHttpServletResponse(), (request, response) -> {
                    if (thrown instanceof IOException io) {
                        throw io;
                    }
                    if (thrown instanceof ServletException servlet) {
                        throw servlet;
                    }
                    throw (RuntimeException) thrown;
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

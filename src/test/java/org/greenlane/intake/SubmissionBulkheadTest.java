package org.greenlane.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.system.ProblemWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SubmissionBulkheadTest {

    private final ActiveRuleSet rules = mock(ActiveRuleSet.class);
    private final SubmissionBulkhead bulkhead = new SubmissionBulkhead(rules, new ProblemWriter(new ObjectMapper()));

    @BeforeEach
    void noRuleChange() throws InterruptedException {
        when(rules.awaitNoChange(anyLong())).thenReturn(true);
    }
    private final int atOnce = Math.max(2, Runtime.getRuntime().availableProcessors());

    @Test
    void onlyAFewSubmissionsRunAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(atOnce + 3);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < atOnce + 3; i++) {
            answers.add(clients.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                bulkhead.doFilter(new MockHttpServletRequest("POST", "/api/applications"), response,
                        (request, ignored) -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                        });
                return response.getStatus();
            }));
        }
        Thread.sleep(300); // lets every client reach the bulkhead before the first ones finish
        release.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(200);
        }
        clients.shutdown();
        assertThat(most).hasValue(atOnce);
    }

    @Test
    void aSubmissionWaitsForARuleSetBeingChangedAndIsRefusedUntouchedIfTheChangeNeverEnds() throws Exception {
        // given a rule set being swapped in, that ends after 300 ms
        CountDownLatch changed = new CountDownLatch(1);
        when(rules.awaitNoChange(anyLong())).thenAnswer(call -> changed.await(call.getArgument(0), TimeUnit.NANOSECONDS));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(changed::countDown, 300, TimeUnit.MILLISECONDS);
        MockFilterChain chain = new MockFilterChain();

        // when a submission arrives
        long started = System.nanoTime();
        bulkhead.doFilter(new MockHttpServletRequest("POST", "/api/applications"), new MockHttpServletResponse(), chain);

        // then it went on only after the change
        timer.shutdown();
        assertThat(chain.getRequest()).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);

        // when a change never ends within the wait
        when(rules.awaitNoChange(anyLong())).thenReturn(false);
        MockFilterChain refused = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        bulkhead.doFilter(new MockHttpServletRequest("PUT", "/api/applications/x"), response, refused);

        // then it is answered 503 with Retry-After as a problem, and nothing behind the bulkhead ran
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Too many submissions at once\"");
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getRequest()).isNull();
    }

    @Test
    void readsTestResultsAndInfectionCasesNeverWait() throws Exception {
        // given no turn left
        when(rules.awaitNoChange(anyLong())).thenReturn(false);

        for (MockHttpServletRequest request : List.of(new MockHttpServletRequest("GET", "/api/applications/x"),
                new MockHttpServletRequest("POST", "/api/applications/x/tests"),
                new MockHttpServletRequest("POST", "/api/applications/x/incidents"))) {
            MockFilterChain chain = new MockFilterChain();
            bulkhead.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getRequestURI()).isNotNull();
        }
    }
}

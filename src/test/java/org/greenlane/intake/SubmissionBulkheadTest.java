package org.greenlane.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SubmissionBulkheadTest {

    private final SubmissionBulkhead bulkhead = new SubmissionBulkhead();
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
    void readsNeverWait() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        bulkhead.doFilter(new MockHttpServletRequest("GET", "/api/applications/x"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}

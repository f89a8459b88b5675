package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two people doing the same thing at the same moment, over HTTP: requests are released together from a barrier,
 * and each race is run a few times on fresh applications, since one round may not interleave at all. Whatever the
 * interleaving, exactly one wins and every loser hears a 4xx that says why.
 */
class ConcurrencyTest extends ApiTest {

    private static final int ROUNDS = 8;

    @Autowired
    RuntimeService runtime;

    @Test
    void twoMembersCompletingOneTaskAtOnceMakeOneDecision() throws Exception {
        // given fresh applications under review
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ids.add(submitted(http, TestApplications.clean(2)));
        }
        ids.forEach(id -> awaitViewStatus(id, "UNDER_REVIEW"));

        // when, for each, two health members' browsers complete its health task at the same moment
        List<TaskRace> races = new ArrayList<>();
        for (String id : ids) {
            String task = taskId(id, "reviewHealth");
            List<ResponseEntity<String>> answers = together(2,
                    () -> completeTask(HEALTH, task, "APPROVE", "Đạt yêu cầu"));
            races.add(new TaskRace(id, answers, tasks.createTaskQuery().taskId(task).count(),
                    jdbc.sql("select count(*) from review where application_id = ? and group_name = 'health'")
                            .param(id).query(Long.class).single()));
        }
        System.out.println("Task race, every round's answers: " + races);

        // then in every round one completes it, the other hears why it did not, and one decision is recorded
        assertThat(races).allSatisfy(race -> {
            assertThat(race.answers()).extracting(ResponseEntity::getStatusCode).as("%s", race)
                    .containsOnlyOnce(HttpStatus.NO_CONTENT);
            ResponseEntity<String> lost = race.answers().stream()
                    .filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT).findFirst().orElseThrow();
            assertThat(lost.getStatusCode().is4xxClientError()).as("the loser of %s gets a 4xx", race).isTrue();
            assertThat(read(lost.getBody()).get("message").asText()).as("the loser's message").isNotBlank();
            assertThat(race.openTasks()).as("%s", race).isZero();
            assertThat(race.healthReviews()).as("%s", race).isEqualTo(1);
            assertThat(view(race.id()).at("/reviews/health/decidedBy").asText()).isEqualTo(HEALTH);
        });
    }

    /** One round of the task race: both answers, and what the engine and the review table hold after it. */
    private record TaskRace(String id, List<ResponseEntity<String>> answers, long openTasks, long healthReviews) {

        @Override
        public String toString() {
            return "\n  " + id + ": " + answers.stream().map(a -> a.getStatusCode().value()
                    + (a.getBody() == null ? "" : " " + a.getBody())).toList()
                    + ", open tasks " + openTasks + ", health reviews " + healthReviews;
        }
    }

    @Test
    void twoCorrectionsAtOnceMakeOneRevision() throws Exception {
        // given applications waiting for correction (an industrial park no one knows)
        ApplicationDocument blocked = TestApplications.inPark(TestApplications.clean(2), "KCN Mặt Trăng");
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ids.add(submitted(http, blocked));
        }
        ids.forEach(id -> awaitViewStatus(id, "NEEDS_CORRECTION"));

        List<String> losers = new ArrayList<>();
        for (String id : ids) {
            // when the enterprise sends its correction twice at the same moment
            List<ResponseEntity<String>> answers = together(2,
                    () -> correct(http, id, TestApplications.clean(2)));

            // then one is accepted, the other is a conflict, and the application moved one revision on
            assertThat(answers).as("%s", answers).extracting(ResponseEntity::getStatusCode)
                    .containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
            ResponseEntity<String> conflict = answers.stream()
                    .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
            losers.add(conflict.getStatusCode().value() + " " + conflict.getBody());
            assertThat(problem(conflict, HttpStatus.CONFLICT).get("detail").asText()).isNotBlank();
            JsonNode view = view(id);
            assertThat(view.get("revision").asInt()).isEqualTo(2);
            assertThat(view.get("timeline").findValuesAsText("type").stream().filter("CORRECTED"::equals))
                    .hasSize(1);
        }
        System.out.println("Correction race losers: " + losers);
    }

    @Test
    void eightRetriesWithOneIdempotencyKeyMakeOneApplication() throws Exception {
        for (int round = 0; round < 3; round++) {
            // given one submission, sent eight times at once under one key (a client's retries gone wild)
            String key = UUID.randomUUID().toString();
            ApplicationDocument application = TestApplications.clean(3);

            // when all eight arrive together
            List<ResponseEntity<String>> answers = together(8, () -> submit(http, application, key));

            // then all answer the same application, and there is one of it
            assertThat(answers).as("%s", answers).extracting(ResponseEntity::getStatusCode)
                    .containsOnly(HttpStatus.CREATED);
            List<String> ids = answers.stream().map(a -> read(a.getBody()).get("id").asText()).distinct().toList();
            assertThat(ids).hasSize(1);
            assertThat(answers.stream().map(a -> a.getHeaders().getFirst("Idempotent-Replayed")))
                    .containsOnlyOnce("false").hasSize(8);
            assertThat(jdbc.sql("select count(*) from application where idempotency_key = ?").param(key)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.get(0)).count())
                    .isEqualTo(1);
        }
    }

    /** Runs the call on {@code parties} threads released together, and returns every answer. */
    private static <T> List<T> together(int parties, Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(parties);
        ExecutorService threads = Executors.newFixedThreadPool(parties);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                futures.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}

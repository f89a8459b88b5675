package org.greenlane.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** A review past its due date is raised to the steering committee, and leaves the list once the group decides. */
class EscalationTest extends IntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.reset();
    }

    @Test
    void overdueReviewsAreListedForSteeringUntilDecided() {
        // given an application under review
        String id = http.postForEntity("/api/applications", TestApplications.clean(3), JsonNode.class).getBody()
                .get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "UNDER_REVIEW".equals(
                http.getForObject("/api/applications/" + id, JsonNode.class).get("status").asText()));

        // when 25 hours pass, on the engine's clock and the server's, and the due-date timers fire
        Instant later = Instant.now().plus(Duration.ofHours(25));
        ClockUtil.setCurrentTime(Date.from(later));
        clock.set(later);
        fireDueTimers(id);

        // then steering sees all four groups' reviews of it as overdue; the groups keep their tasks
        TestRestTemplate steering = http.withBasicAuth("steering1", PASSWORD);
        assertThat(groupsEscalated(steering, id)).containsExactlyInAnyOrder("health", "housing", "labour", "transport");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(4);
        assertThat(http.withBasicAuth("health1", PASSWORD).getForEntity("/api/escalations", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForObject("/api/applications/" + id, JsonNode.class).get("timeline")
                .findValuesAsText("type")).filteredOn("ESCALATED"::equals).hasSize(4);

        // and when health decides, its escalation is resolved
        identity.setAuthentication("health1", List.of("health"));
        try {
            var task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup("health").singleResult();
            tasks.complete(task.getId(), Map.of("decision", "APPROVE", "comment", ""));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(groupsEscalated(steering, id)).containsExactlyInAnyOrder("housing", "labour", "transport");
    }

    /** The job executor may take a due timer at the same moment; either way each fires once. */
    private void fireDueTimers(String id) {
        String instance = tasks.createTaskQuery().processInstanceBusinessKey(id).list().get(0).getProcessInstanceId();
        for (Job job : management.createJobQuery().processInstanceId(instance).timers().executable().list()) {
            try {
                management.executeJob(job.getId());
            } catch (OptimisticLockingException | NullValueException taken) {
                // fired by the job executor already
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> management.createJobQuery().processInstanceId(instance)
                .timers().executable().count() == 0);
    }

    private static List<String> groupsEscalated(TestRestTemplate steering, String id) {
        JsonNode open = steering.getForObject("/api/escalations", JsonNode.class);
        List<String> groups = new ArrayList<>();
        open.forEach(escalation -> {
            if (escalation.get("applicationId").asText().equals(id)) {
                groups.add(escalation.get("group").asText());
            }
        });
        return groups;
    }
}

package org.greenlane.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Review tasks in the running server: their form data, due dates, and the Tasklist filters each group reads. */
class ReviewTasksTest extends IntegrationTest {

    private static final List<String> FILTERS = List.of(
            TaskFilters.OPEN_TASKS, TaskFilters.AWAITING_DECISION, TaskFilters.OVERDUE);

    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    DemoStaff demoStaff;

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void eachGroupsFormShowsItsOwnDataWithoutStoringItAndIsDueADayAfterItOpened() {
        // given
        Instant before = Instant.now();
        String id = submitAndAwaitReview();

        // then
        Map<String, String> ownData = Map.of("reviewHealth", "medicalPlan", "reviewHousing", "accommodations",
                "reviewLabour", "roster", "reviewTransport", "shuttles");
        List<Task> review = tasks.createTaskQuery().processInstanceBusinessKey(id).list();
        assertThat(review).hasSize(4).allSatisfy(task -> {
            assertThat(forms.getTaskFormVariables(task.getId()))
                    .containsEntry("enterpriseName", "Công ty TNHH Điện tử Hồng Hải Bắc Giang (MST 2400123456)")
                    .containsEntry("industrialPark", "Quang Châu")
                    .containsKeys("findings", "ruleSetVersion", ownData.get(task.getTaskDefinitionKey()))
                    .doesNotContainKeys(ownData.entrySet().stream().filter(e -> !e.getKey()
                            .equals(task.getTaskDefinitionKey())).map(Map.Entry::getValue).toArray(String[]::new));
            assertThat(task.getDueDate()).isBetween(Date.from(before.plus(Duration.ofHours(24))),
                    Date.from(Instant.now().plus(Duration.ofHours(24))));
        });
        assertThat(review).allSatisfy(task -> assertThat(tasks.getVariables(task.getId()))
                .as("form data is computed, never stored").doesNotContainKeys("findings", "medicalPlan", "shuttles"));
    }

    @Test
    void everyFilterExistsOnceAndAStartAgainChangesNothing() {
        // given
        Map<String, String> ids = filterIds();
        long grants = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count();

        // when the server starts again
        demoStaff.run(null);

        // then
        assertThat(filterIds()).isEqualTo(ids);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(grants);
    }

    @Test
    void membersReadTheirGroupsFiltersAndOnlyTheSteeringCommitteeReadsAwaitingDecision() {
        for (String group : WorkingGroups.REVIEWING) {
            as(group);
            assertThat(filters.createFilterQuery().list()).as(group).extracting(Filter::getName)
                    .containsExactlyInAnyOrder(TaskFilters.OPEN_TASKS, TaskFilters.OVERDUE);
        }
        as(WorkingGroups.STEERING);
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .containsExactlyInAnyOrderElementsOf(FILTERS);
    }

    @Test
    void overdueListsAGroupsTaskOnceItsDueDateHasPassedAndToThatGroupOnly() {
        // given
        String id = submitAndAwaitReview();
        Task health = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("reviewHealth")
                .singleResult();
        Map<String, String> ids = filterIds();
        String overdue = ids.get(TaskFilters.OVERDUE);
        as("health");
        assertThat(taskIds(overdue)).doesNotContain(health.getId());
        assertThat(taskIds(ids.get(TaskFilters.OPEN_TASKS))).contains(health.getId());
        identity.clearAuthentication();

        // when its due date passes
        health.setDueDate(Date.from(Instant.now().minusSeconds(60)));
        tasks.saveTask(health);

        // then
        as("health");
        assertThat(taskIds(overdue)).contains(health.getId());
        as("housing");
        assertThat(taskIds(overdue)).doesNotContain(health.getId());
    }

    @Test
    void awaitingDecisionListsTheApplicationsTheFourGroupsHaveReviewed() {
        // given
        String id = submitAndAwaitReview();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(id).list()) {
            tasks.complete(task.getId(), Map.of("decision", "APPROVE", "comment", ""));
        }
        Task steering = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(steering.getTaskDefinitionKey()).isEqualTo(TaskFilters.STEERING_TASK);
        String awaiting = filterIds().get(TaskFilters.AWAITING_DECISION);

        // then
        as(WorkingGroups.STEERING);
        assertThat(taskIds(awaiting)).contains(steering.getId());
        assertThat(forms.getTaskFormVariables(steering.getId()).get("groupVerdicts").toString())
                .contains("Tổ Y tế (Health): Đồng ý / APPROVE", "Tổ Vận chuyển (Transport): Đồng ý / APPROVE");
        as("health");
        assertThatThrownBy(() -> filters.list(awaiting)).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void theFilterOfAnEarlierVersionIsRenamedNotDuplicated() {
        // given a database from before, with the group filter under its former name
        filters.deleteFilter(filterIds().get(TaskFilters.OPEN_TASKS));
        Filter former = filters.saveFilter(filters.newTaskFilter(TaskFilters.FORMER_OPEN_TASKS).setOwner("admin")
                .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")));

        // when the server starts
        demoStaff.run(null);

        // then
        assertThat(filterIds()).containsEntry(TaskFilters.OPEN_TASKS, former.getId());
        assertThat(filters.createFilterQuery().filterName(TaskFilters.FORMER_OPEN_TASKS).count()).isZero();
        as("labour");
        assertThat(filters.createFilterQuery().filterName(TaskFilters.OPEN_TASKS).count()).isEqualTo(1);
    }

    /** Each filter's id, looked up without a user (so call it before {@link #as}). */
    private Map<String, String> filterIds() {
        identity.clearAuthentication();
        Map<String, String> ids = new java.util.HashMap<>();
        for (String name : FILTERS) {
            List<Filter> found = filters.createFilterQuery().filterName(name).list();
            assertThat(found).as(name).hasSize(1);
            ids.put(name, found.get(0).getId());
        }
        return ids;
    }

    private List<String> taskIds(String filterId) {
        return filters.<Task>list(filterId).stream().map(Task::getId).toList();
    }

    private void as(String group) {
        identity.setAuthentication(group + "1", List.of(group));
    }

    private String submitAndAwaitReview() {
        String id = http.postForObject("/api/applications", TestApplications.clean(2), JsonNode.class)
                .get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/applications/" + id,
                JsonNode.class).get("status").asText().equals("UNDER_REVIEW"));
        return id;
    }
}

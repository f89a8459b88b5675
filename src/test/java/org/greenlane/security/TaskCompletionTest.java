package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A member completes their own task over the engine's REST API with their task's decision and comment only: any
 * other variable, another group's outcome above all, and a decision the task does not take are refused with 400
 * and the reason in Vietnamese and English, before the engine changes anything.
 */
class TaskCompletionTest extends ApiTest {

    @Autowired
    RuntimeService runtime;

    @Test
    void aMemberCannotDecideForAnotherGroupAndTheCorrectionLoopStillHappens() {
        // given housing has asked for changes, and health's task is open
        String id = submitted(http, TestApplications.clean(2));
        awaitViewStatus(id, "UNDER_REVIEW");
        assertThat(completeTask(HOUSING, taskId(id, "reviewHousing"), "REQUEST_CHANGES", "Thiếu giường").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String health = taskId(id, "reviewHealth");
        Map<String, Object> forged = Map.of(
                "decision", Map.of("value", "APPROVE", "type", "String"),
                "housingDecision", Map.of("value", "APPROVE", "type", "String"));

        // when health completes its own task and sends housing's outcome with it, through complete and submit-form
        for (String action : List.of("complete", "submit-form")) {
            ResponseEntity<String> answer = as(HEALTH).postForEntity("/engine-rest/task/{id}/" + action,
                    jsonBody(Map.of("variables", forged)), String.class, health);

            // then it is refused naming the variable, and nothing changed
            JsonNode problem = problem(answer, HttpStatus.BAD_REQUEST);
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("variables.housingDecision");
            assertThat(problem.get("message").asText()).contains("may not be sent with this task", "không được gửi");
            assertThat(tasks.createTaskQuery().taskId(health).count()).isEqualTo(1);
            assertThat(housingOutcome(id)).isEqualTo("REQUEST_CHANGES");
        }

        // and when the groups decide honestly, housing's request sends the application back for correction
        assertThat(completeTask(HEALTH, health, "APPROVE", "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(completeTask("labour1", taskId(id, "reviewLabour"), "APPROVE", "").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(completeTask("transport1", taskId(id, "reviewTransport"), "APPROVE", "").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        awaitViewStatus(id, "NEEDS_CORRECTION");
    }

    @Test
    void aRefusedDecisionIsA400WithTheSentenceNotAnEngineError() {
        // given an application under review
        String id = submitted(http, TestApplications.clean(2));
        awaitViewStatus(id, "UNDER_REVIEW");
        String labour = taskId(id, "reviewLabour");

        // when labour asks for changes without a comment, and then decides something the task does not offer
        ResponseEntity<String> noComment = completeTask("labour1", labour, "REQUEST_CHANGES", "  ");
        ResponseEntity<String> unknown = completeTask("labour1", labour, "RESUME", "");

        // then both are 400 with the sentence an official reads, and the task stays open
        JsonNode problem = problem(noComment, HttpStatus.BAD_REQUEST);
        assertThat(problem.get("message").asText()).isEqualTo(
                "Cần ghi ý kiến cho quyết định REQUEST_CHANGES / A comment is required to REQUEST_CHANGES");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("variables.comment");
        assertThat(noComment.getBody()).doesNotContain("ENGINE-", "Exception");
        assertThat(problem(unknown, HttpStatus.BAD_REQUEST).get("message").asText())
                .contains("must be one of APPROVE, REQUEST_CHANGES, REJECT");
        assertThat(problem(completeTask("labour1", labour, "REJECT", "Thiếu\u0000 hồ sơ"), HttpStatus.BAD_REQUEST)
                .get("message").asText()).contains("U+0000");
        assertThat(tasks.createTaskQuery().taskId(labour).count()).isEqualTo(1);
    }

    @Test
    void aTaskEndsOnlyWithItsDecisionAndItsVariablesStayOutOfAMembersReach() {
        // given an application under review
        String id = submitted(http, TestApplications.clean(2));
        awaitViewStatus(id, "UNDER_REVIEW");
        String health = taskId(id, "reviewHealth");
        String processInstance = tasks.createTaskQuery().taskId(health).singleResult().getProcessInstanceId();
        var housingOutcome = Map.of("modifications", Map.of("housingDecision",
                Map.of("value", "APPROVE", "type", "String")));

        // when health throws a BPMN error on its task, or sets variables on its task or the process instance
        ResponseEntity<String> error = as(HEALTH).postForEntity("/engine-rest/task/{id}/bpmnError",
                jsonBody(Map.of("errorCode", "x")), String.class, health);
        ResponseEntity<String> taskVariables = as(HEALTH).postForEntity("/engine-rest/task/{id}/variables",
                jsonBody(housingOutcome), String.class, health);
        ResponseEntity<String> instanceVariables = as(HEALTH).postForEntity(
                "/engine-rest/process-instance/{id}/variables", jsonBody(housingOutcome), String.class,
                processInstance);
        ResponseEntity<String> oneVariable = as(HEALTH).exchange("/engine-rest/task/{id}/variables/housingDecision",
                HttpMethod.PUT, jsonBody(Map.of("value", "APPROVE", "type", "String")), String.class, health);

        // then none of it happens
        assertThat(problem(error, HttpStatus.BAD_REQUEST).get("message").asText())
                .contains("completed with a decision only");
        assertThat(taskVariables.getStatusCode()).as(taskVariables.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(instanceVariables.getStatusCode()).as(instanceVariables.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(oneVariable.getStatusCode()).as(oneVariable.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(health).count()).isEqualTo(1);
        assertThat(runtime.getVariable(processInstance, "housingDecision")).isNull();
    }

    @Test
    void theInfectionTaskTakesOnlyItsOwnDecisionToo() {
        // given an approved enterprise suspended by an infection case
        var application = TestApplications.clean(2);
        String id = approve(application);
        reportCase(as(HEALTH), id, application.workers().get(0).citizenId(), null);
        awaitViewStatus(id, "SUSPENDED");
        String infection = taskId(id, "handleInfection");

        // when health resumes it and sends another variable with it, or revokes without a reason
        ResponseEntity<String> forged = as(HEALTH).postForEntity("/engine-rest/task/{id}/complete", jsonBody(Map.of(
                "variables", Map.of("decision", Map.of("value", "RESUME", "type", "String"),
                        "steeringApproved", Map.of("value", false, "type", "Boolean")))), String.class, infection);
        ResponseEntity<String> unexplained = completeTask(HEALTH, infection, "REVOKE", "");

        // then both are refused and the case is still open
        assertThat(problem(forged, HttpStatus.BAD_REQUEST).at("/errors/0/field").asText())
                .isEqualTo("variables.steeringApproved");
        assertThat(problem(unexplained, HttpStatus.BAD_REQUEST).get("message").asText())
                .isEqualTo("Cần ghi ý kiến cho quyết định REVOKE / A comment is required to REVOKE");
        assertThat(tasks.createTaskQuery().taskId(infection).count()).isEqualTo(1);
        assertThat(view(id).get("status").asText()).isEqualTo("SUSPENDED");
    }

    private String housingOutcome(String id) {
        String processInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
                .getId();
        return (String) runtime.getVariable(processInstance, "housingDecision");
    }
}

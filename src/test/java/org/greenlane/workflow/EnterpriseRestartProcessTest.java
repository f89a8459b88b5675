package org.greenlane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.greenlane.workflow.ProcessVariables.APPLICATION_ID;
import static org.greenlane.workflow.ProcessVariables.COMMENT;
import static org.greenlane.workflow.ProcessVariables.CORRECTION_MESSAGE;
import static org.greenlane.workflow.ProcessVariables.INFECTION_MESSAGE;
import static org.greenlane.workflow.ProcessVariables.DECISION;
import static org.greenlane.workflow.ProcessVariables.HAS_BLOCKERS;
import static org.greenlane.workflow.ProcessVariables.PROCESS_KEY;
import static org.greenlane.workflow.ProcessVariables.STEERING_APPROVED;
import static org.greenlane.workflow.ProcessVariables.decisionOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restart process on a plain in-memory engine (see camunda.cfg.xml): delegates, listeners and the status
 * read model are replaced by recorders registered with {@link Mocks}, so each test drives one path of the BPMN.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/enterprise-restart.bpmn",
        "processes/forms/health-review.form",
        "processes/forms/infection-case.form",
        "processes/forms/housing-review.form",
        "processes/forms/labour-review.form",
        "processes/forms/transport-review.form",
        "processes/forms/steering-decision.form"})
class EnterpriseRestartProcessTest {

    private static final String APPLICATION = "APP-2024-0042";

    private static final String APPROVE = "APPROVE";
    private static final String REQUEST_CHANGES = "REQUEST_CHANGES";
    private static final String REJECT = "REJECT";

    private static final List<String> GROUPS = List.of("health", "housing", "labour", "transport");
    private static final Duration REVIEW_DUE = Duration.ofHours(24);

    /** Injected by {@link ProcessEngineExtension}; must be neither static nor final. */
    ProcessEngine engine;

    /** Screening outcomes in the order the screenings run; an empty queue means "no blockers". */
    private final Deque<Boolean> screeningBlocks = new ArrayDeque<>();
    private final AtomicInteger screenings = new AtomicInteger();
    private final AtomicInteger permitsIssued = new AtomicInteger();
    private final AtomicInteger escalations = new AtomicInteger();
    private final AtomicInteger permitsReduced = new AtomicInteger();
    private final AtomicInteger retestChecks = new AtomicInteger();
    /** What each form shows: which task it was computed for. */
    private final FormDataSource formData = task -> Map.of(FORM_OF, task.getTaskDefinitionKey());
    private static final String FORM_OF = "formOf";
    private final List<String> formsRead = new ArrayList<>();
    private final List<String> recordedDecisions = new ArrayList<>();
    private final ApplicationStatusRecorder applicationStatus = new ApplicationStatusRecorder();

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(engine);
        Mocks.register("screenApplicationDelegate", (JavaDelegate) execution -> {
            screenings.incrementAndGet();
            Boolean blocks = screeningBlocks.poll();
            execution.setVariable(HAS_BLOCKERS, blocks != null && blocks);
        });
        Mocks.register("issuePermitDelegate", (JavaDelegate) execution -> permitsIssued.incrementAndGet());
        Mocks.register("reviewFormData", formData);
        Mocks.register("taskCard", (TaskListener) task -> { });
        Mocks.register("recordDecisionListener",
                (TaskListener) task -> recordedDecisions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(DECISION)));
        Mocks.register("applicationStatus", applicationStatus);
        Mocks.register("processSettings", new ProcessSettings(Duration.ofDays(14), REVIEW_DUE, Duration.ofDays(1)));
        Mocks.register("escalateOverdueReviewDelegate", (JavaDelegate) execution -> escalations.incrementAndGet());
        Mocks.register("infectionFormData", formData);
        Mocks.register("recordInfectionDecisionListener",
                (TaskListener) task -> recordedDecisions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(DECISION)));
        Mocks.register("resumePermitDelegate", (JavaDelegate) execution -> permitsReduced.incrementAndGet());
        Mocks.register("checkRetestingDelegate", (JavaDelegate) execution -> retestChecks.incrementAndGet());
        Mocks.register("recordRuleBlockerDecisionListener",
                (TaskListener) task -> recordedDecisions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(DECISION)));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void cleanApplicationApprovedByAllGroupsAndSteeringGetsPermit() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);
        assertThat(pi).isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");

        // when
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);

        // then
        assertThat(pi).hasPassedInOrder("applicationSubmitted", "screenApplication", "startReview", "reviewsDone",
                        "steeringDecision", "issuePermit")
                .hasNotPassed("correctionRequested", "applicationRejected")
                .isWaitingAt("permitInForce");
        assertThat(pi).variables().containsEntry(STEERING_APPROVED, true);
        assertThat(permitsIssued).hasValue(1);
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "AWAITING_DECISION", "APPROVED");
        assertThat(formsRead).containsExactlyInAnyOrder(
                "reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport", "steeringDecision");
        assertThat(recordedDecisions).contains("reviewHealth:APPROVE", "steeringDecision:APPROVE");
    }

    @Test
    void blockerAsksForCorrectionAndCorrectedApplicationIsRescreened() {
        // given: the first screening finds a blocker, the second one passes
        screeningBlocks.add(true);
        screeningBlocks.add(false);
        ProcessInstance pi = submitApplication();

        // when
        screen(pi);

        // then
        assertThat(pi).hasPassed("correctionRequested").isWaitingAt("awaitCorrection");
        assertThat(applicationStatus.statuses).containsExactly("NEEDS_CORRECTION");

        // when the enterprise corrects its application
        correctApplication();

        // then it is screened again, and passes on to the groups
        assertThat(pi).isWaitingAt("screenApplication");
        screen(pi);
        assertThat(pi).isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");

        // when
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);

        // then
        assertThat(pi).hasPassedInOrder("screenApplication", "correctionRequested", "correctionReceived",
                        "screenApplication", "steeringDecision", "issuePermit")
                .isWaitingAt("permitInForce");
        assertThat(screenings).hasValue(2);
        assertThat(permitsIssued).hasValue(1);
        assertThat(applicationStatus.statuses)
                .containsExactly("NEEDS_CORRECTION", "UNDER_REVIEW", "AWAITING_DECISION", "APPROVED");
    }

    @Test
    void applicationScreenedAtSubmissionGoesStraightToTheGroupsWithoutAJob() {
        // when the submission brings its screening's verdict
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
                PROCESS_KEY, APPLICATION, Map.of(APPLICATION_ID, APPLICATION, HAS_BLOCKERS, false));

        // then the four groups review at once, in the submitting transaction
        assertThat(pi).hasPassedInOrder("applicationSubmitted", "screenedAtSubmission", "blockersFound")
                .hasNotPassed("screenApplication")
                .isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("screenApplication")
                .count()).isZero();
        assertThat(screenings).hasValue(0);
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW");
    }

    @Test
    void blockersFoundAtSubmissionAskForCorrectionAndTheProcessScreensTheCorrection() {
        // given a submission whose screening found a blocker
        screeningBlocks.add(false);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
                PROCESS_KEY, APPLICATION, Map.of(APPLICATION_ID, APPLICATION, HAS_BLOCKERS, true));
        assertThat(pi).hasPassed("correctionRequested").isWaitingAt("awaitCorrection");

        // when the enterprise corrects it
        correctApplication();

        // then the process's own screening task screens the correction
        screen(pi);
        assertThat(pi).isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");
        assertThat(screenings).hasValue(1);
        assertThat(applicationStatus.statuses).containsExactly("NEEDS_CORRECTION", "UNDER_REVIEW");
    }

    @Test
    void groupRequestingChangesSendsApplicationBackAndAllFourGroupsReviewAgain() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);

        // when the housing group asks for changes while the others approve
        complete(task("reviewHealth", pi), APPROVE, null);
        complete(task("reviewHousing", pi), REQUEST_CHANGES, "Thiếu hợp đồng thuê nhà / Lease contract missing");
        complete(task("reviewLabour", pi), APPROVE, null);
        complete(task("reviewTransport", pi), APPROVE, null);

        // then
        assertThat(pi).hasPassed("correctionRequested").hasNotPassed("steeringDecision")
                .isWaitingAt("awaitCorrection");
        assertThat(pi).variables().containsEntry(decisionOf("housing"), REQUEST_CHANGES);

        // when the enterprise corrects and the rescreening passes
        correctApplication();
        screen(pi);

        // then all four groups review again, not only the one that asked
        assertThat(pi).isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(4);
        assertThat(screenings).hasValue(2);
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "NEEDS_CORRECTION", "UNDER_REVIEW");

        // when everyone approves this time
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);

        // then
        assertThat(pi).hasPassed("issuePermit").isWaitingAt("permitInForce");
        assertThat(applicationStatus.statuses).containsExactly(
                "UNDER_REVIEW", "NEEDS_CORRECTION", "UNDER_REVIEW", "AWAITING_DECISION", "APPROVED");
    }

    @Test
    void groupRejectionStillGoesToSteeringNotToCorrection() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);

        // when
        complete(task("reviewHealth", pi), APPROVE, null);
        complete(task("reviewHousing", pi), APPROVE, null);
        complete(task("reviewLabour", pi), REJECT, "Không đủ khoảng cách an toàn / Not enough distancing");
        complete(task("reviewTransport", pi), APPROVE, null);

        // then
        assertThat(pi).isWaitingAt("steeringDecision").hasNotPassed("correctionRequested");
        assertThat(pi).variables().containsEntry(decisionOf("labour"), REJECT);
        assertThat(task("steeringDecision", pi)).hasCandidateGroup("steering");
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "AWAITING_DECISION");
    }

    @Test
    void steeringRejectionEndsAsRejectedWithoutPermit() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);
        completeAllReviews(pi, APPROVE);

        // when
        complete(task("steeringDecision", pi), REJECT, "Chưa đủ điều kiện / Not ready yet");

        // then
        assertThat(pi).hasPassed("applicationRejected").hasNotPassed("issuePermit", "permitInForce").isEnded();
        assertThat(permitsIssued).hasValue(0);
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "AWAITING_DECISION", "REJECTED");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(STEERING_APPROVED).singleResult().getValue()).isEqualTo(false);
    }

    @Test
    void uncorrectedApplicationExpiresAfterDeadline() {
        // given
        screeningBlocks.add(true);
        ProcessInstance pi = submitApplication();
        screen(pi);
        assertThat(pi).isWaitingAt("awaitCorrection");
        assertThat(job()).isNotNull();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult()
                .getDuedate()).isNotNull();

        // when the 14 days pass without a correction
        execute(job());

        // then
        assertThat(pi).hasPassedInOrder("correctionRequested", "correctionDeadline", "applicationExpired")
                .hasNotPassed("correctionReceived")
                .isEnded();
        assertThat(applicationStatus.statuses).containsExactly("NEEDS_CORRECTION", "EXPIRED");
    }

    @Test
    void anInfectionCaseSuspendsTheApprovalUntilHealthResumesOrRevokesIt() {
        // given an approved application
        ProcessInstance pi = submitApplication();
        screen(pi);
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);
        assertThat(pi).isWaitingAt("permitInForce");

        // when an infection case is reported, and health resumes it
        reportInfection();
        assertThat(pi).isWaitingAt("handleInfection");
        assertThat(task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("health"))
                .getTaskDefinitionKey()).isEqualTo("handleInfection");
        complete(task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleInfection")),
                "RESUME", "Cách ly 12 người, các ca khác hoạt động");

        // then it is approved again with a reduced count, and a second case can be revoked
        assertThat(pi).isWaitingAt("permitInForce");
        assertThat(permitsReduced).hasValue(1);
        reportInfection();
        complete(task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleInfection")),
                "REVOKE", "Lây lan trong khu ký túc xá");
        assertThat(pi).hasPassed("applicationRevoked").isEnded();
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "AWAITING_DECISION", "APPROVED",
                "SUSPENDED", "APPROVED", "SUSPENDED", "REVOKED");
        assertThat(recordedDecisions).contains("handleInfection:RESUME", "handleInfection:REVOKE");
    }

    @Test
    void anApprovedApplicationIsCheckedForReTestingEveryDayWhileItsPermitIsInForce() {
        // given an approved application
        ProcessInstance pi = submitApplication();
        screen(pi);
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);

        // when its daily re-testing timer fires twice
        execute(job("permitRetestCheck", pi));
        execute(job("permitRetestCheck", pi));

        // then it was checked twice and its permit is still in force, the next check scheduled
        assertThat(retestChecks).hasValue(2);
        assertThat(pi).isWaitingAt("permitInForce");
        assertThat(job("permitRetestCheck", pi)).isNotNull();
    }

    @Test
    void newRulesThatBlockAPermitSuspendItUntilTheSteeringCommitteeResumesOrRevokesIt() {
        // given an approved application
        ProcessInstance pi = submitApplication();
        screen(pi);
        completeAllReviews(pi, APPROVE);
        decideSteering(pi, APPROVE);

        // when re-screening under a new rule set finds a blocker, and the committee resumes the permit
        blockByRules();
        assertThat(pi).isWaitingAt("reviewRuleBlocker");
        assertThat(task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("steering"))
                .getTaskDefinitionKey()).isEqualTo("reviewRuleBlocker");
        complete(task(taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("reviewRuleBlocker")), "RESUME", "");

        // then the permit is in force again, recounted, and a second blocker can end in revocation
        assertThat(pi).isWaitingAt("permitInForce");
        assertThat(permitsReduced).hasValue(1);
        blockByRules();
        complete(task(taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("reviewRuleBlocker")), "REVOKE", "Khu công nghiệp đóng cửa đến hết tháng");
        assertThat(pi).hasPassed("applicationRevoked").isEnded();
        assertThat(applicationStatus.statuses).containsExactly("UNDER_REVIEW", "AWAITING_DECISION", "APPROVED",
                "SUSPENDED", "APPROVED", "SUSPENDED", "REVOKED");
        assertThat(recordedDecisions).contains("reviewRuleBlocker:RESUME", "reviewRuleBlocker:REVOKE");
    }

    private void blockByRules() {
        engine.getRuntimeService().createMessageCorrelation(ProcessVariables.RULE_BLOCKER_MESSAGE)
                .processInstanceBusinessKey(APPLICATION).correlate();
    }

    private void reportInfection() {
        engine.getRuntimeService().createMessageCorrelation(INFECTION_MESSAGE).processInstanceBusinessKey(APPLICATION)
                .correlate();
    }

    @Test
    void anOverdueReviewIsEscalatedWithoutTakingTheTaskFromItsGroup() {
        // given four review tasks, each with a due-date timer
        ProcessInstance pi = submitApplication();
        screen(pi);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .isEqualTo(4);

        // when the health review's due date passes
        execute(job("reviewHealthOverdue", pi));

        // then the steering committee is told once, and health still has its task
        assertThat(escalations.get()).isEqualTo(1);
        assertThat(pi).hasPassed("reviewHealthOverdue", "escalateOverdueReview", "escalationRaised")
                .isWaitingAt("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport");
        assertThat(task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("health")))
                .isNotNull();
    }

    @Test
    void eachReviewTaskIsOfferedToItsGroupWithItsOwnForm() {
        // given
        ProcessInstance pi = submitApplication();

        // when
        screen(pi);

        // then
        assertThat(task("reviewHealth", pi)).hasCandidateGroup("health").isNotAssigned();
        assertThat(task("reviewHousing", pi)).hasCandidateGroup("housing").isNotAssigned();
        assertThat(task("reviewLabour", pi)).hasCandidateGroup("labour").isNotAssigned();
        assertThat(task("reviewTransport", pi)).hasCandidateGroup("transport").isNotAssigned();
        assertThat(deployedForm(task("reviewHealth", pi)))
                .contains("\"id\": \"healthReview\"", "ineligibleWorkers", "vaccinationPriority", "medicalPlan");
        assertThat(deployedForm(task("reviewHousing", pi))).contains("\"id\": \"housingReview\"", "accommodations");
        assertThat(deployedForm(task("reviewLabour", pi))).contains("\"id\": \"labourReview\"", "roster");
        assertThat(deployedForm(task("reviewTransport", pi))).contains("\"id\": \"transportReview\"", "shuttles");
        for (String key : List.of("reviewHealth", "reviewHousing", "reviewLabour", "reviewTransport")) {
            assertThat(deployedForm(task(key, pi))).as(key)
                    .contains("ruleSetVersion", "findings", "REQUEST_CHANGES", "Yêu cầu bổ sung",
                            "\"key\": \"comment\"");
        }
    }

    @Test
    void everyTaskIsDueAfterTheReviewPeriod() {
        // given the engine's clock stands still
        Date created = Date.from(Instant.parse("2021-06-20T02:00:00Z"));
        ClockUtil.setCurrentTime(created);
        ProcessInstance pi = submitApplication();

        // when
        screen(pi);
        completeAllReviews(pi, APPROVE);

        // then each review task, and the steering task, is due the review period after it was created
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getDueDate)
                .containsExactlyInAnyOrder(
                        tuple("reviewHealth", Date.from(created.toInstant().plus(REVIEW_DUE))),
                        tuple("reviewHousing", Date.from(created.toInstant().plus(REVIEW_DUE))),
                        tuple("reviewLabour", Date.from(created.toInstant().plus(REVIEW_DUE))),
                        tuple("reviewTransport", Date.from(created.toInstant().plus(REVIEW_DUE))),
                        tuple("steeringDecision", Date.from(created.toInstant().plus(REVIEW_DUE))));
    }

    @Test
    void steeringTaskUsesTheSteeringDecisionForm() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);

        // when
        completeAllReviews(pi, APPROVE);

        // then
        String form = deployedForm(task("steeringDecision", pi));
        assertThat(form).contains("\"id\": \"steeringDecision\"", "groupVerdicts", "findings", "ruleSetVersion")
                .doesNotContain("REQUEST_CHANGES");
    }

    @Test
    void parallelReviewTasksKeepTheirOwnDecision() {
        // given
        ProcessInstance pi = submitApplication();
        screen(pi);

        // when two groups decide differently, one after the other, with the same variable names
        complete(task("reviewHealth", pi), APPROVE, "Ổn / Fine");
        Task housing = task("reviewHousing", pi);
        assertThat(taskService().getVariables(housing.getId()))
                .as("the housing form opens empty, not with the health group's verdict")
                .containsEntry(DECISION, null)
                .containsEntry(COMMENT, null);
        complete(housing, REQUEST_CHANGES, "Thiếu giấy tờ / Papers missing");

        // then each verdict lands in its own process variable and `decision` stays task-scoped
        assertThat(pi).variables()
                .containsEntry(decisionOf("health"), APPROVE)
                .containsEntry(decisionOf("housing"), REQUEST_CHANGES)
                .doesNotContainKeys(DECISION, COMMENT, decisionOf("labour"), decisionOf("transport"));
        assertThat(pi).isWaitingAt("reviewLabour", "reviewTransport");
        assertThat(recordedDecisions).containsExactly("reviewHealth:APPROVE", "reviewHousing:REQUEST_CHANGES");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A submission that comes without a verdict (the rules failed on it when it was submitted): the process screens it. */
    private ProcessInstance submitApplication() {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
                PROCESS_KEY, APPLICATION, Map.of(APPLICATION_ID, APPLICATION));
        assertThat(pi).isStarted().isWaitingAt("screenApplication");
        return pi;
    }

    /** The process's screening task is asyncBefore: its job has to be executed explicitly. */
    private void screen(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("screenApplication");
        execute(job("screenApplication", pi));
    }

    private void correctApplication() {
        engine.getRuntimeService().createMessageCorrelation(CORRECTION_MESSAGE)
                .processInstanceBusinessKey(APPLICATION)
                .correlate();
    }

    private void completeAllReviews(ProcessInstance pi, String decision) {
        for (String group : GROUPS) {
            Task task = task(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group));
            complete(task, decision, null);
        }
    }

    private void decideSteering(ProcessInstance pi, String decision) {
        assertThat(pi).isWaitingAt("steeringDecision");
        complete(task("steeringDecision", pi), decision, null);
    }

    /** What Tasklist does: reads the form's fields, then submits the member's decision as variables of the task. */
    private void complete(Task task, String decision, String comment) {
        formsRead.add((String) engine.getFormService().getTaskFormVariables(task.getId()).getValue(FORM_OF, String.class));
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, decision);
        variables.put(COMMENT, comment);
        taskService().complete(task.getId(), variables);
    }

    private String deployedForm(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.camunda.bpm.engine.TaskService taskService() {
        return engine.getTaskService();
    }

    private org.camunda.bpm.engine.HistoryService historyService() {
        return engine.getHistoryService();
    }

    private org.camunda.bpm.engine.ManagementService managementService() {
        return engine.getManagementService();
    }

    /** Stands in for the status read model; public so that JUEL can call {@code mark} from the BPMN. */
    public static class ApplicationStatusRecorder {

        final List<String> statuses = new ArrayList<>();

        public void mark(DelegateExecution execution, String status) {
            assertThat(execution.getProcessBusinessKey()).isEqualTo(APPLICATION);
            statuses.add(status);
        }
    }
}

package org.greenlane.review;

import static org.greenlane.workflow.ProcessVariables.ELIGIBLE_COUNT;
import static org.greenlane.workflow.ProcessVariables.ENTERPRISE_NAME;
import static org.greenlane.workflow.ProcessVariables.FINDINGS;
import static org.greenlane.workflow.ProcessVariables.GROUP_VERDICTS;
import static org.greenlane.workflow.ProcessVariables.INDUSTRIAL_PARK;
import static org.greenlane.workflow.ProcessVariables.RULE_SET_VERSION;
import static org.greenlane.workflow.ProcessVariables.WORKER_COUNT;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.screening.Finding;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.springframework.stereotype.Component;

/**
 * Gives a new task what its group needs to decide in one screen, as task-local variables: only this task holds
 * them, so parallel groups never write over each other.
 */
@Component("prepareReviewTaskListener")
class PrepareReviewTaskListener implements TaskListener {

    /** Enough to decide on in a form; the full list stays in the status API. */
    private static final int LISTED_WORKERS = 50;

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final ReviewStore reviews;

    PrepareReviewTaskListener(ApplicationStore applications, ScreeningStore screenings, ReviewStore reviews) {
        this.applications = applications;
        this.screenings = screenings;
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        String group = TaskGroups.of(task);
        var application = applications.get(id);
        ScreeningResult screening = screenings.latest(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " was never screened"));
        task.setVariableLocal(ENTERPRISE_NAME, application.enterpriseName() + " (MST " + application.taxCode() + ")");
        task.setVariableLocal(INDUSTRIAL_PARK, application.industrialPark());
        task.setVariableLocal(WORKER_COUNT, screening.workerCount());
        task.setVariableLocal(ELIGIBLE_COUNT, screening.eligibleCount());
        task.setVariableLocal(RULE_SET_VERSION, screening.ruleSetVersion());
        boolean steering = WorkingGroups.STEERING.equals(group);
        List<Finding> findings = steering ? screening.findings() : screening.findingsFor(group);
        StringBuilder text = new StringBuilder(findings.isEmpty()
                ? "Không có phát hiện nào / No findings." : describe(findings));
        if ("health".equals(group)) {
            text.append(describeWorkers(screening));
        }
        task.setVariableLocal(FINDINGS, text.toString());
        if (steering) {
            task.setVariableLocal(GROUP_VERDICTS, reviews.ofRound(id, application.reviewRound()).stream()
                    .filter(r -> !WorkingGroups.STEERING.equals(r.group()))
                    .map(r -> WorkingGroups.NAMES.get(r.group()) + ": " + r.decision() + " — " + r.decidedBy()
                            + (r.comment() == null || r.comment().isBlank() ? "" : ": " + r.comment()))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> "[" + f.severity() + "] " + f.code() + " (" + f.group() + ", " + f.subject() + "): "
                        + f.messageVi() + " / " + f.messageEn())
                .collect(Collectors.joining("\n"));
    }

    private static String describeWorkers(ScreeningResult screening) {
        var ineligible = screening.workers().stream().filter(w -> !w.eligible()).toList();
        StringBuilder text = new StringBuilder();
        if (!ineligible.isEmpty()) {
            text.append("\n\nNgười lao động không đủ điều kiện / Ineligible workers (").append(ineligible.size())
                    .append("):\n");
            ineligible.stream().limit(LISTED_WORKERS).forEach(w -> text.append("- ").append(w.fullName())
                    .append(" (").append(w.citizenId()).append("): ").append(String.join(", ", w.reasons()))
                    .append('\n'));
            if (ineligible.size() > LISTED_WORKERS) {
                text.append("… (").append(ineligible.size() - LISTED_WORKERS).append(" more in the status API)\n");
            }
        }
        if (!screening.vaccinationPriority().isEmpty()) {
            text.append("\nƯu tiên tiêm chủng / Vaccination priority: ").append(screening.vaccinationPriority().size())
                    .append(" người / people");
        }
        return text.toString();
    }
}

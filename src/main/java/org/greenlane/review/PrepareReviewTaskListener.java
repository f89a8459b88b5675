package org.greenlane.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.stereotype.Component;

/**
 * Gives a new task what its group needs to decide in one screen ({@link ReviewFormData}), as task-local variables:
 * only this task holds them, so parallel groups never write over each other.
 */
@Component("prepareReviewTaskListener")
class PrepareReviewTaskListener implements TaskListener {

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final ReviewStore reviews;
    private final GreenlaneProperties properties;

    PrepareReviewTaskListener(ApplicationStore applications, ScreeningStore screenings, ReviewStore reviews,
                              GreenlaneProperties properties) {
        this.applications = applications;
        this.screenings = screenings;
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        String group = TaskGroups.of(task);
        ScreeningResult screening = screenings.latest(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " was never screened"));
        List<ReviewStore.Review> verdicts = WorkingGroups.STEERING.equals(group)
                ? reviews.ofRound(id, applications.get(id).reviewRound()) : List.of();
        task.setVariablesLocal(ReviewFormData.of(group, applications.document(id), screening, verdicts,
                properties.zone()));
    }
}

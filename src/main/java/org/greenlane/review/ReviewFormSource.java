package org.greenlane.review;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.greenlane.application.ApplicationStore;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.workflow.FormDataSource;
import org.springframework.stereotype.Component;

/** What a group's review form shows ({@link ReviewFormData}), from the application's latest document and screening. */
@Component("reviewFormData")
class ReviewFormSource implements FormDataSource {

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final ReviewStore reviews;
    private final GreenlaneProperties properties;

    ReviewFormSource(ApplicationStore applications, ScreeningStore screenings, ReviewStore reviews,
                     GreenlaneProperties properties) {
        this.applications = applications;
        this.screenings = screenings;
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public Map<String, Object> formData(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        String group = TaskGroups.of(task);
        var screening = screenings.latest(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " was never screened"));
        List<ReviewStore.Review> verdicts = WorkingGroups.STEERING.equals(group)
                ? reviews.ofRound(id, applications.get(id).reviewRound()) : List.of();
        return ReviewFormData.of(group, applications.document(id), screening, verdicts, properties.zone());
    }
}

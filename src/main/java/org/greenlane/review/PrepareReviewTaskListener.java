package org.greenlane.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.intake.ApplicationDocument;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        ScreeningResult screening = onceInTransaction("screening:" + id, () -> screenings.latest(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " was never screened")));
        ApplicationDocument document = onceInTransaction("document:" + id, () -> applications.document(id));
        List<ReviewStore.Review> verdicts = WorkingGroups.STEERING.equals(group)
                ? reviews.ofRound(id, applications.get(id).reviewRound()) : List.of();
        task.setVariablesLocal(ReviewFormData.of(group, document, screening, verdicts, properties.zone()));
    }

    /**
     * The four group tasks open in one transaction; reading and parsing the same document and screening four times
     * was a sixth of the server's CPU under load.
     */
    @SuppressWarnings("unchecked")
    private <T> T onceInTransaction(String key, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<String, Object> loaded = (Map<String, Object>) TransactionSynchronizationManager.getResource(this);
        if (loaded == null) {
            Map<String, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PrepareReviewTaskListener.this);
                }
            });
            loaded = fresh;
        }
        return (T) loaded.computeIfAbsent(key, k -> load.get());
    }
}

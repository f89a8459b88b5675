package org.greenlane.workflow;

import java.util.Optional;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.StoredApplication;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Screens an application with the rule set active now and keeps the result and its timeline entry. A new
 * submission is screened in its own transaction, so that its process starts straight at the review; a correction,
 * or a submission the rules failed on, is screened by the process's asynchronous screening task, which the engine
 * retries and then reports as an incident.
 */
@Component
class ApplicationScreening {

    private static final Logger log = LoggerFactory.getLogger(ApplicationScreening.class);

    private final ApplicationStore applications;
    private final ActiveRuleSet rules;
    private final Screening screening;
    private final ScreeningStore screenings;
    private final Timeline timeline;

    ApplicationScreening(ApplicationStore applications, ActiveRuleSet rules, Screening screening,
                         ScreeningStore screenings, Timeline timeline) {
        this.applications = applications;
        this.rules = rules;
        this.screening = screening;
        this.screenings = screenings;
        this.timeline = timeline;
    }

    /** Screens the stored document of the application: whether the screening found blockers. */
    boolean screenStored(String id) {
        return keep(applications.get(id), screening.screen(rules.get(), applications.document(id)));
    }

    /**
     * Screens a document just stored by the submitting transaction. Empty when the rules fail on it: the
     * submission still stands and the process's screening task tries again.
     */
    Optional<Boolean> screenSubmitted(String id, ApplicationDocument document) {
        ScreeningResult result;
        try {
            result = screening.screen(rules.get(), document);
        } catch (RuntimeException e) {
            log.warn("Screening at submission failed; the process screens the application again", e);
            return Optional.empty();
        }
        return Optional.of(keep(applications.get(id), result));
    }

    private boolean keep(StoredApplication stored, ScreeningResult result) {
        screenings.save(stored.id(), stored.revision(), result);
        timeline.record(stored.id(), "SCREENED", "system", result.summary());
        return result.hasBlockers();
    }
}

package org.greenlane.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.greenlane.application.ApplicationAccess;
import org.greenlane.application.ApplicationCorrected;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.ApplicationSubmitted;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.application.StoredApplication;
import org.greenlane.security.CurrentUser;
import org.greenlane.system.Checksum;
import org.greenlane.system.ConflictException;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.ForbiddenException;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.timeline.Timeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class IntakeService {

    private final ApplicationValidator validator;
    private final ApplicationStore store;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeService(ApplicationValidator validator, ApplicationStore store, Timeline timeline,
                  ApplicationEventPublisher events, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the application and starts its process in one transaction. With an idempotency key, a retry of the
     * same request finds the first application instead of making a second.
     */
    @Transactional
    Submission submit(ApplicationDocument application, String idempotencyKey) {
        validator.check(application);
        CurrentUser.enterpriseTaxCode().filter(own -> !own.equals(application.enterprise().taxCode()))
                .ifPresent(own -> {
                    throw new ForbiddenException(new FieldProblem("enterprise.taxCode",
                            "must be your own tax code " + own + ": an enterprise submits only for itself"));
                });
        String document = store.json(application);
        String hash = sha256(document);
        if (idempotencyKey != null) {
            var earlier = store.findByIdempotencyKey(application.enterprise().taxCode(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        String id = UUID.randomUUID().toString();
        store.insert(id, application, document, idempotencyKey, hash, clock.instant());
        timeline.record(id, "SUBMITTED", application.enterprise().taxCode(),
                application.workers().size() + " workers");
        events.publishEvent(new ApplicationSubmitted(id, application));
        return new Submission(id, false);
    }

    /** The answer to a retry that lost the race to insert: the winner's application. */
    @Transactional(readOnly = true)
    Submission replayAfterRace(ApplicationDocument application, String idempotencyKey) {
        var earlier = store.findByIdempotencyKey(application.enterprise().taxCode(), idempotencyKey)
                .orElseThrow(() -> new ConflictException("The submission with this Idempotency-Key could not be "
                        + "stored; send it again."));
        return replay(earlier, sha256(store.json(application)));
    }

    private static Submission replay(ApplicationStore.Replay earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new ConflictException("This Idempotency-Key was already used for a different application ("
                    + earlier.applicationId() + "); use a new key for a new application.");
        }
        return new Submission(earlier.applicationId(), true);
    }

    /** Replaces the document of an application that waits for correction and sends it back to screening. */
    @Transactional
    StoredApplication correct(String id, ApplicationDocument application) {
        StoredApplication stored = store.lock(id);
        ApplicationAccess.requireReadable(stored);
        if (stored.status() != ApplicationStatus.NEEDS_CORRECTION) {
            throw new ConflictException("Application " + id + " is " + stored.status()
                    + "; only an application in NEEDS_CORRECTION can be corrected.");
        }
        validator.check(application);
        if (!stored.taxCode().equals(application.enterprise().taxCode())) {
            throw new InvalidRequestException(List.of(new FieldProblem("enterprise.taxCode",
                    "must stay " + stored.taxCode() + ": a correction cannot move an application to another enterprise")));
        }
        store.replaceDocument(id, application, clock.instant());
        timeline.record(id, "CORRECTED", stored.taxCode(), "revision " + (stored.revision() + 1));
        events.publishEvent(new ApplicationCorrected(id));
        return store.get(id);
    }

    private static String sha256(String document) {
        return Checksum.sha256(document.getBytes(StandardCharsets.UTF_8));
    }

    record Submission(String applicationId, boolean replayed) {
    }
}

package org.greenlane.intake;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.StoredApplication;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.ForbiddenException;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.workbook.WorkbookApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class IntakeController {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@RequestBody ApplicationDocument application,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        return accept(application, idempotencyKey);
    }

    /** The filled template instead of JSON: the same checks and answer, each problem told at its cell. */
    @PostMapping(consumes = WorkbookApplication.MEDIA_TYPE)
    ResponseEntity<Accepted> submitWorkbook(@RequestBody(required = false) WorkbookApplication workbook,
                                            @RequestHeader(name = "Idempotency-Key", required = false)
                                            String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        WorkbookApplication uploaded = required(workbook);
        return atCells(uploaded, () -> accept(uploaded.document(), idempotencyKey));
    }

    private ResponseEntity<Accepted> accept(ApplicationDocument application, String idempotencyKey) {
        IntakeService.Submission submission;
        try {
            submission = intake.submit(application, idempotencyKey);
        } catch (DuplicateKeyException raceLost) {
            submission = intake.replayAfterRace(application, idempotencyKey);
        }
        return ResponseEntity.created(URI.create("/api/applications/" + submission.applicationId()))
                .header("Idempotent-Replayed", String.valueOf(submission.replayed()))
                .body(new Accepted(submission.applicationId(), "/api/applications/" + submission.applicationId()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> correct(@PathVariable String id, @RequestBody ApplicationDocument application) {
        StoredApplication corrected = intake.correct(id, application);
        return ResponseEntity.accepted()
                .body(new Accepted(corrected.id(), "/api/applications/" + corrected.id()));
    }

    @PutMapping(path = "/{id}", consumes = WorkbookApplication.MEDIA_TYPE)
    ResponseEntity<Accepted> correctWorkbook(@PathVariable String id,
                                             @RequestBody(required = false) WorkbookApplication workbook) {
        WorkbookApplication uploaded = required(workbook);
        return atCells(uploaded, () -> correct(id, uploaded.document()));
    }

    /** An empty body is no workbook (Spring's own answer would ask for JSON). */
    private static WorkbookApplication required(WorkbookApplication workbook) {
        if (workbook == null) {
            throw WorkbookApplication.refused("is missing: send the filled template as the request body");
        }
        return workbook;
    }

    /** What the intake finds wrong with a workbook's document, told at the cells it was read from. */
    private static <T> T atCells(WorkbookApplication workbook, Supplier<T> intake) {
        try {
            return intake.get();
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(workbook.atCells(invalid.problems()));
        } catch (ForbiddenException forbidden) {
            throw new ForbiddenException(workbook.atCell(forbidden.problems().get(0)));
        }
    }

    private static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || !key.matches("\\p{Graph}+"))) {
            throw new InvalidRequestException(List.of(new FieldProblem("Idempotency-Key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible characters without spaces (a UUID fits)")));
        }
    }

    /** What the enterprise keeps: the id, and where to follow the status. */
    record Accepted(String id, String statusUrl) {
    }
}

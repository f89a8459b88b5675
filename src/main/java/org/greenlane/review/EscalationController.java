package org.greenlane.review;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The steering committee's list of reviews past their due date, oldest first. */
@RestController
@RequestMapping(path = "/api/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
class EscalationController {

    private final Escalations escalations;

    EscalationController(Escalations escalations) {
        this.escalations = escalations;
    }

    @GetMapping
    List<Escalations.Escalation> open() {
        return escalations.open();
    }
}

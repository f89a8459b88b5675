package org.greenlane.infection;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/applications/{id}/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class InfectionCaseController {

    private final InfectionCaseService cases;

    InfectionCaseController(InfectionCaseService cases) {
        this.cases = cases;
    }

    /** An infection case in an approved enterprise: it is suspended until the health group resumes or revokes it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InfectionCases.InfectionCase> report(@PathVariable String id,
                                                        @Valid @RequestBody InfectionReport report) {
        return ResponseEntity.created(URI.create("/api/applications/" + id)).body(cases.report(id, report));
    }
}

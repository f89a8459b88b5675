package org.greenlane.incident;

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
class IncidentController {

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** An infection case in an approved enterprise: it is suspended until the health group resumes or revokes it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Incidents.Incident> report(@PathVariable String id, @Valid @RequestBody IncidentReport report) {
        return ResponseEntity.created(URI.create("/api/applications/" + id)).body(incidents.report(id, report));
    }
}

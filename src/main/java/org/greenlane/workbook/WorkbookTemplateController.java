package org.greenlane.workbook;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The template workbook: the same for everyone and holding no data, so anyone may have it (SecurityConfiguration). */
@RestController
class WorkbookTemplateController {

    private final WorkbookTemplate template;

    WorkbookTemplateController(WorkbookTemplate template) {
        this.template = template;
    }

    @GetMapping(path = "/api/applications/template.xlsx", produces = WorkbookApplication.MEDIA_TYPE)
    ResponseEntity<Resource> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("greenlane-application.xlsx").build().toString())
                .body(new ByteArrayResource(template.bytes()));
    }
}

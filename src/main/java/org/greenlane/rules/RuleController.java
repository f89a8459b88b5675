package org.greenlane.rules;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStore;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.security.AuditLog;
import org.greenlane.system.Checksum;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.system.NotFoundException;
import org.greenlane.system.PlainText;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rule API: what is active, checking and trying drafts, writing through to the folder, versions. */
@RestController
@Validated
@RequestMapping(path = "/api/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleController {

    private final ActiveRuleSet rules;
    private final RuleSetVersions versions;
    private final WhatIf whatIf;
    private final ApplicationStore applications;
    private final AuditLog audit;
    private final ScreeningStore screenings;

    RuleController(ActiveRuleSet rules, RuleSetVersions versions, WhatIf whatIf, ApplicationStore applications,
                   AuditLog audit, ScreeningStore screenings) {
        this.screenings = screenings;
        this.rules = rules;
        this.versions = versions;
        this.whatIf = whatIf;
        this.applications = applications;
        this.audit = audit;
    }

    @GetMapping
    RulesView active() {
        var active = rules.active();
        var activation = active.activation();
        List<FileView> files = active.files().entrySet().stream()
                .map(file -> new FileView(file.getKey(), Checksum.sha256(file.getValue()), file.getValue().length))
                .toList();
        var pending = rules.pending();
        return new RulesView(activation.version(), activation.checksum(), activation.activatedAt(),
                activation.activatedBy(), activation.comment(), files, pending == null,
                pending == null ? null : new PendingView(pending.detectedAt(), pending.problems()),
                screenings.progressTowards(active.rules().version()));
    }

    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Validation validate(@RequestPart("files") List<MultipartFile> files, Principal author) {
        SortedMap<String, byte[]> draft = DraftFiles.read(files);
        try {
            rules.compileDraft(draft);
            audit.record(actor(author), "RULES_VALIDATED", "draft", "valid; " + DraftFiles.checksums(draft));
            return new Validation(true, List.of());
        } catch (RuleSetCompileException e) {
            audit.record(actor(author), "RULES_VALIDATED", "draft", e.summary(draft));
            return new Validation(false, e.problems());
        }
    }

    /** Compiling a draft runs none of its rules; only what passed the compiler's source check is then fired. */
    @PostMapping(path = "/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WhatIf.Comparison whatIf(@RequestPart("files") List<MultipartFile> files,
                             @RequestPart(name = "application", required = false) ApplicationDocument application,
                             @RequestParam(name = "applicationId", required = false) @PlainText @Size(max = 100)
                             String applicationId,
                             Principal author) {
        if ((application == null) == (applicationId == null)) {
            throw new InvalidRequestException(List.of(new FieldProblem("application",
                    "give either an application (JSON part) or the applicationId of a stored one")));
        }
        SortedMap<String, byte[]> draft = DraftFiles.read(files);
        String subject = applicationId != null ? applicationId : "posted application";
        ScreeningRules compiled;
        try {
            compiled = rules.compileDraft(draft);
        } catch (RuleSetCompileException e) {
            audit.record(actor(author), "RULES_WHAT_IF", subject, e.summary(draft));
            throw e;
        }
        WhatIf.Comparison comparison = whatIf.compare(compiled,
                application != null ? application : applications.document(applicationId));
        audit.record(actor(author), "RULES_WHAT_IF", subject, "eligible " + comparison.active().eligibleCount()
                + " → " + comparison.draft().eligibleCount() + "; " + DraftFiles.checksums(draft));
        return comparison;
    }



    /** Raw file bytes; a form-encoded or plain-text body is refused (415): a foreign page may post those. */
    @PutMapping(path = "/files/{name}", consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "text/csv", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ActivationView write(@PathVariable String name, @RequestBody byte[] content,
                         @RequestParam(required = false) @PlainText @Size(max = 1000) String comment,
                         Principal author) {
        DraftFiles.requireRuleName(name);
        return ActivationView.of(rules.write(name, content, actor(author), comment));
    }

    @DeleteMapping("/files/{name}")
    ActivationView delete(@PathVariable String name,
                          @RequestParam(required = false) @PlainText @Size(max = 1000) String comment,
                          Principal author) {
        DraftFiles.requireRuleName(name);
        if (!rules.active().files().containsKey(name)) {
            throw new NotFoundException("No rule file " + name + " in the active set");
        }
        return ActivationView.of(rules.delete(name, actor(author), comment));
    }

    @GetMapping("/versions")
    List<RuleSetVersions.VersionSummary> versions() {
        return versions.list();
    }

    @PostMapping("/versions/{version}/activate")
    ActivationView rollback(@PathVariable int version,
                            @RequestParam(required = false) @PlainText @Size(max = 1000) String comment,
                            Principal author) {
        return ActivationView.of(rules.rollback(version, actor(author), comment));
    }

    private static String actor(Principal author) {
        return author == null ? "anonymous" : author.getName();
    }

    /** @param rescreening how many live applications have been screened under the active set (all, when done) */
    record RulesView(int version, String checksum, Instant activatedAt, String activatedBy, String comment,
                     List<FileView> files, boolean folderInSync, PendingView pendingError,
                     ScreeningStore.Progress rescreening) {
    }

    record FileView(String name, String checksum, int size) {
    }

    record PendingView(Instant detectedAt, List<RuleProblem> problems) {
    }

    record Validation(boolean valid, List<RuleProblem> problems) {
    }

    record ActivationView(int version, String checksum, Instant activatedAt, String activatedBy, String comment) {

        static ActivationView of(RuleSetVersions.Activation activation) {
            return new ActivationView(activation.version(), activation.checksum(), activation.activatedAt(),
                    activation.activatedBy(), activation.comment());
        }
    }
}

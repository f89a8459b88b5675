package org.greenlane.impact;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.rules.DraftFiles;
import org.greenlane.screening.Finding;
import org.greenlane.screening.ScreeningDifference.WorkerChange;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.security.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A rule change's consequences over every live application, for rule authors (the rule API's access): a draft
 * (files as for what-if) or an earlier version, against the active set. JSON, or CSV with {@code Accept: text/csv}
 * (one row per application; {@code level=workers}: one per worker whose eligibility would move). Nothing changes.
 */
@RestController
@RequestMapping("/api/rules/impact")
class ImpactController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** Excel opens a CSV without it in the machine's code page, and Vietnamese names lose their diacritics. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Impact impact;
    private final ActiveRuleSet rules;
    private final AuditLog audit;

    ImpactController(Impact impact, ActiveRuleSet rules, AuditLog audit) {
        this.impact = impact;
        this.rules = rules;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> ofDraft(@RequestPart("files") List<MultipartFile> files,
                              @RequestParam(defaultValue = "applications") Level level,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                              Principal author) {
        SortedMap<String, byte[]> draft = DraftFiles.read(files);
        ImpactReport report = impact.of(rules.compileDraft(draft));
        audit.record(author.getName(), "RULES_IMPACT", "draft", summary(report) + "; " + DraftFiles.checksums(draft));
        return answer(report, level, accept);
    }

    @PostMapping(params = "version")
    ResponseEntity<?> ofVersion(@RequestParam int version,
                                @RequestParam(defaultValue = "applications") Level level,
                                @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                Principal author) {
        ScreeningRules compared = rules.compileVersion(version);
        ImpactReport report = impact.of(compared);
        audit.record(author.getName(), "RULES_IMPACT", "v" + version, summary(report) + "; set sha256:"
                + compared.checksum());
        return answer(report, level, accept);
    }

    enum Level { applications, workers }

    private static String summary(ImpactReport report) {
        var province = report.province();
        return report.active() + " → " + report.compared() + ": " + province.enterprisesAffected() + " of "
                + province.enterprises() + " applications affected, eligible " + province.eligibleBefore() + " → "
                + province.eligibleAfter() + ", approved " + province.approvedBefore() + " → "
                + province.approvedAfter();
    }

    private static ResponseEntity<?> answer(ImpactReport report, Level level, String accept) {
        if (accept == null || !accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        String csv = level == Level.workers ? workersCsv(report) : applicationsCsv(report);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"greenlane-impact-" + level + ".csv\"")
                .body(BYTE_ORDER_MARK + csv);
    }

    private static String applicationsCsv(ImpactReport report) {
        StringBuilder csv = new StringBuilder("application_id,tax_code,enterprise,park,status,workers,eligible_before,"
                + "eligible_after,workers_losing,workers_gaining,approved_before,approved_after,findings_added,"
                + "findings_removed,status_after\n");
        for (ImpactReport.Application a : report.applications()) {
            csv.append(String.join(",", a.id(), a.taxCode(), quoted(a.enterpriseName()), quoted(a.park()),
                    a.status().name(), String.valueOf(a.workers()), String.valueOf(a.eligibleBefore()),
                    String.valueOf(a.eligibleAfter()), String.valueOf(a.losing().size()),
                    String.valueOf(a.gaining().size()), orEmpty(a.approvedBefore()), orEmpty(a.approvedAfter()),
                    quoted(codes(a.findingsAdded())), quoted(codes(a.findingsRemoved())),
                    a.statusAfter() == null ? "" : a.statusAfter().name())).append('\n');
        }
        return csv.toString();
    }

    private static String workersCsv(ImpactReport report) {
        StringBuilder csv = new StringBuilder("application_id,enterprise,park,citizen_id,full_name,change,"
                + "reasons_before,reasons_after\n");
        for (ImpactReport.Application a : report.applications()) {
            a.losing().forEach(w -> csv.append(workerRow(a, w, "LOSES")));
            a.gaining().forEach(w -> csv.append(workerRow(a, w, "GAINS")));
        }
        return csv.toString();
    }

    private static String workerRow(ImpactReport.Application a, WorkerChange w, String change) {
        return String.join(",", a.id(), quoted(a.enterpriseName()), quoted(a.park()), w.citizenId(),
                quoted(w.fullName()), change, quoted(String.join(" ", w.reasonsBefore())),
                quoted(String.join(" ", w.reasonsAfter()))) + "\n";
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).distinct().collect(Collectors.joining(" "));
    }

    private static String orEmpty(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** A spreadsheet takes a cell starting with = + - @ as a formula: such text is written as text. */
    private static String quoted(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

package org.greenlane.reporting;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The province's progress, open to anyone: counts per day and park carry no personal data, and the province
 * publishes them.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ProgressReport report;

    ReportController(ProgressReport report) {
        this.report = report;
    }

    @GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    ProgressReport.Progress progress() {
        return report.progress();
    }

    /** One row per park and day, and the province's rows with park "*", for a spreadsheet. */
    @GetMapping(path = "/progress.csv", produces = "text/csv")
    ResponseEntity<String> progressCsv() {
        ProgressReport.Progress progress = report.progress();
        StringBuilder csv = new StringBuilder("date,park,enterprises,workers,cumulative_enterprises,cumulative_workers\n");
        progress.days().forEach(day -> csv.append(row(day, "*")));
        progress.parks().forEach(park -> csv.append(park.days().stream().map(day -> row(day, park.name()))
                .collect(Collectors.joining())));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"greenlane-progress.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    private static String row(ProgressReport.Day day, String park) {
        return String.join(",", day.date().toString(), quoted(park), String.valueOf(day.enterprises()),
                String.valueOf(day.workers()), String.valueOf(day.cumulativeEnterprises()),
                String.valueOf(day.cumulativeWorkers())) + "\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
